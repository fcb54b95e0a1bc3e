// checkReport: run every enabled rule over one parse of the text.
import { parseReport } from './parse/report';
import { RULE_LIST } from './rules';
import type { RuleContext } from './rules/rule';
import { textScan } from './prose/scan';
import type { TableReuse } from './parse/reuse';
import { LineIndex } from './text';
import type { Finding, Locale, ReportModel, Severity } from './types';

/** Findings listed per rule and document; the rest is summed up in one information finding. */
export const MAX_FINDINGS_PER_RULE = 500;

export interface CheckOptions {
  locale?: Locale;
  /** Per-rule severity override, or 'off'. */
  severity?: Record<string, Severity | 'off'>;
  /** User dictionary (`words` in .nianbao.json): text that typo, traditional-char and name-mismatch accept as written. */
  words?: readonly string[];
  /** Tables kept from earlier checks of the text's earlier versions (see TableReuse); none by default. */
  reuse?: TableReuse;
}

export interface CheckResult { model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

export function checkReport(input: string | ReportModel, options: CheckOptions = {}): CheckResult {
  const text = typeof input === 'string' ? input : input.text;
  // the line starts come from the prose scan's pass over the text, which the prose rules use after the parse
  const idx = new LineIndex(text, textScan(text).lines);
  const model = typeof input === 'string' ? parseReport(text, idx, { reuse: options.reuse }) : input;
  const locale: Locale = options.locale ?? 'zh-CN';
  const findings: Finding[] = [];
  const words: ReadonlySet<string> | undefined = options.words?.length ? new Set(options.words.filter((w) => w.trim())) : undefined;
  for (const rule of RULE_LIST) {
    const configured = options.severity?.[rule.id];
    if (configured === 'off') continue;
    let count = 0;
    let firstDropped: Finding | undefined;
    const ctx: RuleContext = {
      model, text, idx, locale, words,
      t: (zh, en) => (locale === 'en' ? en : zh),
      report: (draft) => {
        // past the first dropped finding, one more is only counted (a degenerate text can report tens of thousands)
        if (++count > MAX_FINDINGS_PER_RULE + 1) return;
        const d = typeof draft === 'function' ? draft() : draft;
        // not { rule, severity, ...rest }: object spread is slow in Node 20's V8
        const severity = configured ?? d.severity ?? rule.defaultSeverity;
        const f = Object.assign({ rule: rule.id, severity }, d) as Finding;
        f.severity = severity;
        if (count <= MAX_FINDINGS_PER_RULE) findings.push(f); else firstDropped = f;
      },
    };
    rule.check(ctx);
    // never a flood (a degenerate text can hold a finding every few characters), never a silent cut
    if (firstDropped) {
      const more = count - MAX_FINDINGS_PER_RULE;
      findings.push({
        rule: rule.id, severity: 'information', start: firstDropped.start, end: firstDropped.end,
        message: locale === 'en' ? `${more} more finding(s) of ${rule.id} from here on are not shown (at most ${MAX_FINDINGS_PER_RULE} per rule)` : `此处起还有 ${more} 个“${rule.id}”问题未列出（每条规则最多列出 ${MAX_FINDINGS_PER_RULE} 个）`,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { model, findings, lineIndex: idx };
}
