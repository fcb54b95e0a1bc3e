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
/**
 * A form of a table that real reports use besides the template's own (data, not code): rows of another version kept
 * (the 2019 single row （六）其他处理 in a 2021 表三), or a column of a local variant (表三's 法人或其他组织 小计).
 * The reader takes a variant when the table reads better with it (parse/variants.ts); rules and views use the table
 * as read (tableDef with the table's variants).
 */
export interface TableVariantDef {
  id: string;
  /** The version whose rows these are (format-version names it); absent for a local variant. */
  version?: TemplateVersion;
  /** Rows replaced by one row (the 2021 rows （六）1–3 by the 2019 row （六）其他处理). */
  replaceRows?: { rows: string[]; by: RowDef };
  /** Columns inserted after another column of block 0. */
  insertColumns?: { after: string; column: ColumnDef }[];
  /** Relations the variant adds (the 小计 column = the sum of the five kinds of organisation). */
  relations?: RelationDef[];
  /** Header words only the variant has (小计): it is tried only where one is written. */
  headerMarkers?: string[];
}
export interface TableDef {
  id: TableId;
  section: number;
  name: Record<Locale, string>;
  note?: string;
  headerLabels?: string[];
  blocks: BlockDef[];
  relations: RelationDef[];
  /** Forms of the table real reports use besides the template's own. */
  variants?: TableVariantDef[];
  /** The variants this definition was derived with (tableDef(version, id, variants)). */
  applied?: string[];
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

const DERIVED = new Map<string, TableDef>();

/** A table of a version, in the form of the given variants (its own form without any). */
export function tableDef(version: TemplateVersion, id: TableId, variants?: readonly string[]): TableDef {
  const t = TEMPLATE.versions[version].tables.find((x) => x.id === id);
  if (!t) throw new Error(`template ${version} has no table ${id}`);
  if (!variants?.length) return t;
  const key = `${version} ${id} ${variants.join('+')}`;
  let d = DERIVED.get(key);
  if (!d) DERIVED.set(key, d = derive(t, variants));
  return d;
}

/** The table def with its variants applied, in order (unknown ids are ignored). */
function derive(base: TableDef, variants: readonly string[]): TableDef {
  let blocks = base.blocks, relations = base.relations;
  const applied: string[] = [];
  for (const id of variants) {
    const v = base.variants?.find((x) => x.id === id);
    if (!v) continue;
    applied.push(id);
    const rep = v.replaceRows;
    if (rep) {
      const gone = new Set(rep.rows);
      blocks = blocks.map((b) => ({ ...b, rows: b.rows.flatMap((r) => (r.key === rep.rows[0] ? [rep.by] : gone.has(r.key) ? [] : [r])) }));
      const swap = (keys: string[] | undefined) => keys && [...new Set(keys.map((k) => (gone.has(k) ? rep.by.key : k)))];
      relations = relations.map((r) => ({ ...r, target: gone.has(r.target) ? rep.by.key : r.target, plus: swap(r.plus)!, minus: swap(r.minus) }));
    }
    for (const ins of v.insertColumns ?? []) {
      blocks = blocks.map((b, i) => {
        const at = b.columns.findIndex((c) => c.key === ins.after);
        return i === 0 && at >= 0 ? { ...b, columns: [...b.columns.slice(0, at + 1), ins.column, ...b.columns.slice(at + 1)] } : b;
      });
    }
    if (v.relations) relations = [...relations, ...v.relations];
  }
  return { ...base, blocks, relations, applied };
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
