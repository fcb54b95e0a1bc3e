// A code lens above each table, on the line that introduces it (its section's heading, which names the table in the
// template; for a table found outside its section, the first line of its head), never between its rows:
// 表三/表四 "N 处勾稽关系不成立", "N 处勾稽关系无法核对" (cells missing or unreadable) or, only when every relation was
// checked and holds, "勾稽关系全部成立"; 表二, which has no relations, the rows read and the blank cells.
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale, ReportModel, Table } from '../core';
import { t } from './i18n';
import { presentTables, tableDefOf } from './model';
import { tableName } from './symbols';
import { relationCounts } from './tableView';

/** Where a table's lens goes: its section's heading when the table is in its own section, else its head. */
export function tableLensOffset(model: ReportModel, table: Table): number {
  const n = tableDefOf(model, table.id)?.section;
  const sec = model.sections.find((s) => s.n === n && s.start <= table.start && table.start <= s.end);
  if (sec && !table.orphan) return sec.heading.start;
  // the first of the table's caption, column headers and row labels (the parser's start can be the first value row)
  let head = table.start;
  for (const c of table.captions) if (c.match && c.match.start < head) head = c.match.start;
  for (const c of table.columns) if (c.match && c.match.start < head) head = c.match.start;
  for (const r of table.rows) if (r.labelMatch && r.labelMatch.start < head) head = r.labelMatch.start;
  // header lines the parser could not read (garbled by an extraction) still belong to the table: lines of cells
  // (tabs or bars) right above it, not reaching into another table
  const text = model.text;
  const floor = Math.max(table.region.start, ...presentTables(model).filter((o) => o !== table && o.end <= head).map((o) => o.end));
  let start = text.lastIndexOf('\n', head - 1) + 1;
  for (let k = 0; k < 8 && start > floor; k++) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prev, start - 1);
    if (prev < floor || !line.trim() || !/\t.*\t|\|/.test(line)) break;
    start = prev;
  }
  return Math.min(head, start);
}

function relationsTitle(model: ReportModel, table: Table, findings: readonly Finding[], locale: Locale): string {
  const name = tableName(table.id, locale);
  const failing = findings.filter((f) => f.rule === 'table-balance' && f.start >= table.start && f.start <= table.end).length;
  if (failing > 0) return t(locale, 'lensFailing', name, failing);
  // all relations hold only when every instance of every one was checked: otherwise say how many could not be
  const def = tableDefOf(model, table.id);
  let unknown = 0;
  if (def) for (const c of relationCounts(model, table, def).values()) unknown += c.unknown;
  return unknown ? t(locale, 'lensNotChecked', name, unknown) : t(locale, 'lensBalanced', name);
}

/** 表二 has no relations: how much of it was read. */
function readTitle(table: Table, locale: Locale): string {
  const rows = table.rows.filter((r) => r.status === 'ok');
  const blank = rows.reduce((n, r) => n + r.cells.filter((c) => c.value.kind === 'blank').length, 0);
  const name = tableName(table.id, locale);
  return blank ? t(locale, 'lensReadBlank', name, rows.length, table.rows.length, blank) : t(locale, 'lensRead', name, rows.length, table.rows.length);
}

export function provideCodeLenses(doc: TextDocument, model: ReportModel, findings: readonly Finding[], locale: Locale): CodeLens[] {
  const out: CodeLens[] = [];
  for (const table of presentTables(model)) {
    const def = tableDefOf(model, table.id);
    if (!def) continue;
    const title = def.relations.length ? relationsTitle(model, table, findings, locale) : readTitle(table, locale);
    const line = doc.positionAt(tableLensOffset(model, table)).line;
    out.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } });
  }
  return out;
}
