// blank-cell: a cell that must hold a number is blank, "/" or "-"; it is left out of every sum, never read as 0.
import type { ReportRule } from './rule';
import { cellName } from './util';

export const blankCell: ReportRule = {
  id: 'blank-cell',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '单元格缺少数字', en: 'Cell without a number' },
  description: {
    'zh-CN': '应填数字的单元格为空白、“/”或“-”（不计入求和，也不当作 0）',
    en: 'a cell that must hold a number is blank, `/` or `-` (left out of sums, never read as 0)',
  },
  check({ model, t, report }) {
    const version = model.tableVersion;
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      for (const row of table.rows) for (const cell of row.cells) {
        const k = cell.value.kind;
        if (k !== 'blank' && k !== 'slash' && k !== 'dash') continue;
        const name = cellName(table, version, row, cell);
        const what = k === 'blank' ? t('为空', 'is empty') : t(`填写为“${cell.value.raw}”`, `holds "${cell.value.raw}"`);
        report({
          start: cell.start, end: cell.end,
          message: t(`“${name}”${what}，应填写数字（无数据填 0）；该格未计入勾稽核对`,
            `"${name}" ${what}; a number is required (0 when none). The cell is left out of the arithmetic checks`),
        });
      }
    }
  },
};
