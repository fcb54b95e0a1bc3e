// The one shape of a rule: a small module with its metadata (id, scope, default severity, titles and a one-line
// description in Chinese and English) and a check that reports drafts. The runner (core/runner.ts) turns drafts
// into findings: it applies the severity set by the user, the per-rule cap, the user's words and every ignore.
//
// Scope: 'report' rules read one report; 'pair' rules read a report with last year's report of the same agency
// (cross/workspace.ts pairs them) and are run only when that report is known; 'parts' rules read a report that a
// reviewer declared the total of other reports (`sums` in .nianbao.json) with those reports, and are run only for
// such a report (cross/workspace.ts finds its parts among the reports checked together).
//
// This file holds types only (no value import), so that rule modules, the registry and the runner never import
// each other in a circle.
import type { Finding, Locale, ReportModel, Severity } from '../types';
import type { LineIndex } from '../text';
import type { RuleSettings, SumDeclaration } from '../settings';

export type RuleScope = 'report' | 'pair' | 'parts';

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
  /** What the user declared for the rules that take settings (CheckOptions.settings: thresholds, sums, packs). */
  settings: RuleSettings;
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

/** One declared part of a total: found among the reports checked together when exactly one report is its. */
export interface DeclaredPart {
  /** The agency as the declaration names it. */
  name: string;
  /** How many reports of that agency and year were checked together (found when 1). */
  count: number;
  found?: { model: ReportModel; id: string };
}

/** A 'parts' rule is given the declaration whose total is this report, and each of its parts. */
export interface PartsContext extends RuleContext {
  declaration: SumDeclaration;
  parts: readonly DeclaredPart[];
}

export interface ReportRule extends RuleMeta {
  readonly scope: 'report';
  check(ctx: RuleContext): void;
}

export interface PairRule extends RuleMeta {
  readonly scope: 'pair';
  check(ctx: PairContext): void;
}

export interface PartsRule extends RuleMeta {
  readonly scope: 'parts';
  check(ctx: PartsContext): void;
}

export type Rule = ReportRule | PairRule | PartsRule;
