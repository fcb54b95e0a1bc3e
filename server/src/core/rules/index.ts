// The rule registry: one module per rule (rule.ts gives the shape), in reporting order. Stable ids; docs in
// docs/rules/<id>.md.
import type { PairRule, PartsRule, ReportRule, Rule } from './rule';
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
import { placeholder } from './placeholder';
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
import { publishDate } from './publish-date';
import { largeChange } from './large-change';
import { sumOfParts } from './sum-of-parts';

/** Every rule, in reporting order: the 'report' rules, then the 'pair' and 'parts' rules (across reports). */
export const RULES: readonly Rule[] = [
  missingTitle, missingSection, sectionOrder, missingTable, missingRow,
  labelTypo, formatVersion, blankCell, tableBalance, tableUnreadable, placeholder,
  textTableMismatch, percentMismatch, feeReport, summaryLength, otherShare,
  // prose (issue 6)
  typo, duplicateText, ocrDebris, punctuation, traditionalChar, injectedContent, nameMismatch, yearMismatch, docReference,
  // the date under the report against the statutory deadline
  publishDate,
  // across reports: last year's report of the same agency
  carryOver, copiedText, largeChange,
  // across reports: a total declared the sum of other reports (sums in .nianbao.json)
  sumOfParts,
];

/** Rules over one report, run by checkReport. */
export const REPORT_RULES: readonly ReportRule[] = RULES.filter((r): r is ReportRule => r.scope === 'report');
/** Rules over a report and last year's report of the same agency, run by checkPair when that report is known. */
export const PAIR_RULES: readonly PairRule[] = RULES.filter((r): r is PairRule => r.scope === 'pair');
/** Rules over a report declared the total of other reports, with those reports, run by checkParts. */
export const PARTS_RULES: readonly PartsRule[] = RULES.filter((r): r is PartsRule => r.scope === 'parts');

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined { return BY_ID.get(id); }
