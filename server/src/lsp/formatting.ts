// Formatting: re-emit each fully located table's rows as `label\tvalue\t…` without changing any label
// character (white space aside) or any value. A table with a row that is not located, or whose row text holds
// anything besides its label, its cells, white space and pipes, is left alone.
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, Span, Table } from '../core';
import { toRange } from './diagnostics';
import { presentTables } from './model';

const FILLER = /^[\s|｜]*$/;

function lineBounds(text: string, offset: number): Span {
  let a = offset, b = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return { start: a, end: b };
}

/** Edits for one table as offsets, or [] when the table cannot be formatted safely. */
export function formatTable(text: string, table: Table): (Span & { newText: string })[] {
  if (table.absent || table.rows.length === 0) return [];
  if (table.rows.some((r) => r.status !== 'ok' || !r.span)) return [];
  // cells split out of text run together: `nianbao format` rewrites those (with its own checks); the editor leaves them
  if (table.recovered?.length) return [];
  const rows = [...table.rows].sort((a, b) => a.span!.start - b.span!.start);
  const edits: (Span & { newText: string })[] = [];
  let prevEnd = -1;
  for (const row of rows) {
    const span = row.span!;
    if (span.start < prevEnd) return [];
    const pieces: Span[] = [];
    if (row.labelMatch && row.label) pieces.push(row.labelMatch);
    const cells = [...row.cells].sort((a, b) => a.start - b.start);
    pieces.push(...cells);
    // pieces must be inside the span, in order, not overlapping, and separated only by filler
    let cur = span.start;
    for (const p of pieces) {
      if (p.start < cur || p.end > span.end) return [];
      if (!FILLER.test(text.slice(cur, p.start))) return [];
      cur = p.end;
    }
    if (!FILLER.test(text.slice(cur, span.end))) return [];
    const parts: string[] = [];
    if (row.labelMatch && row.label) parts.push(text.slice(row.labelMatch.start, row.labelMatch.end).replace(/[\s|｜]+/g, ''));
    for (const c of cells) parts.push(text.slice(c.start, c.end).trim());
    const newText = parts.join('\t');
    // Take the whole line(s) when the rest of them is filler (leading pipes, trailing tabs).
    let start = span.start, end = span.end;
    const first = lineBounds(text, span.start), last = lineBounds(text, span.end);
    if (FILLER.test(text.slice(first.start, span.start))) start = first.start;
    if (FILLER.test(text.slice(span.end, last.end))) end = last.end;
    if (start < prevEnd) start = span.start;
    prevEnd = end;
    if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
  }
  return edits;
}

export function provideFormatting(doc: TextDocument, model: ReportModel, range?: { start: number; end: number }): TextEdit[] {
  const text = doc.getText();
  const out: TextEdit[] = [];
  for (const table of presentTables(model)) {
    if (range && (table.end < range.start || table.start > range.end)) continue;
    for (const e of formatTable(text, table)) out.push({ range: toRange(doc, e.start, e.end), newText: e.newText });
  }
  return out;
}
