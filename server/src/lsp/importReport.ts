// The import command's server side: bytes of a Word, PDF, HTML or text file in, report text out, with the tables
// in the canonical layout (what `nianbao format --write` writes). The file readers (mammoth, htmlparser2,
// iconv-lite, pdf.js) are a separate bundle, dist/io.js, loaded on the first import so that they cost the
// server nothing until then.
import { existsSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { formatReport } from '../core';
import type { ReadResult } from '../io';
import type { ImportReportParams, ImportReportResult } from './protocol';

export type ReadBytes = (name: string, bytes: Uint8Array) => Promise<ReadResult>;

/** Largest file imported (the bytes travel base64 from the client). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;

/** The readers: dist/io.js beside the server bundle, or the compiled sources (tests run from out/). */
export function loadReaders(): ReadBytes {
  const req = createRequire(__filename);
  const bundled = join(__dirname, 'io.js');
  const io = (existsSync(bundled) ? req(bundled) : req('../io')) as typeof import('../io');
  return io.readReportBytes;
}

export async function importReport(p: ImportReportParams | undefined, read: ReadBytes): Promise<ImportReportResult> {
  if (!p || typeof p.name !== 'string' || typeof p.data !== 'string') return { ok: false, reason: 'no file given' };
  // base64 length → byte count, checked before decoding
  if (p.data.length / 4 * 3 > MAX_IMPORT_BYTES) {
    return { ok: false, reason: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
  }
  const bytes = Buffer.from(p.data, 'base64');
  if (!bytes.length) return { ok: false, reason: 'the file is empty' };
  const r = await read(p.name, bytes);
  if (!r.ok) return r;
  if (!r.text.trim()) return { ok: false, reason: 'the file has no text' };
  const res = formatReport(r.text);
  return { ok: true, text: res.text, kind: r.kind, ...(r.encoding ? { encoding: r.encoding } : {}), tables: res.tables };
}
