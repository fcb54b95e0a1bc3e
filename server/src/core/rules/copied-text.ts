// copied-text (across reports): section 五 (problems and improvements) nearly identical to last year's
// ("不得出现敷衍了事甚至年年雷同现象"). Overlap = share of this year's 5-character shingles found in last year's text.
import type { PairRule } from './rule';
import type { ReportModel } from '../types';

export const COPIED_THRESHOLD = 0.8;
const K = 5;

function shingles(model: ReportModel): { set: Set<string>; count: number } | undefined {
  const s5 = model.sections.find((s) => s.n === 5);
  if (!s5) return undefined;
  const chars = (model.text.slice(s5.body.start, s5.body.end).match(/[\p{Script=Han}\p{L}\p{N}]/gu) ?? []).join('');
  const set = new Set<string>();
  for (let i = 0; i + K <= chars.length; i++) set.add(chars.slice(i, i + K));
  return set.size >= 20 ? { set, count: set.size } : undefined;
}

/** Share of a's shingles that also occur in b, in [0, 1]. */
export function overlap(a: ReportModel, b: ReportModel): number | undefined {
  const x = shingles(a), y = shingles(b);
  if (!x || !y) return undefined;
  let hit = 0;
  for (const s of x.set) if (y.set.has(s)) hit++;
  return hit / x.count;
}

export const copiedText: PairRule = {
  id: 'copied-text',
  scope: 'pair',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '存在问题部分与上年雷同', en: 'Section 5 copied from last year' },
  description: {
    'zh-CN': '跨报告：第五部分与上年报告 80% 以上相同',
    en: 'across reports: section 五 80% or more identical to last year\'s',
  },
  check({ model, last, lastId, t, report }) {
    const o = overlap(model, last);
    if (o === undefined || o < COPIED_THRESHOLD) return;
    const h = model.sections.find((s) => s.n === 5)!.heading;
    const lh = last.sections.find((s) => s.n === 5)!.heading;
    const pct = Math.round(o * 100);
    report({
      start: h.start, end: h.end,
      message: t(`“五、存在的主要问题及改进情况”与 ${last.title?.year} 年报告 ${pct}% 相同（格式要求不得年年雷同）`,
        `Section 5 is ${pct}% identical to the ${last.title?.year} report (the notices forbid copying it year after year)`),
      related: [{ start: lh.start, end: lh.end, file: lastId, message: t(`${last.title?.year} 年报告第五部分`, `section 5 of the ${last.title?.year} report`) }],
    });
  },
};
