// Hover on a table cell: row and column (official labels), the value, and for a total its relation
// evaluated from the model's cells (exact decimal arithmetic).
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findClaims, formatDec, type Cell, type Finding, type Locale, type ReportModel, type Row, type Table } from '../core';
import { addDec, cmpDec, subDec, ZERO } from '../core/numbers';
import type { RelationDef, TableDef } from '../core/template';
import { toRange } from './diagnostics';
import { t } from './i18n';
import { cellAt, columnDefOf, rowDefOf, rowLabelAt, tableDefOf } from './model';
import type { Dec } from '../core';

const colon = (locale: Locale) => (locale === 'en' ? ': ' : '：');

function valueText(cell: Cell, locale: Locale): string {
  switch (cell.value.kind) {
    case 'integer': case 'decimal': return cell.value.raw;
    case 'blank': return t(locale, 'valueBlank');
    case 'slash': return t(locale, 'valueSlash');
    case 'dash': return t(locale, 'valueDash');
    default: return `\`${cell.value.raw}\` — ${t(locale, 'valueUnreadable')}`;
  }
}

function rowName(def: TableDef | undefined, row: Row): string {
  const rd = rowDefOf(def, row.key);
  const label = rd?.label || row.label || row.key;
  return rd?.group ? `${rd.group} › ${label}` : label;
}

function columnName(def: TableDef | undefined, cell: Cell, row: Row): string {
  const cd = columnDefOf(def, cell.colKey, row.blockIndex);
  const label = cd?.label ?? cell.colKey;
  return cd?.group ? `${cd.group} › ${label}` : label;
}

export interface RelationEval {
  relation: RelationDef;
  /** Operands in order with their sign and cell (undefined when the cell is not located). */
  terms: { sign: 1 | -1; name: string; cell?: Cell }[];
  target: Cell;
  status: 'holds' | 'fails' | 'unknown';
  computed?: Dec;
  /** Names of operands that are missing or not numbers (status unknown). */
  problems: string[];
}

/** Evaluate every relation whose target is this cell. */
export function evaluateRelations(model: ReportModel, table: Table, row: Row, cell: Cell): RelationEval[] {
  const def = tableDefOf(model, table.id);
  if (!def) return [];
  const out: RelationEval[] = [];
  for (const rel of def.relations) {
    const isTarget = rel.forEach === 'row' ? rel.target === cell.colKey : rel.target === row.key;
    if (!isTarget) continue;
    const keys: { key: string; sign: 1 | -1 }[] = [...rel.plus.map((k) => ({ key: k, sign: 1 as const })), ...(rel.minus ?? []).map((k) => ({ key: k, sign: -1 as const }))];
    const terms: RelationEval['terms'] = [];
    for (const { key, sign } of keys) {
      if (rel.forEach === 'row') {
        terms.push({ sign, name: columnDefOf(def, key)?.label ?? key, cell: row.cells.find((c) => c.colKey === key) });
      } else {
        const r = table.rows.find((x) => x.key === key);
        terms.push({ sign, name: rowDefOf(def, key)?.label ?? key, cell: r?.status === 'ok' ? r.cells.find((c) => c.colKey === cell.colKey) : undefined });
      }
    }
    const problems: string[] = [];
    let sum: Dec = ZERO;
    for (const term of terms) {
      const num = term.cell?.value.num;
      if (!term.cell || !num) { problems.push(term.name); continue; }
      sum = term.sign > 0 ? addDec(sum, num) : subDec(sum, num);
    }
    const target = cell.value.num;
    let status: RelationEval['status'] = 'unknown';
    if (!target) problems.unshift(rel.forEach === 'row' ? columnDefOf(def, cell.colKey)?.label ?? cell.colKey : rowDefOf(def, row.key)?.label ?? row.key);
    if (problems.length === 0 && target) status = cmpDec(sum, target) === 0 ? 'holds' : 'fails';
    out.push({ relation: rel, terms, target: cell, status, computed: problems.length === 0 ? sum : undefined, problems });
  }
  return out;
}

