// The one runner: every rule, of either scope, for the CLI, the language server and "check workspace" alike, is run
// here. It applies what the user chose for the report (CheckOptions: severities, words, ignores) and the per-rule
// cap. It is on the keystroke path: no work per finding beyond building the finding, unless an "ignore here" entry
// names the rule.
import type { DeclaredPart, Draft, PairContext, PartsContext, Rule, RuleContext } from './rules/rule';
import type { RuleSettings, SumDeclaration } from './settings';
import type { LineIndex } from './text';
import type { Finding, Locale, ReportModel, Severity } from './types';

/** Findings listed per rule and document; the rest is summed up in one information finding. */
export const MAX_FINDINGS_PER_RULE = 500;

/**
 * The ignores that apply to one report, resolved from the config file (config.ts `ignoresFor`): plain data, so that
 * it can key a cache.
 */
export interface Ignores {
  /** Rules not run on this report (ignored everywhere, or in files matching a glob that matches it); '*' is every rule. */
  rules?: readonly string[];
  /** "Ignore here": findings of `rule` whose first line reads `line` (trimmed) are dropped. */
  lines?: readonly { rule: string; line: string }[];
}

export interface CheckOptions {
  locale?: Locale;
  /** Per-rule severity override, or 'off'. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** User dictionary (`words` in .nianbao.json): text that typo, traditional-char and name-mismatch accept as written. */
  words?: readonly string[];
  ignore?: Ignores;
  /** Thresholds, sums of parts and user rule packs (`copiedText`, `sums`, `packs` in .nianbao.json). */
  settings?: RuleSettings;
}

/**
 * What the rules read: the report (for 'pair' rules, last year's report of the same agency; for 'parts' rules, the
 * declaration whose total it is and its parts).
 */
export interface RunInput {
  model: ReportModel;
  idx: LineIndex;
  last?: { model: ReportModel; id: string };
  parts?: { declaration: SumDeclaration; parts: readonly DeclaredPart[] };
}

/** The trimmed text of the line holding `offset`: the key of an "ignore here" entry (the editor writes it). */
export function lineTextAt(idx: LineIndex, offset: number): string {
  const line = idx.positionAt(offset).line;
  const start = idx.starts[line];
  const end = line + 1 < idx.starts.length ? idx.starts[line + 1] : idx.text.length;
  return idx.text.slice(start, end).trim();
}

/**
 * Run `rules` over the input and append their findings to `out` (unsorted). 'pair' rules run only when the input has
 * last year's report, 'parts' rules only when it has parts. Severity: the user's for the rule, else the draft's own,
 * else the rule's default.
 */
export function runRules(rules: readonly Rule[], input: RunInput, options: CheckOptions, out: Finding[]): void {
  const { model, idx } = input;
  const text = model.text;
  const locale: Locale = options.locale ?? 'zh-CN';
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const words: ReadonlySet<string> | undefined = options.words?.length ? new Set(options.words.filter((w) => w.trim())) : undefined;
  const ignoredRules = options.ignore?.rules?.length ? options.ignore.rules : undefined;
  if (ignoredRules?.includes('*')) return;
  const ignoredLines = options.ignore?.lines?.length ? options.ignore.lines : undefined;
  const settings: RuleSettings = options.settings ?? {};
  for (const rule of rules) {
    const configured = options.severity?.[rule.id];
    if (configured === 'off') continue;
    if (ignoredRules && ignoredRules.includes(rule.id)) continue;
    if (rule.scope === 'pair' && !input.last) continue;
    if (rule.scope === 'parts' && !input.parts) continue;
    const first = out.length;
    let count = 0;
    let firstDropped: Finding | undefined;
    const report = (draft: Draft | (() => Draft)) => {
      // past the first dropped finding, one more is only counted (a degenerate text can report tens of thousands)
      if (++count > MAX_FINDINGS_PER_RULE + 1) return;
      const d = typeof draft === 'function' ? draft() : draft;
      // not { rule, severity, ...rest }: object spread is slow in Node 20's V8
      const severity = configured ?? d.severity ?? rule.defaultSeverity;
      const f = Object.assign({ rule: rule.id, severity }, d) as Finding;
      f.severity = severity;
      if (count <= MAX_FINDINGS_PER_RULE) out.push(f); else firstDropped = f;
    };
    const ctx: RuleContext = { model, text, idx, locale, words, settings, t, report };
    if (rule.scope === 'pair') {
      const pair: PairContext = Object.assign(ctx, { last: input.last!.model, lastId: input.last!.id });
      rule.check(pair);
    } else if (rule.scope === 'parts') {
      const parts: PartsContext = Object.assign(ctx, input.parts!);
      rule.check(parts);
    } else rule.check(ctx);
    // never a flood (a degenerate text can hold a finding every few characters), never a silent cut
    if (firstDropped) {
      const more = count - MAX_FINDINGS_PER_RULE;
      out.push({
        rule: rule.id, severity: 'information', start: firstDropped.start, end: firstDropped.end,
        message: locale === 'en' ? `${more} more finding(s) of ${rule.id} from here on are not shown (at most ${MAX_FINDINGS_PER_RULE} per rule)` : `此处起还有 ${more} 个“${rule.id}”问题未列出（每条规则最多列出 ${MAX_FINDINGS_PER_RULE} 个）`,
      });
    }
    if (ignoredLines && out.length > first) dropIgnoredLines(out, first, rule.id, ignoredLines, idx);
  }
}

/** Remove from out[first..] the findings (of `rule`) on a line that an "ignore here" entry for `rule` names. */
function dropIgnoredLines(out: Finding[], first: number, rule: string, entries: readonly { rule: string; line: string }[], idx: LineIndex): void {
  let lines: Set<string> | undefined;
  for (const e of entries) if (e.rule === rule) (lines ??= new Set()).add(e.line);
  if (!lines) return;
  let k = first;
  for (let i = first; i < out.length; i++) if (!lines.has(lineTextAt(idx, out[i].start))) out[k++] = out[i];
  out.length = k;
}
