// The preview panel's view of a report: 表二, 表三 and 表四 as grids with the official headers of the template
// (groups as merged header cells, row groups as merged label cells), each value with its place in the text,
// and the relations (勾稽关系) evaluated on the targets. Pure: text or model in, JSON out.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, formatDec, type Cell, type Finding, type Locale, type ReportModel, type Row, type Table, type TableId } from '../core';
import { subDec } from '../core/numbers';
import type { ColumnDef, RowDef, TableDef } from '../core/template';
import { toRange } from './diagnostics';
import { evaluateRelations } from './hover';
import { TABLE_IDS, tableDefOf } from './model';
import type {
  TableViewResult,
  ViewBlock,
  ViewCell,
  ViewFailure,
  ViewHeaderCell,
  ViewLabelCell,
  ViewPlace,
  ViewRelationSummary,
  ViewRow,
  ViewTable,
} from './protocol';

/** What the view needs of an analysis (see analysis.ts). */
export interface ViewInput {
  model?: ReportModel;
  findings: readonly Finding[];
  skipped?: { message: string };
}

const SEP = ' › ';

export const cellId = (table: TableId, row: string, col: string): string => `${table}:${row}:${col}`;
export const rowId = (table: TableId, row: string): string => `${table}:${row}`;

// ---------------------------------------------------------------- header layout of the official tables

/**
 * Group path of a column above its label. The template records 表四's groups (行政复议, 行政诉讼·未经复议直接起诉 …);
 * 表三's are its header labels: every column under 申请人情况, the five kinds of organisation under 法人或其他组织.
 */
function columnPath(def: TableDef, col: ColumnDef): string[] {
  if (col.group) return [...col.group.split('·').map((s) => s.trim()).filter(Boolean), col.label];
  if (def.id === 't3' && def.headerLabels && def.headerLabels.length >= 2) {
    const [all, orgs] = def.headerLabels;
    return col.key === 'natural' || col.key === 'total' ? [all!, col.label] : [all!, orgs!, col.label];
  }
  return [col.label];
}

/** Header rows of a grid: the corner over the label columns, group cells merged over their columns, leaves spanning down. */
export function headerRows(paths: string[][], labelColumns: number, corner: string, width: number): ViewHeaderCell[][] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: ViewHeaderCell[][] = Array.from({ length: depth }, () => []);
  if (labelColumns > 0) rows[0]!.push({ text: corner, colspan: labelColumns, rowspan: depth, kind: 'corner' });
  const valueColumns = width - labelColumns;
  for (let level = 0; level < depth; level++) {
    for (let c = 0; c < paths.length; c++) {
      const p = paths[c]!;
      if (level >= p.length) continue; // covered by the leaf's rowspan
      const leaf = level === p.length - 1;
      if (!leaf && c > 0 && samePrefix(paths[c - 1]!, p, level)) continue; // merged into the group cell on the left
      let span = 1;
      if (!leaf) while (c + span < paths.length && samePrefix(paths[c + span]!, p, level)) span++;
      // the last value column of a narrow block (表二) spans the rest of the grid
      if (c + span === paths.length && paths.length < valueColumns) span += valueColumns - paths.length;
      rows[level]!.push({ text: p[level]!, colspan: span, rowspan: leaf ? depth - level : 1, kind: leaf ? 'column' : 'group' });
    }
  }
  return rows;
}

