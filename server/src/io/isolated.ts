// Reading a file's bytes in a worker thread, with a time limit and a memory limit: a PDF or Word document that
// would take minutes or gigabytes to read is stopped, with a reason, and never takes the process that asked with
// it. The import command (language server) uses a fresh worker for each file; the command line keeps one worker
// for all the PDF and Word files of a run, and starts another after one was stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './index';

/** Longest a file may take to read. */
export const READ_TIMEOUT_MS = 60_000;
/**
 * Most memory (V8 heap) the reader may take. The readers' largest allowed input, 16 MiB of Word XML, takes about
 * 1.1 GB; a real report a few tens of MB.
 */
export const READ_MEMORY_MB = 1536;

export interface ReadLimits { timeoutMs?: number; memoryMb?: number }
export type ReadBytes = (name: string, bytes: Uint8Array) => Promise<ReadResult>;

/** The readers' module: dist/io.js beside the bundle that runs this, or the compiled sources (tests run from out/). */
function readersModule(): string {
  const bundled = join(__dirname, 'io.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'index.js');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const io = require(workerData.module);
parentPort.on('message', ({ name, bytes }) => {
  io.readReportBytes(name, bytes).then(
    (r) => parentPort.postMessage(r),
    (e) => parentPort.postMessage({ ok: false, reason: String((e && e.message) || e) }));
});
`;

export class IsolatedReader {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly memoryMb: number;

  /** keep: one worker for every file read (until one is stopped); otherwise a worker for each file. */
  constructor(limits: ReadLimits = {}, private readonly keep = true) {
    this.timeoutMs = limits.timeoutMs ?? READ_TIMEOUT_MS;
    this.memoryMb = limits.memoryMb ?? READ_MEMORY_MB;
  }

  /** Report text of a file's bytes, read in the worker; one file at a time; never throws. */
  read(name: string, bytes: Uint8Array): Promise<ReadResult> {
    const run = this.queue.then(() => this.readNow(name, bytes));
    this.queue = run;
    return run;
  }

  /** Stop the worker (a later read starts another). */
  close(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: readersModule() },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.memoryMb / 8)) },
    });
    w.on('error', () => { /* answered by the read in progress */ });
    return w;
  }

  private readNow(name: string, bytes: Uint8Array): Promise<ReadResult> {
    return new Promise<ReadResult>((resolve) => {
      let w: Worker;
      try {
        w = this.worker ??= this.spawn();
      } catch (e) {
        resolve({ ok: false, reason: `the file reader could not start: ${(e as Error).message}` });
        return;
      }
      w.ref();
      let done = false;
      const finish = (r: ReadResult, stop: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit);
        if (stop || !this.keep) {
          if (this.worker === w) this.worker = undefined;
          void w.terminate();
        } else w.unref();
        resolve(r);
      };
      const onMessage = (r: ReadResult) => finish(r, false);
      const onError = (e: Error) => finish({
        ok: false,
        reason: (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `reading the file needed more than ${this.memoryMb} MB of memory`
          : `the file reader failed: ${e.message}`,
      }, true);
      const onExit = (code: number) => finish({ ok: false, reason: `the file reader stopped (exit code ${code})` }, true);
      const timer = setTimeout(() => finish({ ok: false, reason: `reading the file took longer than ${Math.round(this.timeoutMs / 1000)} s` }, true), this.timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ name, bytes });
    });
  }
}
