// missing-row: rows of the detected template absent from a table (a table cut off, a row dropped).
import { tableDef } from '../template';
import type { Row, Table, TemplateVersion } from '../types';
import type { ReportRule, RuleContext } from './rule';

/** The missing row written as the table writes its rows: inside a line (collapsed text) or as a line of its own. */
function rowText(table: Table, version: TemplateVersion, row: Row, inline: boolean): string {
  const width = tableDef(version, table.id, table.variant).blocks[row.blockIndex].columns.length;
  // a table that writes blanks for zeros gets blank cells (a 0 would end its convention), any other 0s
  const zeros = new Array<string>(width).fill(table.blankZeros ? '' : '0');
  // cells run together (web text collapsed onto one line): the label and its digits, as the other rows are written
  if ((table.recovered?.length || table.ambiguous?.length) && inline) return row.label + zeros.join('');
  if (table.pipeRows) return `| ${[row.label, ...zeros].join(' | ')} |\n`.replace(/ {2}\|/g, ' |');
  if (table.layout === 'pipe') return [row.label, ...zeros].join('\n|\n') + '\n|\n';
  if (table.layout === 'space') return inline ? ` ${[row.label, ...zeros].join(' ')} ` : [row.label, ...zeros].join(' ') + '\n';
  return [row.label, ...zeros].join('\t') + '\n';
}

/**
 * Where a group of missing rows belongs: after the row before it, else before the row after it. On that row's line
 * when the line holds more of the table (a table collapsed onto one line), else on a line of its own.
 */
function insertionPoint(ctx: RuleContext, table: Table, from: number, to: number): { at: number; inline: boolean } | undefined {
  const { idx, text } = ctx;
  for (let i = from - 1; i >= 0; i--) {
    const span = table.rows[i].span;
    if (!span) continue;
    const line = idx.positionAt(span.end).line;
    const lineEnd = idx.lineSpan(line).end;
    if (text.slice(span.end, lineEnd).trim()) return { at: span.end, inline: true };
    return { at: line + 1 < idx.lineCount ? idx.starts[line + 1] : text.length, inline: false };
  }
  for (let i = to; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row.span) continue;
    const start = row.labelMatch?.start ?? row.span.start;
    const lineStart = idx.starts[idx.positionAt(start).line];
    if (text.slice(lineStart, start).trim()) return { at: start, inline: true };
    return { at: lineStart, inline: false };
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
        const prefix = at !== undefined && !at.inline && at.at > 0 && text[at.at - 1] !== '\n' ? '\n' : '';
        report({
          start: anchor.start, end: anchor.end,
          message: t(`${name}缺少 ${group.length} 行：${shown.join('、')}`, `${name} lacks ${group.length} row(s): ${shown.join(', ')}`),
          fixes: at === undefined ? undefined : [{
            title: table.blankZeros
              ? t(`插入缺少的 ${group.length} 行（单元格留空，本表以空白表示 0，请核实数字）`, `Insert the ${group.length} missing row(s), cells left blank as this table writes 0 (check the figures)`)
              : t(`插入缺少的 ${group.length} 行（以 0 填充，请核实数字）`, `Insert the ${group.length} missing row(s), filled with 0 (check the figures)`),
            edits: [{ start: at.at, end: at.at, newText: prefix + group.map((r) => rowText(table, version, r, at.inline)).join('') }],
          }],
        });
        i = j - 1;
      }
    }
  },
};
