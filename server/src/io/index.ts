// Reading a report from a file, whatever it is: text in any of the usual encodings, a web page, a Word
// document or a PDF. The kind is taken from the bytes first (PDF and ZIP signatures), then from the name.
// Never throws: a file that cannot be read gives a reason, for a clear message and exit code 2.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeAs, decodeText, encodingOfLabel, type TextEncoding } from './decode';
import { DocxError, docxToText } from './docx';
import { declaredCharset, HtmlError, htmlToText } from './html';
import { pdfToText } from './pdf';

export { decodeText, decodeAs, encodeText, encodingOfLabel, type TextEncoding } from './decode';
export { htmlToText, MAX_NESTING_WORK } from './html';
export { docxToText } from './docx';
export { MAX_PDF_PAGES, pdfToText } from './pdf';
export { MAX_XML_BYTES, MAX_RATIO } from './zip';
export { IsolatedReader, READ_MEMORY_MB, READ_TIMEOUT_MS, type ReadBytes, type ReadLimits } from './isolated';

/** Largest file read (standard input included): a report is at most a few MiB, even as a PDF with its images. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type FileKind = 'text' | 'html' | 'docx' | 'pdf';

export type ReadResult =
  /** `damaged`: bytes that are not characters of the text's encoding, read as U+FFFD (said, and never written back). */
  | { ok: true; text: string; kind: FileKind; encoding?: TextEncoding; bom?: boolean; damaged?: string }
  | { ok: false; reason: string };

/** File name extensions read as reports when a folder is searched. */
export const REPORT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.shtml', '.docx', '.pdf'];
/**
 * Documents found in a folder that are listed as not checked, with the reason (a report saved in a format that is
 * not read is not skipped silently): old Word and WPS files, RTF, OpenDocument, OFD.
 */
export const UNREAD_DOCUMENT_EXTENSIONS = ['.doc', '.dot', '.wps', '.wpt', '.rtf', '.odt', '.ofd'];

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
    if (ext === '.ofd' || head.includes('OFD.xml')) return { reason: 'an OFD file, which cannot be read; save it as .pdf or .docx' };
    return { reason: 'a ZIP archive, not a report document' };
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { reason: 'an old binary Office file (.doc/.wps/.xls), which cannot be read; save it as .docx, .pdf or text' };
  }
  if (startsWith(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { reason: 'an RTF file, which cannot be read; save it as .docx or text' }; // {\rtf
  if (ext === '.pdf') return { reason: 'not a valid PDF file (no %PDF- header)' };
  if (ext === '.docx') return { reason: 'not a valid Word .docx file (not a ZIP package)' };
  if (ext === '.doc' || ext === '.wps' || ext === '.dot' || ext === '.wpt') {
    // Word and WPS also save web pages under these names
    if (looksLikeHtml(Buffer.from(buf.subarray(0, 2048)).toString('latin1'))) return { kind: 'html' };
    return { reason: 'an old Word/WPS file, which cannot be read; save it as .docx, .pdf or text' };
  }
  if (ext === '.odt') return { reason: 'not a valid OpenDocument file' };
  if (ext === '.ofd') return { reason: 'not a valid OFD file' };
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
  if (!buf.length) return { ok: false, reason: 'empty file' };
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
    const damaged = dec.damaged ? { damaged: dec.damaged } : {};
    if (k.kind === 'html' || looksLikeHtml(dec.text)) {
      const text = htmlToText(dec.text);
      if (!text.trim()) return { ok: false, reason: 'the web page has no text' };
      return { ok: true, text, kind: 'html', encoding: dec.encoding, ...damaged };
    }
    if (!dec.text.replace(/^\ufeff/, '').trim()) return { ok: false, reason: 'empty file (nothing but white space)' };
    return { ok: true, text: dec.text, kind: 'text', encoding: dec.encoding, bom: dec.bom, ...damaged };
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    if (e instanceof DocxError || e instanceof HtmlError) return { ok: false, reason: msg };
    if (k.kind === 'docx') return { ok: false, reason: `cannot read the Word document: ${msg.split('\n')[0]}` };
    return { ok: false, reason: msg.split('\n')[0] };
  }
}

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const tooLarge = (what: string, size?: number) => size === undefined
  ? `${what} too large (more than ${MAX_FILE_BYTES / 1048576} MiB, the limit for a file)`
  : `${what} too large (${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB)`;

/**
 * The bytes of a file, at most MAX_FILE_BYTES. The file is read synchronously (reports are small, and the
 * thread-pool round trips of asynchronous reads cost more than the reading: 0.5 ms against 0.02 ms a file).
 */
export function readFileBytes(path: string): BytesResult {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: 'not a regular file (a folder)' };
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message) };
  }
  if (size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge('file', size) };
  try { return { ok: true, bytes: readFileSync(path) }; } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String((e as Error).message) };
  }
}

/**
 * The bytes of a stream (standard input), at most MAX_FILE_BYTES: an endless stream is refused as soon as it
 * passes the limit, holding no more than the limit.
 */
export async function readStreamBytes(stream: NodeJS.ReadableStream & { destroy?: () => void }, what = 'standard input'): Promise<BytesResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const c = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
      size += c.length;
      if (size > MAX_FILE_BYTES) {
        stream.destroy?.();
        return { ok: false, reason: tooLarge(what) };
      }
      chunks.push(c);
    }
  } catch (e) {
    return { ok: false, reason: `cannot read ${what}: ${(e as Error).message}` };
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

/** Report text of a file. */
export async function readReportFile(path: string): Promise<ReadResult> {
  const got = readFileBytes(path);
  return got.ok ? readReportBytes(path, got.bytes) : got;
}
