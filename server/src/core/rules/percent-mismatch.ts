// percent-mismatch: "N条，占P%" where P is not N over the stated total at the printed precision, and a list of
// shares that adds up to 100% whose counts do not add up to the total.
import { sentencesWith } from '../cross/figures';
import { foldedToSource } from '../text';
import type { Span } from '../types';
import type { ReportRule } from './rule';

const UNIT = '(件|项|条|个|篇|起|次|人)';

interface Part { count: number; countSpan: Span; pct: number; pctText: string; pctSpan: Span; decimals: number }

export const percentMismatch: ReportRule = {
  id: 'percent-mismatch',
  scope: 'report',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '百分比与数量不符', en: 'Percentage does not match its count' },
  description: {
    'zh-CN': '“N 条，占 P%”中的 P 不等于 N 占总数的比例（按所写精度）；百分比合计为 100% 而数量合计不符',
    en: '"N 条，占 P%" where P is not N over the total at the printed precision; shares that add up to 100% with counts that don\'t',
  },
  check({ model, t, report }) {
    // longer than 2000 characters: not a sentence of prose
    for (const sen of sentencesWith(model, ['其中'], { clauses: false, maxLength: 2000 })) {
      const s = sen.s;
      const qi = s.indexOf('其中');
      if (qi < 0) continue;
      // the total: the last "M<unit>" before 其中
      const head = s.slice(0, qi);
      const totals = [...head.matchAll(new RegExp(`(?<![\\d.])(\\d{1,12})${UNIT}`, 'g'))];
      if (!totals.length) continue;
      const tot = totals[totals.length - 1];
      const total = Number(tot[1]), unit = tot[2];
      if (!total) continue;
      const src = (a: number, b: number): Span => foldedToSource(sen, a, b);
      const parts: Part[] = [];
      const re = new RegExp(`(?<![\\d.])(\\d{1,12})${unit}[，,]?(?:占|占比|比例为|约占)(?:总数的?|全部的?)?(\\d+(?:\\.(\\d+))?)[%％]`, 'g');
      for (const m of s.slice(qi).matchAll(re)) {
        const at = qi + m.index!;
        const pctAt = at + m[0].lastIndexOf(m[2]);
        parts.push({
          count: Number(m[1]), countSpan: src(at, at + m[1].length),
          pct: Number(m[2]), pctText: m[2], pctSpan: src(pctAt, pctAt + m[2].length + 1), decimals: m[3]?.length ?? 0,
        });
      }
      if (!parts.length) continue;
      const totalSpan = src(tot.index!, tot.index! + tot[1].length);
      for (const p of parts) {
        const exact = (p.count / total) * 100;
        const half = 0.5 * 10 ** -p.decimals;
        if (Math.abs(exact - p.pct) <= half + 1e-9) continue;
        const shown = exact.toFixed(Math.max(p.decimals, 1));
        report({
          start: p.pctSpan.start, end: p.pctSpan.end,
          message: t(`${p.count}${unit}占${total}${unit}的 ${shown}%，不是 ${p.pctText}%`, `${p.count} of ${total} is ${shown}%, not ${p.pctText}%`),
          expected: `${shown}%`, actual: `${p.pctText}%`,
          related: [{ ...p.countSpan, message: t('数量', 'count') }, { ...totalSpan, message: t('总数', 'total') }],
        });
      }
      // shares that cover everything (add up to 100% within rounding) must have counts adding up to the total
      if (parts.length >= 2) {
        const pctSum = parts.reduce((a, p) => a + p.pct, 0);
        const slack = parts.reduce((a, p) => a + 0.5 * 10 ** -p.decimals, 0);
        const countSum = parts.reduce((a, p) => a + p.count, 0);
        if (Math.abs(pctSum - 100) <= slack + 1e-9 && countSum !== total) {
          report({
            ...totalSpan,
            message: t(`各项占比合计 100%，但各项数量之和为 ${countSum}${unit}，不是 ${total}${unit}`,
              `The shares add up to 100% but the counts add up to ${countSum}, not ${total}`),
            expected: String(countSum), actual: String(total),
            related: parts.map((p) => ({ ...p.countSpan, message: `${p.count}${unit}` })),
          });
        }
      }
    }
  },
};
