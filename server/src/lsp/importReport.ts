// The import command's server side: bytes of a Word, PDF, HTML or text file in, report text out, with the tables
// in the canonical layout (what `nianbao format --write` writes). The file readers (mammoth, htmlparser2,
// iconv-lite, pdf.js) are a separate bundle, dist/io.js, loaded in a worker thread for each import: a large or
// hostile file never blocks the server's checking of open documents, and one that takes too long or too much
// memory (the worker runs with V8 resource limits) is stopped with a reason.
import { formatReport } from '../core';
import { IsolatedReader, READ_MEMORY_MB, READ_TIMEOUT_MS, type ReadBytes } from '../io/isolated';
import type { ImportReportParams, ImportReportResult } from './protocol';

export { READ_MEMORY_MB, READ_TIMEOUT_MS, type ReadBytes } from '../io/isolated';

/** Largest file imported (the bytes travel base64 from the client). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;

/**
 * Reads the bytes in a worker thread of its own (started for each import, so that nothing stays loaded), stopped
 * after timeoutMs or when its heap passes memoryMb; the answer is a ReadResult, never an exception.
 */
export function workerReaders(timeoutMs = READ_TIMEOUT_MS, memoryMb = READ_MEMORY_MB): ReadBytes {
  return (name, bytes) => new IsolatedReader({ timeoutMs, memoryMb }, false).read(name, bytes);
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
