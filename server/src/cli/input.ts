// Reading one input of a command: a file of any supported kind, or `-` for standard input.
import { readReportBytes, readReportFile, type ReadResult } from '../io';

export const STDIN = '-';

export async function readInput(path: string): Promise<ReadResult> {
  if (path !== STDIN) return readReportFile(path);
  const chunks: Buffer[] = [];
  try {
    for await (const c of process.stdin) chunks.push(c as Buffer);
  } catch (e) {
    return { ok: false, reason: `cannot read standard input: ${(e as Error).message}` };
  }
  return readReportBytes('stdin', Buffer.concat(chunks));
}

/** How a path is shown in messages. */
export const shown = (path: string) => (path === STDIN ? '<stdin>' : path);
