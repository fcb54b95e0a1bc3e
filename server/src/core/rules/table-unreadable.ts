// table-unreadable: rows whose labels are present but whose cells could not be located (cells run together,
// a row cut short). Said once per table, as information; nothing that depends on those rows is checked.
import { tableDef } from '../template';
import type { ReportRule } from './rule';
import { findLoose } from '../parse/loose';

export const tableUnreadable: ReportRule = {
  id: 'table-unreadable',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'information',
  title: { 'zh-CN': '表格单元格无法定位', en: 'Table cells could not be located' },
  description: {
    'zh-CN': '有行名但无法定位单元格（如网页文本中各格数字连在一起）',
    en: 'row labels are there but the cells cannot be located (e.g. web text with cells run together)',
  },
  check({ model, text, locale, t, report }) {
    const version = model.tableVersion;
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      if (table.truncatedAt !== undefined) {
        report({
          start: table.truncatedAt, end: table.truncatedAt,
          message: t('此处之后的内容数字过多，不像模板表格，未作为表格读取', 'Too many numbers for a template table: the text from here on was not read as table cells'),
        });
      }
      const rows = table.rows.filter((r) => r.status === 'unlocated');
      if (!rows.length) continue;
      const def = tableDef(version, table.id, table.variant);
      // where the row is named: its label, or for 表四's unlabelled data row the table's first header word
      const named = (r: { label: string }) => findLoose(text, r.label || def.headerLabels?.[0] || '', table.region.start, table.region.end);
      const spans = rows.map((r) => r.labelMatch ?? r.span ?? named(r) ?? { start: table.region.start, end: table.region.start });
      const first = spans.reduce((a, b) => (b.start < a.start ? b : a));
      const name = def.name[locale];
      const label = (r: { label: string }) => r.label || t('数据行', 'data row');
      const shown = rows.slice(0, 3).map(label).join('、') + (rows.length > 3 ? t(` 等 ${rows.length} 行`, ` and ${rows.length - 3} more`) : '');
      report({
        start: first.start, end: first.end,
        message: t(`${name}中 ${rows.length} 行的单元格无法定位（${shown}），这些行未做核对`,
          `${name}: the cells of ${rows.length} row(s) could not be located (${shown}); those rows were not checked`),
        related: rows.map((r, i) => ({ ...spans[i], message: label(r) })),
      });
    }
  },
};
