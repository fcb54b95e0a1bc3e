// Formatting (the editor's "Format Document" and "Format Selection"): the same canonical layout `nianbao format`
// writes, from one writer (core/normalize): every fully read table with official captions, headers and row
// labels, one row per line, tab-separated, every value kept. Tables it cannot rewrite safely are left alone.
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeEdits, type ReportModel } from '../core';
import { toRange } from './diagnostics';

/** Edits for the document, or for the tables that overlap `range` (offsets). */
export function provideFormatting(doc: TextDocument, model: ReportModel, range?: { start: number; end: number }): TextEdit[] {
  const { edits } = normalizeEdits(doc.getText(), model);
  return edits
    .filter((e) => !range || (e.start <= range.end && e.end >= range.start))
    .map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
}
