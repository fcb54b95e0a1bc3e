// What a reviewer declares in .nianbao.json beyond severities, words and ignores, validated (config.ts parses it):
// the thresholds of copied-text, the sums of parts (a total report against the reports it adds up), and the user's
// rule packs. Types and limits only: config.ts validates, the rules read.
import type { Severity, TableId } from './types';

/** copied-text's thresholds, in percent of the text compared (README "Configuration"). */
export interface CopiedTextSettings {
  /** The whole report: reported at or above this share (default 50, a province's assessment deducts points above 50 %). */
  report?: number;
  /** One section: reported at or above this share (default 80). */
  section?: number;
}

export const COPIED_DEFAULTS: Required<CopiedTextSettings> = { report: 50, section: 80 };

/**
 * "The total report equals the sum of its parts": a report whose agency (as its title names it) is `total` must
 * hold, in 表三 and 表四 (or the tables listed), the cell-by-cell sum of the reports of the same year whose agencies
 * are `parts`.
 */
export interface SumDeclaration {
  total: string;
  parts: string[];
  /** Only the reports of this year; every year when absent. */
  year?: number;
  tables: Extract<TableId, 't3' | 't4'>[];
}

/** A wrong → right pair of a user pack: `wrong` is reported where it occurs in the prose, with `right` as the fix. */
export interface PackReplace { wrong: string; right: string; message?: string }
/** A forbidden phrase: literal text with `*` for a short gap (PACK_LIMITS.gap characters at most, in one sentence). */
export interface PackForbid { pattern: string; message: string }

/** A user rule pack: its findings carry the rule id `pack:<name>` (severities and ignores use that id). */
export interface UserPack {
  name: string;
  severity: Severity;
  replace: PackReplace[];
  forbid: PackForbid[];
}

export interface RuleSettings {
  copiedText?: CopiedTextSettings;
  sums?: readonly SumDeclaration[];
  packs?: readonly UserPack[];
}

/** What config.ts accepts of a user pack: untrusted text, so every size is bounded. */
export const PACK_LIMITS = {
  packs: 20,
  entries: 500,
  /** Length of a wrong text, a right text or a pattern (characters). */
  text: 64,
  message: 200,
  /** `*` per pattern. */
  wildcards: 3,
  /** Characters a `*` stands for, at most. */
  gap: 20,
  name: 40,
} as const;

/** The rule id of a pack's findings. */
export function packRuleId(name: string): string {
  return `pack:${name}`;
}

export function isPackRuleId(id: string): boolean {
  return id.startsWith('pack:');
}
