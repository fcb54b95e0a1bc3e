// section-order: sections duplicated or out of order, and headings numbered otherwise than the template numbers them
// (a numbering of the report's own: restarted at 一 for the table sections, shifted by a part of its own, or none),
// said once for the report with the mapping; the sections themselves are found by their words.
import type { Section } from '../types';
import type { ReportRule } from './rule';

const NUMERALS = '一二三四五六七八九十';
const numeral = (n: number) => NUMERALS[n - 1] ?? String(n);

export const sectionOrder: ReportRule = {
  id: 'section-order',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '部分重复、顺序或编号错误', en: 'Duplicated, out-of-order or misnumbered section' },
  description: {
    'zh-CN': '某一部分重复出现、顺序错误，或各部分编号与模板不一致（统一提示一次）',
    en: 'a section duplicated or out of order, or the sections numbered otherwise than the template (said once)',
  },
  check({ model, text, t, report }) {
    const seen = new Map<number, { start: number; end: number }>();
    let maxN = 0;
    for (const s of model.sections) {
      const h = s.heading;
      const first = seen.get(s.n);
      // built only when listed: a long text of many reports repeats every section
      if (first) {
        report(() => ({
          start: h.start, end: h.end,
          message: t(`“${h.official}”重复出现`, `"${h.official}" appears twice`),
          related: [{ ...first, message: t('第一次出现', 'first occurrence') }],
        }));
      } else if (s.n < maxN) {
        report(() => ({
          start: h.start, end: h.end,
          message: t(`“${h.official}”应排在第${s.n}部分，当前顺序有误`, `"${h.official}" is out of order (should be section ${s.n})`),
        }));
      }
      if (!first) seen.set(s.n, { start: h.start, end: h.end });
      maxN = Math.max(maxN, s.n);
    }
    // the first heading of each section numbered otherwise than the template: one finding naming the numbering
    const misnumbered: Section[] = [];
    const firsts = new Set<number>();
    for (const s of model.sections) {
      if (firsts.has(s.n)) continue;
      firsts.add(s.n);
      if (s.heading.numbered !== s.n) misnumbered.push(s);
    }
    if (!misnumbered.length) return;
    const written = (s: Section) => text.slice(s.heading.start, s.heading.wordsAt ?? s.heading.start).trim();
    const shown = (s: Section) => s.heading.text.length > 24 ? s.heading.text.slice(0, 23) + '…' : s.heading.text;
    const zh = misnumbered.map((s) => `“${shown(s)}”是第${numeral(s.n)}部分`).join('，');
    const en = misnumbered.map((s) => `"${shown(s)}" is section ${s.n}`).join(', ');
    const first = misnumbered[0].heading;
    report({
      start: first.start, end: first.end,
      message: misnumbered.length === 1
        ? t(`标题编号与模板不一致：${zh}（模板编号“${numeral(misnumbered[0].n)}、”）；该部分已按标题文字识别`,
          `Heading numbered otherwise than the template: ${en} (numbered ${numeral(misnumbered[0].n)}、 there); the section is recognised by its words`)
        : t(`${misnumbered.length} 个标题的编号与模板不一致：${zh}；各部分已按标题文字识别`,
          `${misnumbered.length} headings are numbered otherwise than the template: ${en}; the sections are recognised by their words`),
      related: misnumbered.map((s) => ({
        start: s.heading.start, end: s.heading.end,
        message: t(`模板编号：${numeral(s.n)}、（此处为“${written(s) || '无编号'}”）`, `template numbering: ${numeral(s.n)}、 (here "${written(s) || 'none'}")`),
      })),
      // offered, not preferred: a report may number parts of its own (二、工作机制保障) with the same numerals
      fixes: [{
        title: t('按模板重新编号', 'Renumber as in the template'),
        edits: misnumbered.map((s) => ({ start: s.heading.start, end: s.heading.wordsAt ?? s.heading.start, newText: `${numeral(s.n)}、` })),
        preferred: false,
      }],
    });
  },
};
