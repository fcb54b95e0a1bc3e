// Public API of the nianbao engine (pure TypeScript; shared by the language server, the CLI and the tests).
export * from './types';
export { LineIndex } from './text';
export { parseReport, type ParseOptions } from './parse/report';
export { TableReuse, type TableReuseLimits } from './parse/reuse';
export { checkReport, checkPair, checkParts, byPlace, MAX_FINDINGS_PER_RULE, type CheckOptions, type CheckResult } from './engine';
export { lineTextAt, type Ignores } from './runner';
export {
  CONFIG_FILE_NAME, ConfigLoader, addIgnoreEntry, addWordEntry, checkOptionsFor, globToRegExp, ignoresFor, isIgnored, parseConfigFile, ruleMap,
  type ConfigFile, type ConfigHost, type IgnoreEntry, type LoadedConfig, type RuleSetting, type SettingsLayer,
} from './config';
export { RULES, REPORT_RULES, PAIR_RULES, PARTS_RULES, ruleById } from './rules';
export { packRules } from './rules/packs';
export { packRuleId, isPackRuleId, PACK_LIMITS, COPIED_DEFAULTS, type RuleSettings, type SumDeclaration, type UserPack, type CopiedTextSettings } from './settings';
export type { Rule, RuleMeta, RuleScope, RuleGroup, RuleContext, PairContext, PartsContext, DeclaredPart, ReportRule, PairRule, PartsRule, Draft } from './rules/rule';
export { checkWorkspace, pairWithLastYear, declaredParts, agencyKey, sameAgency, type WorkspaceInput, type WorkspaceResult } from './cross/workspace';
export { findClaims, type Claim } from './cross/figures';
// measurement of the typo checks (bench/typo-recall.mjs, test/unit/typo-recall.test.ts)
export { makeTypos, TYPO_MIX, type TypoMutation, type TypoKind } from './prose/mutate';
export { TEMPLATE, tableDef, versionForYear, rowsOf, type TableDef, type RowDef, type ColumnDef, type RelationDef, type BlockDef } from './template';
export { formatDec, addDec, subDec, cmpDec, ZERO, parseDec } from './numbers';

/**
 * Path of a rule's documentation, relative to the package root (docs are shipped with the CLI and the extension);
 * the findings of a user rule pack (`pack:<name>`) link to the page on packs.
 */
export function ruleDocPath(id: string): string { return id.startsWith('pack:') ? 'docs/packs.md' : `docs/rules/${id}.md`; }
export { normalizeTables, normalizeReport, normalizeEdits, canonicalLines, formatReport, type NormalizeResult, type TableNormalization } from './normalize';
export { recoverCollapsedTables, recoverCollapsedRows, splitRow } from './parse/collapsed';
