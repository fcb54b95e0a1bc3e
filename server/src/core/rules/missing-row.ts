// missing-row: rows of the detected template absent from a table (a table cut off, a row dropped).
import { tableDef } from '../template';
import type { Row, Table, TemplateVersion } from '../types';
import type { ReportRule, RuleContext } from './rule';

function rowText(table: Table, version: TemplateVersion, row: Row): string {
  const width = tableDef(version, table.id).blocks[row.blockIndex].columns.length;
  const zeros = new Array<string>(width).fill('0');
  if (table.layout === 'pipe') return [row.label, ...zeros].join('\n|\n') + '\n|\n';
  if (table.layout === 'space') return [row.label, ...zeros].join(' ') + '\n';
  return [row.label, ...zeros].join('\t') + '\n';
}

/** Offset where a group of missing rows belongs: after the previous located row's line, else before the next one's. */
function insertionPoint(ctx: RuleContext, table: Table, from: number, to: number): number | undefined {
  const { idx, text } = ctx;
  for (let i = from - 1; i >= 0; i--) {
    const span = table.rows[i].span;
    if (span) {
      const line = idx.positionAt(span.end).line;
      return line + 1 < idx.lineCount ? idx.starts[line + 1] : text.length;
    }
  }
  for (let i = to; i < table.rows.length; i++) {
    const span = table.rows[i].span;
    if (span) return idx.starts[idx.positionAt(span.start).line];
  }
  return undefined;
}

export const missingRow: ReportRule = {
  id: 'missing-row',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'error',
  title: { 'zh-CN': '表格缺少行', en: 'Missing table row' },
  description: {
    'zh-CN': '表格缺少所用格式中的行',
    en: 'rows of the detected template absent from a table',
  },
  check(ctx) {
    const { model, locale, t, report, text } = ctx;
    if (!model.template) return; // without a known template version there is no row list to hold the table to
    const version = model.template;
    for (const table of Object.values(model.tables)) {
      if (!table || table.absent) continue;
      const name = tableDef(version, table.id).name[locale];
      for (const col of table.missingColumns ?? []) {
        const heads = table.columns.filter((c) => c.blockIndex === col.blockIndex && c.match);
        const at = heads.length ? heads[0].match! : { start: table.start, end: table.start };
        report({
          start: at.start, end: at.end,
          message: t(`${name}缺少“${col.label}”列：各行都少一个数字，且表头中没有“${col.label}”；涉及该列的勾稽关系未核对`,
            `${name} lacks the column "${col.label}": every row is one value short and the header has no "${col.label}"; relations using it were not checked`),
        });
      }
      for (let i = 0; i < table.rows.length; i++) {
        if (table.rows[i].status !== 'missing') continue;
        let j = i;
        while (j < table.rows.length && table.rows[j].status === 'missing') j++;
        const group = table.rows.slice(i, j);
        const at = insertionPoint(ctx, table, i, j);
        // point at the row after which the missing rows belong (or the table start)
        const near = table.rows.slice(0, i).reverse().find((r) => r.span) ?? table.rows.slice(j).find((r) => r.span);
        const anchor = near ? near.labelMatch ?? near.span! : { start: table.start, end: table.start };
        const labels = group.map((r) => r.label || t('数据行', 'data row'));
        const shown = labels.length > 4 ? [labels.slice(0, 4).join('、') + t(` 等 ${labels.length} 行`, ` and ${labels.length - 4} more`)] : labels;
        const prefix = at !== undefined && at > 0 && text[at - 1] !== '\n' ? '\n' : '';
        report({
          start: anchor.start, end: anchor.end,
          message: t(`${name}缺少 ${group.length} 行：${shown.join('、')}`, `${name} lacks ${group.length} row(s): ${shown.join(', ')}`),
          fixes: at === undefined ? undefined : [{
            title: t(`插入缺少的 ${group.length} 行（以 0 填充，请核实数字）`, `Insert the ${group.length} missing row(s), filled with 0 (check the figures)`),
            edits: [{ start: at, end: at, newText: prefix + group.map((r) => rowText(table, version, r)).join('') }],
          }],
        });
        i = j - 1;
      }
    }
  },
};
