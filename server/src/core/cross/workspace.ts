// Checks across reports: last year's report of the same agency (same agency in the title, year − 1).
import { checkReport, type CheckOptions } from '../engine';
import { CROSS_RULES } from '../rules';
import { foldString, LineIndex } from '../text';
import type { Finding, Locale, ReportModel, Severity } from '../types';

export interface WorkspaceInput { id: string; text: string }
export interface WorkspaceResult { id: string; model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

export interface CrossContext {
  report: ReportModel;
  /** Last year's report of the same agency. */
  last: ReportModel;
  lastId: string;
  locale: Locale;
  t(zh: string, en: string): string;
  emit(f: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }): void;
}

export interface CrossRule {
  id: string;
  defaultSeverity: Severity;
  title: Record<Locale, string>;
  check(ctx: CrossContext): void;
}

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

export function crossFindings(rules: CrossRule[], report: ReportModel, last: ReportModel, lastId: string, options: CheckOptions = {}): Finding[] {
  const locale: Locale = options.locale ?? 'zh-CN';
  const out: Finding[] = [];
  for (const rule of rules) {
    const configured = options.severity?.[rule.id];
    if (configured === 'off') continue;
    rule.check({
      report, last, lastId, locale,
      t: (zh, en) => (locale === 'en' ? en : zh),
      emit: (d) => { const { severity, ...rest } = d; out.push({ rule: rule.id, severity: configured ?? severity ?? rule.defaultSeverity, ...rest }); },
    });
  }
  return out;
}

/**
 * Check several reports together: every single-report rule on each, then the rules across reports
 * (CROSS_RULES) for each report whose agency has last year's report among them.
 */
export function checkWorkspace(inputs: WorkspaceInput[], options: CheckOptions = {}, rules: CrossRule[] = CROSS_RULES): WorkspaceResult[] {
  const results: WorkspaceResult[] = inputs.map((i) => {
    const r = checkReport(i.text, options);
    return { id: i.id, model: r.model, findings: r.findings, lineIndex: r.lineIndex };
  });
  for (const [now, last] of pairWithLastYear(results)) {
    now.findings.push(...crossFindings(rules, now.model, last.model, last.id, options));
    now.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  }
  return results;
}
