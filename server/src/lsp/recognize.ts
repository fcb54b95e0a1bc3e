// Recognition by content: does a text that is not (yet) in the nianbao language read as an annual report? The
// client asks for .txt/.md files and pasted text whose name did not give them the language. The answer comes from
// the parser's own model (title, sections, tables found), not from a second recogniser: what the checker would read
// as a report is what is offered as one.
import type { Connection } from 'vscode-languageserver';
import { parseReport, type ReportModel } from '../core';
import { RecognizeRequest, type RecognizeParams, type RecognizeResult } from './protocol';

/** Texts larger than this are not looked at (the client sends only files below nianbao.maxFileSizeKB anyway). */
export const MAX_RECOGNIZE_CHARS = 4 * 1024 * 1024;
/** Rows of one table that must be read for the table to count. */
const MIN_TABLE_ROWS = 3;
/** Distinct sections that, with a title naming the report, make a report without tables (tables not yet typed). */
const MIN_SECTIONS_WITHOUT_TABLE = 4;

/** What the model says about a text: why it reads as a report, or why not. */
export function recognizeModel(model: ReportModel): RecognizeResult {
  const sections = new Set(model.sections.map((s) => s.n)).size;
  const tables = Object.values(model.tables).filter((t) => !!t && !t.absent && t.rows.filter((r) => r.status === 'ok').length >= MIN_TABLE_ROWS).length;
  const titled = !!model.title?.hasSuffix;
  // A table of the template read row by row, with the report's title or two of its section headings; or, before the
  // tables are written, the title and most of the headings. Headings alone (a page quoting them) are not enough.
  const report = (tables >= 1 && (titled || sections >= 2)) || (titled && sections >= MIN_SECTIONS_WITHOUT_TABLE);
  const out: RecognizeResult = { report, sections, tables, titled };
  if (model.title?.text) out.title = model.title.text.replace(/\s+/g, ' ').trim();
  return out;
}

/** Reads a text as the checker does and says whether it is a report. Never throws. */
export function recognizeText(text: string): RecognizeResult {
  const none: RecognizeResult = { report: false, sections: 0, tables: 0, titled: false };
  if (typeof text !== 'string' || !text.trim() || text.length > MAX_RECOGNIZE_CHARS) return none;
  for (let i = 0, n = Math.min(text.length, 8192); i < n; i++) if (text.charCodeAt(i) === 0) return none; // binary
  try {
    return recognizeModel(parseReport(text));
  } catch {
    return none;
  }
}

/** The `nianbao/recognize` request (registered by service.ts). */
export function registerRecognize(connection: Connection): void {
  connection.onRequest(RecognizeRequest, (p: RecognizeParams): RecognizeResult => recognizeText(p?.text));
}