/** Both paths have the same group cells up to and including `level` (and that level is a group in both). */
function samePrefix(a: string[], b: string[], level: number): boolean {
  if (a.length - 1 <= level || b.length - 1 <= level) return false;
  for (let i = 0; i <= level; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Group path of a row before its label. 表三's result rows are grouped under 三、本年度办理结果, and its numbered
 * sub-items under （三）不予公开 …, which the template records as the group of the row; a group written （…）
 * belongs to the last top-level item (一、 二、 三、 …) above it.
 */
function rowPaths(rows: RowDef[]): string[][] {
  let top: string | undefined;
  return rows.map((r) => {
    const path: string[] = [];
    if (r.group) {
      if (/^[（(]/.test(r.group) && top) path.push(top);
      else if (!/^[（(]/.test(r.group)) top = r.group;
      path.push(r.group);
    } else if (/^[一二三四五六七八九十]+、/.test(r.label)) top = undefined;
    if (r.label) path.push(r.label);
    return path;
  });
}

/** Label cells of each row: group cells merged down over the rows they cover, the label spanning the remaining columns. */
export function labelCells(paths: string[][], labelColumns: number): ViewLabelCell[][] {
  return paths.map((p, i) => {
    const out: ViewLabelCell[] = [];
    for (let level = 0; level < p.length; level++) {
      const leaf = level === p.length - 1;
      if (leaf) { out.push({ text: p[level]!, colspan: labelColumns - level, rowspan: 1, group: false }); break; }
      if (i > 0 && samePrefix(paths[i - 1]!, p, level)) continue;
      let span = 1;
      while (i + span < paths.length && samePrefix(paths[i + span]!, p, level)) span++;
      out.push({ text: p[level]!, colspan: 1, rowspan: span, group: true });
    }
    if (p.length === 0 && labelColumns > 0) out.push({ text: '', colspan: labelColumns, rowspan: 1, group: false });
    return out;
  });
}

// ---------------------------------------------------------------- the view

function placeOf(doc: TextDocument, start: number, end: number): ViewPlace {
  return { start, end, range: toRange(doc, start, end) };
}

/** Messages of findings (other than table-balance, shown as failures) that lie on a span. */
function notesAt(findings: readonly Finding[], start: number, end: number): string[] | undefined {
  const width = Math.max(end - start, 1);
  const out = findings
    .filter((f) => f.rule !== 'table-balance' && f.start <= start && f.end >= end && f.end - f.start <= width * 4)
    .map((f) => `${f.message} (${f.rule})`);
  return out.length ? [...new Set(out)] : undefined;
}

function buildTable(doc: TextDocument, model: ReportModel, table: Table | undefined, id: TableId, def: TableDef, findings: readonly Finding[], locale: Locale): ViewTable {
  const ids = new Map<Cell, string>();
  const rowsByKey = new Map<string, Row>();
  for (const r of table?.rows ?? []) {
    if (!rowsByKey.has(r.key)) rowsByKey.set(r.key, r);
    for (const c of r.cells) ids.set(c, cellId(id, r.key, c.colKey));
  }
  const located = table && !table.absent ? table : undefined;
  const valueColumns = Math.max(...def.blocks.map((b) => b.columns.length));
  const rowLabels = def.blocks.map((b) => rowPaths(b.rows));
  const labelColumns = Math.max(...rowLabels.map((ps) => Math.max(0, ...ps.map((p) => p.length))));
  const width = labelColumns + valueColumns;
  const summary = new Map<string, ViewRelationSummary>(def.relations.map((r) => [r.id, { id: r.id, name: r.name[locale], holds: 0, fails: 0, unknown: 0 }]));

  const blocks: ViewBlock[] = def.blocks.map((block, bi) => {
    const paths = block.columns.map((c) => columnPath(def, c));
    const corner = block.firstHeader ?? (labelColumns > 0 ? def.note ?? '' : '');
    const header = headerRows(paths, labelColumns, corner, width);
    const labels = labelCells(rowLabels[bi]!, labelColumns);
    const rows: ViewRow[] = block.rows.map((rd, ri) => {
      const row = located ? rowsByKey.get(rd.key) : undefined;
      const status = row?.status ?? 'missing';
      const cells: ViewCell[] = block.columns.map((cd, ci) => {
        const cell = row?.status === 'ok' ? row.cells.find((c) => c.colKey === cd.key) : undefined;
        const colspan = ci === block.columns.length - 1 ? 1 + valueColumns - block.columns.length : 1;
        const vc: ViewCell = {
          id: cellId(id, rd.key, cd.key),
          colKey: cd.key,
          column: paths[ci]!.join(SEP),
          text: cell && cell.value.kind !== 'blank' ? cell.value.raw : '',
          kind: cell ? cell.value.kind : 'missing',
          colspan,
        };
        if (cell && row) {
          vc.place = placeOf(doc, cell.start, cell.end);
          const evals = evaluateRelations(model, located!, row, cell);
          if (evals.length) {
            const failures: ViewFailure[] = [];
            let unknown = false;
            for (const ev of evals) {
              const s = summary.get(ev.relation.id);
              if (s) s[ev.status === 'holds' ? 'holds' : ev.status === 'fails' ? 'fails' : 'unknown']++;
              if (ev.status === 'unknown') unknown = true;
              if (ev.status === 'fails' && ev.computed && cell.value.num) {
                failures.push({
                  relation: ev.relation.id,
                  name: ev.relation.name[locale],
                  expected: formatDec(ev.computed),
                  actual: cell.value.raw,
                  difference: formatDec(subDec(cell.value.num, ev.computed)),
                  operands: ev.terms.flatMap((t) => (t.cell && ids.has(t.cell) ? [ids.get(t.cell)!] : [])),
                });
              }
            }
            const operands = [...new Set(evals.flatMap((ev) => ev.terms.flatMap((t) => (t.cell && ids.has(t.cell) ? [ids.get(t.cell)!] : []))))];
            if (operands.length) vc.operands = operands;
            vc.check = failures.length ? 'fails' : unknown ? 'unknown' : 'holds';
            if (failures.length) vc.failures = failures;
          }
          const notes = notesAt(findings, cell.start, cell.end);
          if (notes) vc.notes = notes;
        }
        return vc;
      });
      const path = rowLabels[bi]![ri]!;
      const vr: ViewRow = {
        id: rowId(id, rd.key),
        key: rd.key,
        label: path.join(SEP),
        status,
        labelCells: labels[ri]!,
        cells,
      };
      const m = row?.labelMatch;
      if (m) {
        vr.labelPlace = placeOf(doc, m.start, m.end);
        if (m.similarity < 1) vr.sourceLabel = m.text;
        const notes = notesAt(findings, m.start, m.end);
        if (notes) vr.notes = notes;
      }
      if (row?.span) vr.place = placeOf(doc, row.span.start, row.span.end);
      return vr;
    });
    const out: ViewBlock = { header, rows };
    if (block.caption) out.caption = block.caption;
    return out;
  });

  // Relations whose target row or column could not be read count as unknown (one per instance).
  for (const rel of def.relations) {
    const s = summary.get(rel.id)!;
    s.unknown += Math.max(0, instancesOf(def, rel) - s.holds - s.fails - s.unknown);
  }

  const rowsTotal = def.blocks.reduce((n, b) => n + b.rows.length, 0);
  const rowsLocated = blocks.reduce((n, b) => n + b.rows.filter((r) => r.status === 'ok').length, 0);
  const vt: ViewTable = {
    id,
    name: def.name['zh-CN'],
    title: def.name[locale],
    status: !located ? 'absent' : rowsLocated === rowsTotal ? 'ok' : 'partial',
    width,
    labelColumns,
    blocks,
    relations: [...summary.values()],
    rowsLocated,
    rowsTotal,
  };
  if (located) {
    vt.place = placeOf(doc, located.start, located.end);
    vt.layout = located.layout;
    if (located.orphan) vt.orphan = true;
  }
  return vt;
}

/**
 * How many instances of each relation of a table hold, fail, or cannot be checked (a cell missing, not a number, or a
 * row or the table not read): every instance the template has is counted, so "all hold" means every one was checked.
 */
export function relationCounts(model: ReportModel, table: Table | undefined, def: TableDef): Map<string, { holds: number; fails: number; unknown: number }> {
  const counts = new Map(def.relations.map((r) => [r.id, { holds: 0, fails: 0, unknown: 0 }]));
  const located = table && !table.absent ? table : undefined;
  for (const row of located?.rows ?? []) {
    if (row.status !== 'ok') continue;
    for (const cell of row.cells) {
      for (const ev of evaluateRelations(model, located!, row, cell)) {
        const c = counts.get(ev.relation.id);
        if (c) c[ev.status === 'holds' ? 'holds' : ev.status === 'fails' ? 'fails' : 'unknown']++;
      }
    }
  }
  for (const rel of def.relations) {
    const c = counts.get(rel.id)!;
    c.unknown += Math.max(0, instancesOf(def, rel) - c.holds - c.fails - c.unknown);
  }
  return counts;
}

/** How many instances of a relation a table has: a row relation on every row of its blocks, a column relation in every column. */
function instancesOf(def: TableDef, rel: TableDef['relations'][number]): number {
  return rel.forEach === 'row'
    ? def.blocks.reduce((n, b) => n + (b.columns.some((c) => c.key === rel.target) ? b.rows.length : 0), 0)
    : def.blocks.reduce((n, b) => n + (b.rows.some((r) => r.key === rel.target) ? b.columns.length : 0), 0);
}

/** The preview's view of one analysed document. Never throws on a model the parser produced. */
export function buildTableView(doc: TextDocument, input: ViewInput, locale: Locale): TableViewResult {
  const model = input.model;
  const base = { uri: doc.uri, version: doc.version, locale, template: model?.template ?? null, tableVersion: model?.tableVersion ?? '2021' as const };
  // a document that could not be parsed (too large, binary); when only the checks failed, the tables are still drawn
  if (!model) return { ...base, tables: [], failing: 0, empty: { reason: 'skipped', message: input.skipped?.message } };
  const tables: ViewTable[] = [];
  for (const id of TABLE_IDS) {
    const def = tableDefOf(model, id);
    if (def) tables.push(buildTable(doc, model, model.tables[id], id, def, input.findings, locale));
  }
  const failing = tables.reduce((n, t) => n + t.relations.reduce((m, r) => m + r.fails, 0), 0);
  const out: TableViewResult = { ...base, tables, failing };
  if (model.title?.text) out.title = model.title.text;
  if (tables.every((t) => t.status === 'absent')) out.empty = { reason: 'noTables' };
  return out;
}

/** The view of a text (for tests and tools): parsed and checked with default settings. */
export function tableViewOf(text: string, locale: Locale = 'zh-CN', uri = 'file:///report.txt', version = 1): TableViewResult {
  const doc = TextDocument.create(uri, 'nianbao', version, text);
  let input: ViewInput;
  try {
    const res = checkReport(text, { locale });
    input = { model: res.model, findings: res.findings };
  } catch (e) {
    input = { findings: [], skipped: { message: e instanceof Error ? e.message : String(e) } };
  }
  return buildTableView(doc, input, locale);
}

/** Every cell of a view, in reading order. */
export function viewCells(view: TableViewResult): ViewCell[] {
  return view.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)));
}
