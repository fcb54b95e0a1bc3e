// The shape of a rule: a small module with a stable id, a default severity and a check over the parsed model.
import type { Finding, Locale, ReportModel, Severity } from '../types';
import type { LineIndex } from '../text';

export type Draft = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  model: ReportModel;
  text: string;
  idx: LineIndex;
  locale: Locale;
  /** The user dictionary (CheckOptions.words): words the prose rules accept as written. */
  words?: ReadonlySet<string>;
  /** Pick the message in the active locale. */
  t(zh: string, en: string): string;
  /**
   * Report a finding. A rule that can report thousands (a section repeated in a long text, a spam run in every
   * paragraph) passes a function that builds it: only the findings that are listed (engine.ts
   * MAX_FINDINGS_PER_RULE) and the first one past them are built; the rest are counted.
   */
  report(f: Draft | (() => Draft)): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  title: Record<Locale, string>;
  check(ctx: RuleContext): void;
}
