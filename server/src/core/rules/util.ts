// Helpers shared by rules: labels of cells, official wording adapted to the document's punctuation style.
import type { Cell, Row, Table, Locale } from '../types';
import { tableDef } from '../template';
import type { TemplateVersion } from '../types';

export function tableName(table: Table, version: TemplateVersion, locale: Locale): string {
  return tableDef(version, table.id).name[locale];
}

export function columnLabel(table: Table, version: TemplateVersion, row: Row, colKey: string): string {
  const def = tableDef(version, table.id, table.variant);
  const col = def.blocks[row.blockIndex].columns.find((c) => c.key === colKey);
  if (!col) return colKey;
  return col.group ? `${col.group}·${col.label}` : col.label;
}

export function cellName(table: Table, version: TemplateVersion, row: Row, cell: Cell): string {
  const col = columnLabel(table, version, row, cell.colKey);
  return row.label ? `${row.label} / ${col}` : col;
}

/**
 * The official wording written in the style of the source text: half-width brackets, straight quotes or
 * `1、` numbering when the source uses them, so that a fix changes words, not the document's punctuation style.
 */
export function styledOfficial(official: string, source: string): string {
  let out = official;
  if (/[()]/.test(source) && !/[（）]/.test(source)) out = out.replace(/（/g, '(').replace(/）/g, ')');
  if (/"/.test(source) && !/[“”]/.test(source)) out = out.replace(/[“”]/g, '"');
  if (/^\s*\d\s*、/.test(source)) out = out.replace(/^(\d)\./, '$1、');
  if (/[,]/.test(source) && !/，/.test(source)) out = out.replace(/，/g, ',');
  if (/[:]/.test(source) && !/：/.test(source)) out = out.replace(/：/g, ':');
  return out;
}

/** Keep the cell structure of a tab-separated span when its text is replaced. */
export function keepTabs(newText: string, source: string): string {
  const tabs = (source.match(/\t/g) ?? []).length;
  return newText + '\t'.repeat(tabs);
}
