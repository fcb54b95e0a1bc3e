// Typed view of template.json: the official template (headings, tables, rows, columns, relations) as data.
import raw from './template.json';
import type { Locale, TableId, TemplateVersion } from '../types';

export interface ColumnDef { key: string; label: string; group?: string; value?: 'integer' | 'decimal' | 'signed' }
export interface RowDef { key: string; label: string; group?: string }
export interface BlockDef { caption?: string; firstHeader?: string; columns: ColumnDef[]; rows: RowDef[] }
export interface RelationDef {
  id: string;
  /** 'row': the keys are column keys, checked on every row; 'column': row keys, checked in every column. */
  forEach: 'row' | 'column';
  target: string;
  plus: string[];
  minus?: string[];
  name: Record<Locale, string>;
}
export interface TableDef {
  id: TableId;
  section: number;
  name: Record<Locale, string>;
  note?: string;
  headerLabels?: string[];
  blocks: BlockDef[];
  relations: RelationDef[];
}
export interface VersionDef {
  name: Record<Locale, string>;
  notice: string;
  fromYear: number;
  toYear?: number;
  markers: string[];
  tables: TableDef[];
}
export interface SectionDef { n: number; heading: string; variants: string[] }
export interface TemplateData {
  titleSuffix: string;
  sections: SectionDef[];
  versions: Record<TemplateVersion, VersionDef>;
}

export const TEMPLATE = raw as unknown as TemplateData;
export const VERSIONS: TemplateVersion[] = ['2021', '2019'];

export function tableDef(version: TemplateVersion, id: TableId): TableDef {
  const t = TEMPLATE.versions[version].tables.find((x) => x.id === id);
  if (!t) throw new Error(`template ${version} has no table ${id}`);
  return t;
}

/** Template version that applies to a report year (FORMAT.md §1), or null for years before 2019. */
export function versionForYear(year: number): TemplateVersion | null {
  if (year >= TEMPLATE.versions['2021'].fromYear) return '2021';
  if (year >= TEMPLATE.versions['2019'].fromYear) return '2019';
  return null;
}

/** Row and column definitions of a table, flattened over its blocks. */
export function rowsOf(t: TableDef): { row: RowDef; block: number; columns: ColumnDef[] }[] {
  const out: { row: RowDef; block: number; columns: ColumnDef[] }[] = [];
  t.blocks.forEach((b, i) => b.rows.forEach((row) => out.push({ row, block: i, columns: b.columns })));
  return out;
}
