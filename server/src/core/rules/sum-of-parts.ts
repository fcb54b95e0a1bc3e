// sum-of-parts (across reports): a report a reviewer declared the total of other reports (`sums` in .nianbao.json,
// e.g. a city's 表三 against its districts' where their practice is to aggregate) holds, cell by cell in 表三 and
// 表四, the sum of its parts' cells. Checked only when every part is present (information otherwise, naming the
// parts not found); a cell is compared only when the total's and every part's cell hold a number.
import { addDec, cmpDec, formatDec, ZERO } from '../numbers';
import type { Cell, Dec, ReportModel, Row, TableId } from '../types';
import type { DeclaredPart, PartsContext, PartsRule } from './rule';
import { cellName } from './util';

/**
 * Past this many differing cells in one table, and more than half of those holding a count (not 0 in both the total
 * and the sum), one finding says so instead: the reports do not aggregate as declared.
 */
export const MAX_CELL_FINDINGS = 10;

function numberCell(model: ReportModel, id: TableId, rowKey: string, colKey: string): Cell | undefined {
  const row = model.tables[id]?.rows.find((r) => r.key === rowKey);
  if (!row || row.status !== 'ok') return undefined;
  const c = row.cells.find((x) => x.colKey === colKey);
  return c?.value.num ? c : undefined;
}

interface Diff { row: Row; cell: Cell; expected: Dec; terms: { part: DeclaredPart; cell: Cell }[] }

export const sumOfParts: PartsRule = {
  id: 'sum-of-parts',
  scope: 'parts',
  group: 'figures',
  defaultSeverity: 'warning',
  otherSeverities: ['information'],
  title: { 'zh-CN': '汇总数与各组成部分之和不符', en: 'Total differs from the sum of its parts' },
  description: {
    'zh-CN': '跨报告：声明为汇总的报告，表三、表四逐格等于各组成报告之和（缺少组成报告时为信息）',
    en: 'across reports: a report declared the total of others holds, cell by cell in 表三 and 表四, their sum (a missing part: information)',
  },
  check({ model, declaration, parts, t, report }) {
    const missing = parts.filter((p) => !p.found);
    const anchor = model.title ?? { start: 0, end: 0 };
    const year = model.title?.year;
    if (missing.length) {
      const names = missing.map((p) => (p.count > 1 ? t(`${p.name}（${p.count} 份）`, `${p.name} (${p.count} reports)`) : p.name));
      report({
        start: anchor.start, end: anchor.end, severity: 'information',
        message: t(`按 .nianbao.json 的声明，本报告表三、表四应为 ${parts.length} 个组成部分之和，但未能唯一找到 ${year} 年的：${names.join('、')}；未核对`,
          `.nianbao.json declares this report the sum of ${parts.length} parts, but the ${year} report of ${names.join(', ')} was not found exactly once; not checked`),
      });
      return;
    }
    for (const id of declaration.tables) {
      const table = model.tables[id];
      if (!table || table.absent) continue;
      const diffs: Diff[] = [];
      let compared = 0, counts = 0;
      for (const row of table.rows) {
        if (row.status !== 'ok') continue;
        for (const cell of row.cells) {
          if (!cell.value.num) continue;
          let sum: Dec = ZERO;
          const terms: Diff['terms'] = [];
          for (const part of parts) {
            const c = numberCell(part.found!.model, id, row.key, cell.colKey);
            if (!c) break;
            sum = addDec(sum, c.value.num!);
            terms.push({ part, cell: c });
          }
          if (terms.length !== parts.length) continue;
          compared++;
          if (sum.units !== 0n || cell.value.num!.units !== 0n) counts++;
          if (cmpDec(sum, cell.value.num!) !== 0) diffs.push({ row, cell, expected: sum, terms });
        }
      }
      const tname = id === 't3' ? t('表三', 'Table 3') : t('表四', 'Table 4');
      const related = (d: Diff) => d.terms.map(({ part, cell }) => ({ start: cell.start, end: cell.end, file: part.found!.id, message: t(`${part.name}：${cell.value.raw}`, `${part.name}: ${cell.value.raw}`) }));
      if (diffs.length > MAX_CELL_FINDINGS && diffs.length * 2 > counts) {
        const first = diffs[0];
        report({
          start: first.cell.start, end: first.cell.end,
          message: t(`${tname}有 ${diffs.length} 个单元格（共核对 ${compared} 个）不等于 ${parts.length} 个组成部分之和：这些报告可能并非按声明汇总，请核对 .nianbao.json 的 sums`,
            `${diffs.length} of ${compared} cells of ${tname} differ from the sum of the ${parts.length} parts: the reports may not aggregate as declared; check sums in .nianbao.json`),
          related: diffs.slice(0, MAX_CELL_FINDINGS).map((d) => ({ start: d.cell.start, end: d.cell.end, message: t(`${cellName(table, model.tableVersion, d.row, d.cell)}：${d.cell.value.raw}，各部分之和 ${formatDec(d.expected)}`, `${cellName(table, model.tableVersion, d.row, d.cell)}: ${d.cell.value.raw}, parts sum to ${formatDec(d.expected)}`) })),
        });
        continue;
      }
      for (const d of diffs) {
        const name = cellName(table, model.tableVersion, d.row, d.cell);
        // the terms in the message for a few parts; the related places list them all
        const sum = parts.length <= 6 ? `（${d.terms.map((x) => x.cell.value.raw).join(' + ')}）` : '';
        const sumEn = sum && ` (${d.terms.map((x) => x.cell.value.raw).join(' + ')})`;
        report({
          start: d.cell.start, end: d.cell.end,
          message: t(`${tname}“${name}”为 ${d.cell.value.raw}，但 ${parts.length} 个组成部分之和为 ${formatDec(d.expected)}${sum}`,
            `${tname} "${name}" is ${d.cell.value.raw}, but its ${parts.length} parts sum to ${formatDec(d.expected)}${sumEn}`),
          expected: formatDec(d.expected), actual: d.cell.value.raw,
          related: related(d),
        });
      }
    }
  },
};
