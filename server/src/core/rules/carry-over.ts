// carry-over (across reports): this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column;
// and last year's 现行有效件数 + 本年制发 − 本年废止 against this year's (information: often legitimately different).
import { addDec, cmpDec, formatDec, subDec } from '../numbers';
import type { PairRule } from './rule';
import type { Cell, ReportModel } from '../types';

function cell(model: ReportModel, table: 't2' | 't3', row: string, col: string): Cell | undefined {
  const c = model.tables[table]?.rows.find((r) => r.key === row && r.status === 'ok')?.cells.find((x) => x.colKey === col);
  return c?.value.num ? c : undefined;
}

const COLS = ['natural', 'business', 'research', 'public-interest', 'legal', 'other-org', 'total'];
const COL_ZH: Record<string, string> = { natural: '自然人', business: '商业企业', research: '科研机构', 'public-interest': '社会公益组织', legal: '法律服务机构', 'other-org': '其他', total: '总计' };

export const carryOver: PairRule = {
  id: 'carry-over',
  scope: 'pair',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '与上年报告的结转数不衔接', en: 'Carry-over does not match last year\'s report' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '跨报告：本年“上年结转”与上年报告“结转下年度继续办理”不一致（现行有效件数不衔接为信息）',
    en: 'across reports: 上年结转 differs from last year\'s 结转下年度 (and 现行有效件数, as information)',
  },
  check({ model, last, lastId, t, report }) {
    const lastYear = last.title?.year;
    for (const col of COLS) {
      const now = cell(model, 't3', 'carried-over', col);
      const before = cell(last, 't3', 'carry-forward', col);
      if (!now || !before || cmpDec(now.value.num!, before.value.num!) === 0) continue;
      report({
        start: now.start, end: now.end,
        message: t(`“二、上年结转”（${COL_ZH[col]}）为 ${now.value.raw}，但 ${lastYear} 年报告“四、结转下年度继续办理”为 ${before.value.raw}`,
          `Carried over (${col}) is ${now.value.raw}, but the ${lastYear} report carried forward ${before.value.raw}`),
        expected: before.value.raw, actual: now.value.raw,
        related: [{ start: before.start, end: before.end, file: lastId, message: t(`${lastYear} 年报告：结转下年度继续办理`, `${lastYear} report: carried forward`) }],
      });
    }
    if (model.tableVersion !== '2021' || last.tableVersion !== '2021') return;
    const inForce = cell(model, 't2', 'normative', 'in-force'), issued = cell(model, 't2', 'normative', 'issued');
    const repealed = cell(model, 't2', 'normative', 'repealed'), lastInForce = cell(last, 't2', 'normative', 'in-force');
    if (!inForce || !issued || !repealed || !lastInForce) return;
    const expected = subDec(addDec(lastInForce.value.num!, issued.value.num!), repealed.value.num!);
    if (cmpDec(expected, inForce.value.num!) === 0) return;
    report({
      start: inForce.start, end: inForce.end, severity: 'information',
      message: t(`现行有效行政规范性文件 ${inForce.value.raw} 件；按上年 ${lastInForce.value.raw} + 本年制发 ${issued.value.raw} − 本年废止 ${repealed.value.raw} 应为 ${formatDec(expected)}（清理、修改等可能造成合理差异，请核实）`,
        `Normative documents in force: ${inForce.value.raw}; last year's ${lastInForce.value.raw} + issued ${issued.value.raw} − repealed ${repealed.value.raw} = ${formatDec(expected)} (may differ legitimately; please check)`),
      expected: formatDec(expected), actual: inForce.value.raw,
      related: [{ start: lastInForce.start, end: lastInForce.end, file: lastId, message: t(`${lastYear} 年报告：现行有效件数`, `${lastYear} report: in force`) }],
    });
  },
};