function relationMarkdown(ev: RelationEval, locale: Locale): string {
  const lines = [`**${t(locale, 'hoverRelation')}**: ${ev.relation.name[locale]}`];
  const nums = ev.terms.map((term, i) => {
    const v = term.cell?.value.num ? formatDec(term.cell.value.num) : '?';
    return (i === 0 ? (term.sign < 0 ? '−' : '') : term.sign < 0 ? ' − ' : ' + ') + v;
  }).join('');
  if (ev.status === 'holds') {
    lines.push(`\`${nums} = ${ev.target.value.raw}\` — ✓ ${t(locale, 'hoverHolds')}`);
  } else if (ev.status === 'fails' && ev.computed && ev.target.value.num) {
    // the size of the difference: which side is larger is in the two numbers
    const d = subDec(ev.target.value.num, ev.computed);
    const diff = d.units < 0n ? subDec(ZERO, d) : d;
    lines.push(`\`${nums} = ${formatDec(ev.computed)}\` — ✗ ${t(locale, 'hoverFails', formatDec(ev.computed), ev.target.value.raw, formatDec(diff))}`);
  } else {
    const missing = ev.terms.filter((x) => !x.cell).map((x) => x.name);
    lines.push(missing.length && missing.length === ev.problems.length
      ? t(locale, 'hoverMissingCells', missing.join('、'))
      : t(locale, 'hoverUnknown', ev.problems.join('、')));
  }
  return lines.join('\n\n');
}

export function provideHover(doc: TextDocument, model: ReportModel, findings: readonly Finding[], offset: number, locale: Locale): Hover | null {
  const hit = cellAt(model, offset);
  if (hit) {
    const { table, row, cell } = hit;
    const def = tableDefOf(model, table.id);
    const parts = [
      `**${def?.name[locale] ?? table.id}**`,
      `${t(locale, 'hoverRow')}${colon(locale)}${rowName(def, row)}  \n${t(locale, 'hoverColumn')}${colon(locale)}${columnName(def, cell, row)}  \n${t(locale, 'hoverValue')}${colon(locale)}${valueText(cell, locale)}`,
    ];
    for (const ev of evaluateRelations(model, table, row, cell)) parts.push(relationMarkdown(ev, locale));
    // Engine findings at this cell (e.g. a blank or unreadable cell) complete the picture.
    for (const f of findings) {
      if (f.start <= cell.start && f.end >= cell.end && f.end - f.start <= Math.max(cell.end - cell.start, 1) * 4 && f.rule !== 'table-balance') parts.push(`⚠ ${f.message} (\`${f.rule}\`)`);
    }
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(doc, cell.start, cell.end) };
  }
  // a figure in the prose matched to table cells: which cells, their value, and whether they agree
  const claim = findClaims(model).find((c) => c.span.start <= offset && offset <= c.span.end);
  if (claim && claim.table) {
    const names = claim.cells.map((c) => {
      const h = cellAt(model, c.start);
      if (!h) return c.value.raw;
      const def = tableDefOf(model, h.table.id);
      return `${def?.name[locale].split(' ')[0] ?? h.table.id} ${rowName(def, h.row)} › ${columnName(def, c, h.row)} = ${c.value.raw}`;
    });
    const agrees = cmpDec(claim.stated, claim.table) === 0 || (claim.alt !== undefined && cmpDec(claim.stated, claim.alt) === 0);
    const head = locale === 'en' ? `**${claim.def.what.en}** in the text: ${formatDec(claim.stated)}` : `**正文数字：${claim.def.what['zh-CN']}** ${formatDec(claim.stated)}`;
    const verdict = agrees ? (locale === 'en' ? '✓ agrees with the table' : '✓ 与表格一致') : (locale === 'en' ? `✗ the table has ${formatDec(claim.table)}` : `✗ 表格为 ${formatDec(claim.table)}`);
    return { contents: { kind: MarkupKind.Markdown, value: [head, names.map((n) => `- ${n}`).join('\n'), verdict].join('\n\n') }, range: toRange(doc, claim.span.start, claim.span.end) };
  }
  const label = rowLabelAt(model, offset);
  if (label && label.row.labelMatch) {
    const def = tableDefOf(model, label.table.id);
    const value = `**${def?.name[locale] ?? label.table.id}**\n\n${t(locale, 'hoverRow')}${colon(locale)}${rowName(def, label.row)}`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, label.row.labelMatch.start, label.row.labelMatch.end) };
  }
  return null;
}
