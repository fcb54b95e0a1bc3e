// label-typo: a heading, row label, column header or block caption deviates from the official wording.
import type { LabelMatch } from '../types';
import { foldString } from '../text';
import { wholeCodePoints } from '../parse/tables';
import type { ReportRule } from './rule';
import { keepTabs, styledOfficial } from './util';

/** Matches that are misspelt, as opposed to laid out differently (spaces, widths) or wrapped over lines. */
function isTypo(m: LabelMatch | undefined): m is LabelMatch {
  return !!m && m.similarity < 1 && m.similarity >= 0.5 && !m.wrapped;
}

/**
 * Where a label broken over lines (a line break, tabs of other cells between its pieces) is marked: the piece that
 * differs from the official wording (the first that is not part of it; else the first piece), never the breaks and
 * tabs between the pieces.
 */
function pieceOf(text: string, m: LabelMatch, official: string): { start: number; end: number } {
  const pieces: { start: number; end: number }[] = [];
  const re = /[^\s]+(?:[ \u3000]+[^\s]+)*/g;
  const src = text.slice(m.start, m.end);
  for (let k: RegExpExecArray | null; (k = re.exec(src));) pieces.push({ start: m.start + k.index, end: m.start + k.index + k[0].length });
  if (pieces.length < 2) return { start: m.start, end: m.end };
  const want = foldString(official);
  const odd = pieces.find((p) => !want.includes(foldString(text.slice(p.start, p.end))));
  return wholeCodePoints(text, (odd ?? pieces[0]).start, (odd ?? pieces[0]).end);
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
      // a label on one line is marked whole (its fix replaces it); one broken over lines, at the piece that differs
      const at = m.singleLine ? m : pieceOf(model.text, m, official);
      report({
        start: at.start, end: at.end,
        message: t(`与官方表述不一致，应为“${official}”`, `Differs from the official wording "${official}"`),
        fixes: m.singleLine ? [{ title: t(`改为“${official}”`, `Change to "${official}"`), edits: [{ start: m.start, end: m.end, newText }], preferred: true }] : undefined,
      });
    };
    for (const s of model.sections) {
      const h = s.heading;
      // the words misspelt, or numbered in the right place another way (三． 3、 第三部分); a numbering that names
      // another section (or none) is section-order's, said once for the report
      const numberedHere = h.numbered === s.n;
      if (h.exact || (h.wordsExact !== false && !numberedHere)) continue;
      if (numberedHere || h.wordsAt === undefined) { emit({ start: h.start, end: h.end, text: h.text, similarity: 0.9, singleLine: true }, h.official); continue; }
      // the words only: the report's own numbering is left as it is
      const words = h.official.slice(2);
      emit({ start: h.wordsAt, end: h.end, text: model.text.slice(h.wordsAt, h.end), similarity: 0.9, singleLine: true }, words);
    }
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      for (const row of table.rows) if (row.label && isTypo(row.labelMatch)) emit(row.labelMatch, row.label);
      for (const col of table.columns) if (isTypo(col.match)) emit(col.match, col.label);
      for (const cap of table.captions) if (isTypo(cap.match)) emit(cap.match, cap.official);
      for (const g of table.groups ?? []) if (isTypo(g.match)) emit(g.match, g.official);
    }
  },
};
