// Checks across reports: last year's report of the same agency (same agency in the title, year − 1).
import { byPlace, checkPair, checkReport, type CheckOptions } from '../engine';
import { foldString, LineIndex } from '../text';
import type { Finding, ReportModel } from '../types';

/** A report to check; `options` (what the user chose for this report) replaces checkWorkspace's options. */
export interface WorkspaceInput { id: string; text: string; options?: CheckOptions }
export interface WorkspaceResult { id: string; model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

/** The agency as written in the title, folded, so that spacing and widths do not matter. */
export function agencyKey(model: ReportModel): string | undefined {
  const a = model.title?.agency;
  return a ? foldString(a) : undefined;
}

/** For each report: last year's report of the same agency, when exactly one is present. */
export function pairWithLastYear<T extends { model: ReportModel }>(items: T[]): Map<T, T> {
  const byKey = new Map<string, T[]>();
  for (const it of items) {
    const k = agencyKey(it.model), y = it.model.title?.year;
    if (!k || !y) continue;
    const key = `${k}|${y}`;
    byKey.set(key, [...(byKey.get(key) ?? []), it]);
  }
  const out = new Map<T, T>();
  for (const it of items) {
    const k = agencyKey(it.model), y = it.model.title?.year;
    if (!k || !y) continue;
    const last = byKey.get(`${k}|${y - 1}`);
    if (last && last.length === 1 && (byKey.get(`${k}|${y}`)?.length ?? 0) === 1) out.set(it, last[0]);
  }
  return out;
}

/**
 * Check several reports together: every 'report' rule on each, then the 'pair' rules for each report whose agency
 * has last year's report among them. Each report is checked with its own options when it has them.
 */
export function checkWorkspace(inputs: WorkspaceInput[], options: CheckOptions = {}): WorkspaceResult[] {
  const opts = new Map<WorkspaceResult, CheckOptions>();
  const results: WorkspaceResult[] = inputs.map((i) => {
    const o = i.options ?? options;
    const r = checkReport(i.text, o);
    const res = { id: i.id, model: r.model, findings: r.findings, lineIndex: r.lineIndex };
    opts.set(res, o);
    return res;
  });
  for (const [now, last] of pairWithLastYear(results)) {
    now.findings.push(...checkPair(now, { model: last.model, id: last.id }, opts.get(now)));
    now.findings.sort(byPlace);
  }
  return results;
}
