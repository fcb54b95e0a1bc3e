// large-change (across reports, information): a key figure more than five times last year's, or under a fifth of it.
// Not an error: a new service, a campaign or a reorganisation can explain it; a slip of a digit can too. Nothing is
// said when last year's figure is 0 (no ratio) or when both figures are small (under LARGE_CHANGE_FLOOR: 2 → 11 is
// not news).
import { cmpDec, formatDec } from '../numbers';
import type { Cell, Dec, ReportModel, TableId } from '../types';
import type { PairRule } from './rule';

export const LARGE_CHANGE_FACTOR = 5;
/** Both figures under this: nothing is said. */
export const LARGE_CHANGE_FLOOR = 10;

interface Figure {
  table: TableId;
  row: string;
  col: string;
  zh: string;
  en: string;
  /** Only when both reports' tables were read with this template version. */
  version?: '2021';
}

/** The key figures compared: 本年新收, 予以公开, 行政复议 总计, 现行有效件数 (2021 表二). */
export const KEY_FIGURES: readonly Figure[] = [
  { table: 't3', row: 'new', col: 'total', zh: '本年新收政府信息公开申请（总计）', en: 'new requests (total)' },
  { table: 't3', row: 'granted', col: 'total', zh: '予以公开（总计）', en: 'granted in full (total)' },
  { table: 't4', row: 'cases', col: 'review-total', zh: '行政复议总计', en: 'administrative reviews (total)' },
  { table: 't2', row: 'rules', col: 'in-force', zh: '现行有效规章件数', en: 'rules in force', version: '2021' },
  { table: 't2', row: 'normative', col: 'in-force', zh: '现行有效行政规范性文件件数', en: 'normative documents in force', version: '2021' },
];

function numberCell(model: ReportModel, f: Figure): Cell | undefined {
  const row = model.tables[f.table]?.rows.find((r) => r.key === f.row);
  if (!row || row.status !== 'ok') return undefined;
  const c = row.cells.find((x) => x.colKey === f.col);
  // whole, non-negative numbers only (a decimal or a negative figure is no count)
  return c?.value.num && c.value.num.scale === 0 && c.value.num.units >= 0n ? c : undefined;
}

const units = (d: Dec) => d.units;

/** Is `now` against `last` a change to report: last > 0, one of them at the floor or above, ratio above the factor? */
export function isLargeChange(now: bigint, last: bigint): boolean {
  if (last <= 0n) return false;
  const floor = BigInt(LARGE_CHANGE_FLOOR), k = BigInt(LARGE_CHANGE_FACTOR);
  if (now < floor && last < floor) return false;
  return now > last * k || now * k < last;
}

export const largeChange: PairRule = {
  id: 'large-change',
  scope: 'pair',
  group: 'figures',
  defaultSeverity: 'information',
  title: { 'zh-CN': '关键数字与上年相差悬殊', en: 'Key figure far from last year\'s' },
  description: {
    'zh-CN': `跨报告：本年新收、予以公开、行政复议总计或现行有效件数超过上年的 ${LARGE_CHANGE_FACTOR} 倍或不足五分之一`,
    en: `across reports: new requests, granted, reviews or documents in force more than ${LARGE_CHANGE_FACTOR} times last year's, or under a fifth of it`,
  },
  check({ model, last, lastId, t, report }) {
    const lastYear = last.title?.year;
    for (const f of KEY_FIGURES) {
      if (f.version && (model.tableVersion !== f.version || last.tableVersion !== f.version)) continue;
      const now = numberCell(model, f), before = numberCell(last, f);
      if (!now || !before) continue;
      const a = units(now.value.num!), b = units(before.value.num!);
      if (!isLargeChange(a, b)) continue;
      const up = cmpDec(now.value.num!, before.value.num!) > 0;
      // the ratio to one decimal, from whole numbers (no float rounding surprises for a reader)
      const ratio = (x: bigint, y: bigint) => formatDec({ units: (x * 10n + y / 2n) / y, scale: 1 });
      const how = up
        ? t(`是上年（${before.value.raw}）的 ${ratio(a, b)} 倍`, `${ratio(a, b)} times last year's ${before.value.raw}`)
        : a === 0n ? t(`上年为 ${before.value.raw}`, `last year's was ${before.value.raw}`)
          : t(`仅为上年（${before.value.raw}）的 ${ratio(a * 100n, b)}%`, `only ${ratio(a * 100n, b)}% of last year's ${before.value.raw}`);
      report({
        start: now.start, end: now.end,
        message: t(`${f.zh}为 ${now.value.raw}，${how}：变化悬殊，请核实数字或在正文中说明原因`,
          `${f.en}: ${now.value.raw}, ${how}; please check the figure or explain the change in the text`),
        related: [{ start: before.start, end: before.end, file: lastId, message: t(`${lastYear} 年报告：${f.zh} ${before.value.raw}`, `${lastYear} report: ${f.en} ${before.value.raw}`) }],
      });
    }
  },
};
