// The one shape of a rule: a small module with its metadata (id, scope, default severity, titles and a one-line
// description in Chinese and English) and a check that reports drafts. The runner (core/runner.ts) turns drafts
// into findings: it applies the severity set by the user, the per-rule cap, the user's words and every ignore.
//
// Scope: 'report' rules read one report; 'pair' rules read a report with last year's report of the same agency
// (cross/workspace.ts pairs them) and are run only when that report is known.
//
// This file holds types only (no value import), so that rule modules, the registry and the runner never import
// each other in a circle.
import type { Finding, Locale, ReportModel, Severity } from '../types';
import type { LineIndex } from '../text';

export type RuleScope = 'report' | 'pair';

/** Which table of the README (and which part of the settings) a rule is listed in: what the rule looks at. */
export type RuleGroup = 'structure' | 'figures' | 'prose';

export type Draft = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

/**
 * What a rule declares about itself. The settings schema in package.json, schemas/nianbao.schema.json, the rule
 * entries of package.nls*.json and the README's rule tables are generated from it (`npm run gen`), and a unit test
 * fails when one of them differs from what the generator writes.
 */
export interface RuleMeta {
  /** Stable id: the diagnostic's `code`, the key in `rules`/`ignore`, the name of docs/rules/<id>.md. */
  readonly id: string;
  readonly scope: RuleScope;
  readonly group: RuleGroup;
  readonly defaultSeverity: Severity;
  /** Severities some of its findings take instead of the default (a severity set by the user replaces them all). */
  readonly otherSeverities?: readonly Severity[];
  readonly title: Readonly<Record<Locale, string>>;
  /** One line for a report writer: what it reports. */
  readonly description: Readonly<Record<Locale, string>>;
}

/** What every rule is given. */
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
   * paragraph) passes a function that builds it: only the findings that are listed (runner.ts
   * MAX_FINDINGS_PER_RULE) and the first one past them are built; the rest are counted.
   */
  report(f: Draft | (() => Draft)): void;
}

/** A 'pair' rule is also given last year's report of the same agency. */
export interface PairContext extends RuleContext {
  last: ReportModel;
  /** Its id (path or URI), for the `file` of related places in it. */
  lastId: string;
}

export interface ReportRule extends RuleMeta {
  readonly scope: 'report';
  check(ctx: RuleContext): void;
}

export interface PairRule extends RuleMeta {
  readonly scope: 'pair';
  check(ctx: PairContext): void;
}

export type Rule = ReportRule | PairRule;
