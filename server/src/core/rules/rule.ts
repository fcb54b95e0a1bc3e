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
  report(f: Draft): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  title: Record<Locale, string>;
  check(ctx: RuleContext): void;
}
