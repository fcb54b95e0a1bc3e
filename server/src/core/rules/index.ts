// The rule registry: one module per rule, in reporting order. Stable ids; docs in docs/rules/<id>.md.
import type { Locale, Severity } from '../types';
import type { Rule } from './rule';
import type { CrossRule } from '../cross/workspace';
import { carryOver } from './carry-over';
import { copiedText } from './copied-text';
import { missingTitle } from './missing-title';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { missingTable } from './missing-table';
import { missingRow } from './missing-row';
import { labelTypo } from './label-typo';
import { formatVersion } from './format-version';
import { blankCell } from './blank-cell';
import { tableBalance } from './table-balance';
import { tableUnreadable } from './table-unreadable';
import { textTableMismatch } from './text-table-mismatch';
import { percentMismatch } from './percent-mismatch';
import { feeReport } from './fee-report';
import { summaryLength } from './summary-length';
import { otherShare } from './other-share';
import { typo } from './typo';
import { duplicateText } from './duplicate-text';
import { ocrDebris } from './ocr-debris';
import { punctuation } from './punctuation';
import { traditionalChar } from './traditional-char';
import { injectedContent } from './injected-content';
import { nameMismatch } from './name-mismatch';
import { yearMismatch } from './year-mismatch';
import { docReference } from './doc-reference';

export const RULE_LIST: Rule[] = [
  missingTitle, missingSection, sectionOrder, missingTable, missingRow,
  labelTypo, formatVersion, blankCell, tableBalance, tableUnreadable,
  textTableMismatch, percentMismatch, feeReport, summaryLength, otherShare,
  // prose (issue 6)
  typo, duplicateText, ocrDebris, punctuation, traditionalChar, injectedContent, nameMismatch, yearMismatch, docReference,
];

/** Rules across reports (last year's report of the same agency), run by checkWorkspace. */
export const CROSS_RULES: CrossRule[] = [carryOver, copiedText];

export interface RuleMeta { id: string; defaultSeverity: Severity; title: Record<Locale, string>; crossFile?: boolean }

export const RULES: RuleMeta[] = [
  ...RULE_LIST.map(({ id, defaultSeverity, title }) => ({ id, defaultSeverity, title })),
  ...CROSS_RULES.map(({ id, defaultSeverity, title }) => ({ id, defaultSeverity, title, crossFile: true })),
];

export function ruleById(id: string): RuleMeta | undefined { return RULES.find((r) => r.id === id); }
