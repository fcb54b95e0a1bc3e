// other-share: （六）其他处理 is an unusually large share of the requests handled (the 2019 notice asks reviewers to watch it).
import { addDec } from '../numbers';
import type { Dec } from '../types';
import type { ReportRule } from './rule';

export const OTHER_SHARE_LIMIT = 0.1;
export const OTHER_SHARE_MIN = 5;

export const otherShare: ReportRule = {
  id: 'other-share',
  scope: 'report',
  group: 'figures',
  defaultSeverity: 'information',
  title: { 'zh-CN': '“其他处理”占比偏高', en: 'Large share of "other handling"' },
  description: {
    'zh-CN': '“（六）其他处理”超过办理总数的 10%',
    en: '（六）其他处理 over 10% of requests handled',
  },
  check({ model, t, report }) {
    const t3 = model.tables.t3;
    if (!t3) return;
    const total = t3.rows.find((r) => r.key === 'handled-total' && r.status === 'ok')?.cells.find((c) => c.colKey === 'total');
    const others = t3.rows.filter((r) => r.key === 'other' || r.key.startsWith('other-'));
    if (!total?.value.num || !others.length || others.some((r) => r.status !== 'ok')) return;
    const cells = others.map((r) => r.cells.find((c) => c.colKey === 'total'));
    if (cells.some((c) => !c?.value.num)) return;
    const sum = cells.reduce<Dec>((a, c) => addDec(a, c!.value.num!), { units: 0n, scale: 0 });
    const n = Number(sum.units), all = Number(total.value.num.units);
    if (!all || n < OTHER_SHARE_MIN || n / all <= OTHER_SHARE_LIMIT) return;
    const pct = ((n / all) * 100).toFixed(1);
    const first = others[0].labelMatch ?? others[0].span!;
    report({
      start: first.start, end: first.end,
      message: t(`“（六）其他处理”共 ${n} 件，占办理结果总数 ${all} 件的 ${pct}%，占比偏高（原则上应按法定方式处理）`,
        `"(6) other handling" is ${n} of ${all} requests handled (${pct}%): unusually high; requests should be handled in one of the statutory ways`),
      related: [{ start: total.start, end: total.end, message: t('（七）总计', '(7) total') }],
    });
  },
};
