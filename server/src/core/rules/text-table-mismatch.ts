// text-table-mismatch: a figure stated in the prose contradicts the table cell(s) it describes.
import { cmpDec, formatDec } from '../numbers';
import { findClaims } from '../cross/figures';
import { tableDef } from '../template';
import type { Cell, TableId } from '../types';
import type { ReportRule } from './rule';
import { cellName } from './util';

export const textTableMismatch: ReportRule = {
  id: 'text-table-mismatch',
  scope: 'report',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '正文数字与表格不一致', en: 'Figure in the text contradicts the table' },
  description: {
    'zh-CN': '正文中的数字（受理……申请 N 件、行政复议 N 件、均获维持、制发规范性文件 N 件等）与表格中对应的单元格矛盾',
    en: 'a figure in the prose (受理…申请 N 件, 行政复议 N 件, 均获维持, 制发规范性文件 N 件, …) contradicts its table cell',
  },
  check({ model, locale, t, report }) {
    const version = model.template;
    if (!version) return;
    const describe = (cell: Cell) => {
      for (const id of ['t2', 't3', 't4'] as TableId[]) {
        const table = model.tables[id];
        const row = table?.rows.find((r) => r.cells.includes(cell));
        if (table && row) return `${tableDef(version, id).name[locale].split(' ')[0]}“${cellName(table, version, row, cell)}”`;
      }
      return '';
    };
    for (const c of findClaims(model)) {
      if (!c.table) continue; // a cell was not read as a number: nothing to compare with
      if (cmpDec(c.stated, c.table) === 0) continue;
      if (c.alt && cmpDec(c.stated, c.alt) === 0) continue;
      const sum = c.table;
      // built only when listed (a long text of many reports states many figures)
      report(() => {
        const stated = formatDec(c.stated), table = formatDec(sum);
        const where = c.cells.length === 1 ? describe(c.cells[0]) : c.cells.map(describe).join(' + ');
        return {
          start: c.span.start, end: c.span.end,
          message: t(`正文称${c.def.what['zh-CN']} ${stated}，与表格不符：${where} 为 ${table}`,
            `The text states ${c.def.what.en} = ${stated}, but the table has ${table} (${where})`),
          expected: table, actual: stated,
          related: c.cells.map((cell) => ({ start: cell.start, end: cell.end, message: `${describe(cell)} = ${cell.value.raw}` })),
        };
      });
    }
  },
};
