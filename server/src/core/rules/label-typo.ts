// label-typo: a heading, row label, column header or block caption deviates from the official wording.
import type { LabelMatch } from '../types';
import type { ReportRule } from './rule';
import { keepTabs, styledOfficial } from './util';

/** Matches that are misspelt, as opposed to laid out differently (spaces, widths) or wrapped over lines. */
function isTypo(m: LabelMatch | undefined): m is LabelMatch {
  return !!m && m.similarity < 1 && m.similarity >= 0.5 && !m.wrapped;
}

export const labelTypo: ReportRule = {
  id: 'label-typo',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '标签与官方表述不一致', en: 'Label differs from the official wording' },
  description: {
    'zh-CN': '标题、行名、列名或表格说明与官方表述不一致（可改为官方表述）',
    en: 'a heading, row label, column header or caption differs from the official wording (fix: the official wording)',
  },
  check({ model, t, report }) {
    const emit = (m: LabelMatch, official: string) => {
      const newText = keepTabs(styledOfficial(official, m.text), m.text);
      report({
        start: m.start, end: m.end,
        message: t(`与官方表述不一致，应为“${official}”`, `Differs from the official wording "${official}"`),
        fixes: m.singleLine ? [{ title: t(`改为“${official}”`, `Change to "${official}"`), edits: [{ start: m.start, end: m.end, newText }], preferred: true }] : undefined,
      });
    };
    for (const s of model.sections) {
      const h = s.heading;
      if (!h.exact && !h.inline) emit({ start: h.start, end: h.end, text: h.text, similarity: 0.9, singleLine: true }, h.official);
    }
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      for (const row of table.rows) if (row.label && isTypo(row.labelMatch)) emit(row.labelMatch, row.label);
      for (const col of table.columns) if (isTypo(col.match)) emit(col.match, col.label);
      for (const cap of table.captions) if (isTypo(cap.match)) emit(cap.match, cap.official);
    }
  },
};
