// Reading one input of a command: a file of any supported kind, or `-` for standard input (at most as many bytes
// as a file may have). PDF and Word files are read in a worker thread with a time and a memory limit (as the
// editor's import command reads them), text and web pages in this thread.
import { IsolatedReader, kindOf, readFileBytes, readReportBytes, readStreamBytes, type ReadResult } from '../io';

export const STDIN = '-';

let isolated: IsolatedReader | undefined;

export async function readInput(path: string): Promise<ReadResult> {
  const got = path === STDIN ? await readStreamBytes(process.stdin) : readFileBytes(path);
  if (!got.ok) return got;
  const name = path === STDIN ? 'stdin' : path;
  const kind = got.bytes.length ? kindOf(name, got.bytes) : undefined;
  if (kind && 'kind' in kind && (kind.kind === 'pdf' || kind.kind === 'docx')) return (isolated ??= new IsolatedReader()).read(name, got.bytes);
  return readReportBytes(name, got.bytes);
}

/** How a path is shown in messages. */
export const shown = (path: string) => (path === STDIN ? '<stdin>' : path);
