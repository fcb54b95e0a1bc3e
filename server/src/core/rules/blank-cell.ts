// blank-cell: a cell that must hold a number is blank, "/" or "-"; it is left out of every sum, never read as 0.
// A table that writes blanks for zeros throughout (no 0 written anywhere in it: parse/report.ts blanksAsZeros) is
// read with its blanks as 0: said once for the report, as information, never silently.
import type { Table } from '../types';
import type { ReportRule } from './rule';
import { cellName, tableName } from './util';

export const blankCell: ReportRule = {
  id: 'blank-cell',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  otherSeverities: ['information'],
  title: { 'zh-CN': '单元格缺少数字', en: 'Cell without a number' },
  description: {
    'zh-CN': '应填数字的单元格为空白、“/”或“-”（不计入求和，也不当作 0）；通篇以空白表示 0 的表按 0 核对并提示一次',
    en: 'a cell that must hold a number is blank, `/` or `-` (left out of sums, never read as 0); a table writing blanks for zeros throughout is checked with them as 0, said once',
  },
  check({ model, locale, t, report }) {
    const version = model.tableVersion;
    const zeros: Table[] = [];
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      if (table.blankZeros) zeros.push(table);
      for (const row of table.rows) for (const cell of row.cells) {
        const k = cell.value.kind;
        if (k !== 'blank' && k !== 'slash' && k !== 'dash') continue;
        if (k === 'blank' && table.blankZeros) continue;
        const name = cellName(table, version, row, cell);
        const what = k === 'blank' ? t('为空', 'is empty') : t(`填写为“${cell.value.raw}”`, `holds "${cell.value.raw}"`);
        report({
          start: cell.start, end: cell.end,
          message: t(`“${name}”${what}，应填写数字（无数据填 0）；该格未计入勾稽核对`,
            `"${name}" ${what}; a number is required (0 when none). The cell is left out of the arithmetic checks`),
        });
      }
    }
    if (!zeros.length) return;
    const firstBlank = (table: Table) => {
      for (const r of table.rows) for (const c of r.cells) if (c.value.kind === 'blank') return { start: c.start, end: c.end };
      return { start: table.start, end: table.start };
    };
    const names = zeros.map((z) => tableName(z, version, locale).split(/\s/)[0]).join(locale === 'en' ? ', ' : '、');
    const count = zeros.reduce((n, z) => n + z.blankZeros!, 0);
    report({
      ...firstBlank(zeros[0]),
      severity: 'information',
      message: t(`${names}以空白单元格表示 0（全表没有填写 0 的单元格）：${count} 个空白单元格按 0 参与勾稽核对和正文数字核对；无数据时建议填写 0`,
        `${names} write(s) blank cells for zeros (no cell holds 0): ${count} blank cell(s) are counted as 0 in the arithmetic and in the figures of the text; write 0 where there is none`),
      related: zeros.map((z) => ({ ...firstBlank(z), message: t(`${tableName(z, version, locale)}：${z.blankZeros} 个空白单元格按 0 计`, `${tableName(z, version, locale)}: ${z.blankZeros} blank cell(s) counted as 0`) })),
    });
  },
};
