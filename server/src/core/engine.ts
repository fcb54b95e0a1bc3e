// checkReport: run every enabled rule over one parse of the text.
import { parseReport } from './parse/report';
import { RULE_LIST } from './rules';
import type { RuleContext } from './rules/rule';
import { LineIndex } from './text';
import type { Finding, Locale, ReportModel, Severity } from './types';

export interface CheckOptions {
  locale?: Locale;
  /** Per-rule severity override, or 'off'. */
  severity?: Record<string, Severity | 'off'>;
  /** User dictionary (`words` in .nianbao.json): text that typo, traditional-char and name-mismatch accept as written. */
  words?: readonly string[];
}

export interface CheckResult { model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

export function checkReport(input: string | ReportModel, options: CheckOptions = {}): CheckResult {
  const text = typeof input === 'string' ? input : input.text;
  const idx = new LineIndex(text);
  const model = typeof input === 'string' ? parseReport(text, idx) : input;
  const locale: Locale = options.locale ?? 'zh-CN';
  const findings: Finding[] = [];
  const words: ReadonlySet<string> | undefined = options.words?.length ? new Set(options.words.filter((w) => w.trim())) : undefined;
  for (const rule of RULE_LIST) {
    const configured = options.severity?.[rule.id];
    if (configured === 'off') continue;
    const ctx: RuleContext = {
      model, text, idx, locale, words,
      t: (zh, en) => (locale === 'en' ? en : zh),
      report: (d) => {
        const { severity, ...rest } = d;
        findings.push({ rule: rule.id, severity: configured ?? severity ?? rule.defaultSeverity, ...rest });
      },
    };
    rule.check(ctx);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { model, findings, lineIndex: idx };
}
