// The import command's server side: bytes of a Word, PDF, HTML or text file in, report text out, with the tables
// in the canonical layout (what `nianbao format --write` writes). The file readers (mammoth, htmlparser2,
// iconv-lite, pdf.js) are a separate bundle, dist/io.js, loaded in a worker thread for each import: a large or
// hostile PDF never blocks the server's checking of open documents, and one that takes too long is stopped.
import { existsSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { formatReport } from '../core';
import type { ReadResult } from '../io';
import type { ImportReportParams, ImportReportResult } from './protocol';

export type ReadBytes = (name: string, bytes: Uint8Array) => Promise<ReadResult>;

/** Largest file imported (the bytes travel base64 from the client). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
/** Longest a file may take to read before the worker is stopped. */
export const READ_TIMEOUT_MS = 60_000;

/** The readers' module: dist/io.js beside the server bundle, or the compiled sources (tests run from out/). */
function readersModule(): string {
  const bundled = join(__dirname, 'io.js');
  return existsSync(bundled) ? bundled : createRequire(__filename).resolve('../io');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
require(workerData.module).readReportBytes(workerData.name, workerData.bytes).then(
  (r) => parentPort.postMessage(r),
  (e) => parentPort.postMessage({ ok: false, reason: String((e && e.message) || e) }));
`;

/** Reads the bytes in a worker thread, stopped after timeoutMs; the answer is a ReadResult, never an exception. */
export function workerReaders(timeoutMs = READ_TIMEOUT_MS): ReadBytes {
  const module = readersModule();
  return (name, bytes) => new Promise<ReadResult>((resolve) => {
    let done = false;
    const finish = (r: ReadResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, name, bytes } });
    const timer = setTimeout(() => finish({ ok: false, reason: `reading the file took longer than ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
    worker.once('message', (r: ReadResult) => finish(r));
    worker.once('error', (e) => finish({ ok: false, reason: e.message }));
    worker.once('exit', (code) => finish({ ok: false, reason: `the file reader stopped (exit code ${code})` }));
  });
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
