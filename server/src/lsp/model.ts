// Helpers over the engine's report model shared by several providers (lookup by offset, template definitions).
import { TEMPLATE, tableDef, type Cell, type ReportModel, type Row, type Table, type TableId, type TemplateVersion } from '../core';
import type { ColumnDef, RowDef, TableDef } from '../core/template';

export const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];

/** Template version the tables were read with (the parser records it). */
export function tableVersion(model: ReportModel): TemplateVersion {
  return model.tableVersion;
}

/** The definition of a table as it was read: the template's, in the form of the table's variants (template.json). */
export function tableDefOf(model: ReportModel, id: TableId): TableDef | undefined {
  if (!TEMPLATE.versions[tableVersion(model)]?.tables.some((t) => t.id === id)) return undefined;
  return tableDef(tableVersion(model), id, model.tables[id]?.variant);
}

export function rowDefOf(def: TableDef | undefined, key: string): RowDef | undefined {
  if (!def) return undefined;
  for (const b of def.blocks) for (const r of b.rows) if (r.key === key) return r;
  return undefined;
}

/** Column definition; for 表二 the block disambiguates keys that repeat across blocks. */
export function columnDefOf(def: TableDef | undefined, key: string, blockIndex?: number): ColumnDef | undefined {
  if (!def) return undefined;
  if (blockIndex !== undefined) {
    const c = def.blocks[blockIndex]?.columns.find((x) => x.key === key);
    if (c) return c;
  }
  for (const b of def.blocks) for (const c of b.columns) if (c.key === key) return c;
  return undefined;
}

export function presentTables(model: ReportModel): Table[] {
  return TABLE_IDS.map((id) => model.tables[id]).filter((t): t is Table => !!t && !t.absent);
}

export interface CellHit { table: Table; row: Row; cell: Cell }

/** The table cell at (or touching) an offset. */
export function cellAt(model: ReportModel, offset: number): CellHit | undefined {
  for (const table of presentTables(model)) {
    if (offset < table.start || offset > table.end) continue;
    for (const row of table.rows) {
      if (row.span && (offset < row.span.start || offset > row.span.end)) continue;
      for (const cell of row.cells) if (offset >= cell.start && offset <= cell.end && cell.end > cell.start) return { table, row, cell };
      // Blank cells have empty spans: match them exactly.
      for (const cell of row.cells) if (offset === cell.start) return { table, row, cell };
    }
  }
  return undefined;
}

/** The row whose label is at an offset. */
export function rowLabelAt(model: ReportModel, offset: number): { table: Table; row: Row } | undefined {
  for (const table of presentTables(model)) {
    for (const row of table.rows) {
      const m = row.labelMatch;
      if (m && offset >= m.start && offset <= m.end) return { table, row };
    }
  }
  return undefined;
}

/**
 * The table being written at an offset: inside a located table or on the line just after it; for an absent
 * table, anywhere in the region where it was searched (its section body).
 */
export function tableAround(model: ReportModel, offset: number): Table | undefined {
  const text = model.text;
  for (const id of TABLE_IDS) {
    const t = model.tables[id];
    if (!t) continue;
    if (t.absent) {
      if (offset >= t.region.start && offset <= t.region.end) return t;
      continue;
    }
    let end = t.end;
    // extend to the end of the line after the table's last line
    for (let lines = 0; end < text.length && lines < 2; end++) if (text[end] === '\n' && ++lines === 2) break;
    if (offset >= t.start && offset <= end) return t;
  }
  return undefined;
}
