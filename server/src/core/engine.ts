// checkReport: one parse of the text, then every 'report' rule and the user's rule packs through the runner;
// checkPair: the 'pair' rules of a report with last year's report of the same agency; checkParts: the 'parts' rules
// of a report declared the total of others, with them; all through the same runner.
import { parseReport } from './parse/report';
import { PAIR_RULES, PARTS_RULES, REPORT_RULES } from './rules';
import { packRules } from './rules/packs';
import type { DeclaredPart } from './rules/rule';
import { runRules, type CheckOptions as RunOptions } from './runner';
import type { SumDeclaration } from './settings';
import { textScan } from './prose/scan';
import type { TableReuse } from './parse/reuse';
import { LineIndex } from './text';
import type { Finding, ReportModel } from './types';

export { MAX_FINDINGS_PER_RULE } from './runner';

export interface CheckOptions extends RunOptions {
  /** Tables kept from earlier checks of the text's earlier versions (see TableReuse); none by default. */
  reuse?: TableReuse;
}

export interface CheckResult { model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

/** The order findings are listed in: by place, then rule. */
export function byPlace(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

export function checkReport(input: string | ReportModel, options: CheckOptions = {}): CheckResult {
  const text = typeof input === 'string' ? input : input.text;
  // the line starts come from the prose scan's pass over the text, which the prose rules use after the parse
  const idx = new LineIndex(text, textScan(text).lines);
  const model = typeof input === 'string' ? parseReport(text, idx, { reuse: options.reuse }) : input;
  const findings: Finding[] = [];
  const packs = packRules(options.settings?.packs);
  runRules(packs.length ? [...REPORT_RULES, ...packs] : REPORT_RULES, { model, idx }, options, findings);
  findings.sort(byPlace);
  return { model, findings, lineIndex: idx };
}

/**
 * The findings of the 'pair' rules on `report` (this year's) given last year's report of the same agency (see
 * cross/workspace.ts pairWithLastYear), unsorted. `lastId` names last year's report in related places.
 */
export function checkPair(report: { model: ReportModel; lineIndex?: LineIndex }, last: { model: ReportModel; id: string }, options: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  const idx = report.lineIndex ?? new LineIndex(report.model.text, textScan(report.model.text).lines);
  runRules(PAIR_RULES, { model: report.model, idx, last }, options, out);
  return out;
}

/**
 * The findings of the 'parts' rules on `report`, declared (`sums`) the total of `parts` (see cross/workspace.ts
 * declaredParts), unsorted.
 */
export function checkParts(report: { model: ReportModel; lineIndex?: LineIndex }, parts: { declaration: SumDeclaration; parts: readonly DeclaredPart[] }, options: RunOptions = {}): Finding[] {
  const out: Finding[] = [];
  const idx = report.lineIndex ?? new LineIndex(report.model.text, textScan(report.model.text).lines);
  runRules(PARTS_RULES, { model: report.model, idx, parts }, options, out);
  return out;
}
