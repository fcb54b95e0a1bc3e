// Running a per-file task over many files, in this thread or in worker threads (`--jobs N`). Results are
// handed back by input index, whatever order the workers finish in. The worker side is `serveTasks`, started
// by the module that owns the task when it is loaded in a worker (see extract.ts).
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export interface PoolOptions<T> {
  jobs: number;
  /** Script that serves the task in a worker (it calls serveTasks when loaded with `workerData`). */
  workerFile: string;
  workerData: unknown;
  /** The same task, in this thread (jobs = 1, or when workers fail). */
  local: (path: string) => Promise<T>;
  /** Result for a file whose worker died. */
  failed: (reason: string) => T;
}

type ToWorker = { i: number; path: string } | { exit: true };
type FromWorker<T> = { i: number; result: T };

/** `--jobs` value: a number, or 0/auto for one worker per core. */
export function parseJobs(v: string): number {
  if (v === 'auto' || v === '0') return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--jobs needs a whole number from 1 to 256, or auto (got "${v}")`);
  return n;
}

export async function runPool<T>(paths: string[], opts: PoolOptions<T>, onResult: (i: number, result: T) => void): Promise<void> {
  const jobs = Math.min(opts.jobs, paths.length);
  if (jobs <= 1) {
    for (let i = 0; i < paths.length; i++) onResult(i, await opts.local(paths[i]));
    return;
  }
  let next = 0;
  const pending = new Set<number>();
  await new Promise<void>((resolve) => {
    let live = 0;
    const start = () => {
      const w = new Worker(opts.workerFile, { workerData: opts.workerData });
      const mine = new Set<number>();
      live++;
      const feed = () => {
        if (next < paths.length) {
          const i = next++;
          mine.add(i); pending.add(i);
          w.postMessage({ i, path: paths[i] } satisfies ToWorker);
        } else if (!mine.size) w.postMessage({ exit: true } satisfies ToWorker);
      };
      w.on('message', (m: FromWorker<T>) => {
        mine.delete(m.i); pending.delete(m.i);
        onResult(m.i, m.result);
        feed();
      });
      let ended = false;
      const end = (err?: Error) => {
        if (ended) return;
        ended = true;
        live--;
        for (const i of mine) pending.delete(i);
        if (err) for (const i of mine) onResult(i, opts.failed(`internal error in a worker: ${err.message}`));
        mine.clear();
        if (live === 0) resolve();
      };
      w.on('error', (e) => end(e));
      w.on('exit', (code) => end(code === 0 ? undefined : new Error(`worker exited with code ${code}`)));
      // two files in flight per worker keep it busy while its result travels back
      feed(); feed();
    };
    for (let k = 0; k < jobs; k++) start();
  });
  // files never handed out (every worker failed) are done here
  while (next < paths.length) { const i = next++; onResult(i, await opts.local(paths[i])); }
}

/** Worker side: answer each task message with its result; exit when told. */
export function serveTasks<T>(task: (path: string) => Promise<T>): void {
  const port = parentPort;
  if (!port) return;
  let queue = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if ('exit' in m) { void queue.then(() => process.exit(0)); return; }
    queue = queue.then(async () => {
      const result = await task(m.path);
      port.postMessage({ i: m.i, result } satisfies FromWorker<T>);
    });
  });
}
