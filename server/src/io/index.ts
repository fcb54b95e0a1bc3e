// Reading a report from a file, whatever it is: text in any of the usual encodings, a web page, a Word
// document or a PDF. The kind is taken from the bytes first (PDF and ZIP signatures), then from the name.
// Never throws: a file that cannot be read gives a reason, for a clear message and exit code 2.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeAs, decodeText, encodingOfLabel, type TextEncoding } from './decode';
import { docxToText } from './docx';
import { declaredCharset, htmlToText } from './html';
import { pdfToText } from './pdf';

export { decodeText, decodeAs, encodeText, encodingOfLabel, type TextEncoding } from './decode';
export { htmlToText } from './html';
export { docxToText } from './docx';
export { pdfToText } from './pdf';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type FileKind = 'text' | 'html' | 'docx' | 'pdf';

export type ReadResult =
  | { ok: true; text: string; kind: FileKind; encoding?: TextEncoding; bom?: boolean }
  | { ok: false; reason: string };

/** File name extensions read as reports when a folder is searched. */
export const REPORT_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml', '.shtml', '.docx', '.pdf'];

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 2048));
}

/** Which kind of file the bytes are; undefined with a reason for kinds that are refused. */
export function kindOf(path: string, buf: Uint8Array): { kind: FileKind } | { reason: string } {
  const ext = extname(path).toLowerCase();
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' }; // %PDF-
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 1 << 20))).toString('latin1');
    if (head.includes('word/') || ext === '.docx') return { kind: 'docx' };
    if (head.includes('xl/')) return { reason: 'an Excel workbook (.xlsx), not a report document; save the report as .docx, .pdf or text' };
    if (head.includes('ppt/')) return { reason: 'a PowerPoint file, not a report document' };
    if (head.includes('mimetype') && head.includes('opendocument')) return { reason: 'an OpenDocument file (.odt); save it as .docx or text' };
    return { reason: 'a ZIP archive, not a report document' };
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { reason: 'an old binary Office file (.doc/.wps/.xls), which cannot be read; save it as .docx, .pdf or text' };
  }
  if (startsWith(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { reason: 'an RTF file, which cannot be read; save it as .docx or text' }; // {\rtf
  if (ext === '.pdf') return { reason: 'not a valid PDF file (no %PDF- header)' };
  if (ext === '.docx') return { reason: 'not a valid Word .docx file (not a ZIP package)' };
  if (ext === '.doc' || ext === '.wps') return { reason: 'an old Word/WPS file, which cannot be read; save it as .docx, .pdf or text' };
  if (HTML_EXT.has(ext)) return { kind: 'html' };
  return { kind: 'text' };
}

function decodeHtml(buf: Uint8Array): ReturnType<typeof decodeText> {
  const label = declaredCharset(buf);
  const enc = label ? encodingOfLabel(label) : undefined;
  return enc ? decodeAs(buf, enc) : decodeText(buf);
}

/** Report text of a file's bytes. */
export async function readReportBytes(path: string, buf: Uint8Array): Promise<ReadResult> {
  const k = kindOf(path, buf);
  if ('reason' in k) return { ok: false, reason: k.reason };
  try {
    if (k.kind === 'pdf') return { ok: true, text: await pdfToText(buf), kind: 'pdf' };
    if (k.kind === 'docx') {
      const text = await docxToText(buf);
      if (!text.trim()) return { ok: false, reason: 'the Word document has no text' };
      return { ok: true, text, kind: 'docx' };
    }
    const dec = k.kind === 'html' ? decodeHtml(buf) : decodeText(buf);
    if (!dec.ok) return dec;
    if (k.kind === 'html' || looksLikeHtml(dec.text)) return { ok: true, text: htmlToText(dec.text), kind: 'html', encoding: dec.encoding };
    return { ok: true, text: dec.text, kind: 'text', encoding: dec.encoding, bom: dec.bom };
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    if (k.kind === 'docx') return { ok: false, reason: `cannot read the Word document: ${msg.split('\n')[0]}` };
    return { ok: false, reason: msg.split('\n')[0] };
  }
}

/**
 * Report text of a file. The file is read synchronously (reports are small, and the thread-pool round trips
 * of asynchronous reads cost more than the reading: 0.5 ms against 0.02 ms a file); converting it may not be.
 */
export async function readReportFile(path: string): Promise<ReadResult> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message) };
  }
  if (size > MAX_FILE_BYTES) return { ok: false, reason: `file too large (${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB)` };
  let buf: Uint8Array;
  try { buf = readFileSync(path); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String((e as Error).message) };
  }
  return readReportBytes(path, buf);
}
