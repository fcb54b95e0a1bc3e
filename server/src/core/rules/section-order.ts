// section-order: sections duplicated or out of order.
import type { ReportRule } from './rule';

export const sectionOrder: ReportRule = {
  id: 'section-order',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '部分重复或顺序错误', en: 'Duplicated or out-of-order section' },
  description: {
    'zh-CN': '某一部分重复出现或顺序错误',
    en: 'a section duplicated or out of order',
  },
  check({ model, t, report }) {
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
  },
};
