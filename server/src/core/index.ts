// Public API of the nianbao engine (pure TypeScript; shared by the language server, the CLI and the tests).
export * from './types';
export { LineIndex } from './text';
export { parseReport, type ParseOptions } from './parse/report';
export { TableReuse, type TableReuseLimits } from './parse/reuse';
export { checkReport, type CheckOptions, type CheckResult } from './engine';
export { RULES, ruleById, type RuleMeta } from './rules';
export { checkWorkspace, pairWithLastYear, agencyKey, crossFindings, type WorkspaceInput, type WorkspaceResult } from './cross/workspace';
export { CROSS_RULES } from './rules';
export { findClaims, type Claim } from './cross/figures';
export { TEMPLATE, tableDef, versionForYear, rowsOf, type TableDef, type RowDef, type ColumnDef, type RelationDef, type BlockDef } from './template';
export { formatDec, addDec, subDec, cmpDec, ZERO, parseDec } from './numbers';

/** Path of a rule's documentation, relative to the package root (docs are shipped with the CLI and the extension). */
export function ruleDocPath(id: string): string { return `docs/rules/${id}.md`; }
export { normalizeTables, normalizeReport, normalizeEdits, canonicalLines, formatReport, type NormalizeResult, type TableNormalization } from './normalize';
export { recoverCollapsedTables, recoverCollapsedRows, splitRow } from './parse/collapsed';
