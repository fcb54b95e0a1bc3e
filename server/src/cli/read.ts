// Reading report files for the CLI: UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is refused
// with a clear reason rather than checked as garbage.
import { readFileSync, statSync } from 'node:fs';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function decodeReport(buf: Uint8Array): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  const sample = body.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 or UTF-16 text (GBK/GB18030 files: convert to UTF-8 first, e.g. `iconv -f GB18030 -t UTF-8`)' };
  }
}

export function readReport(path: string): ReadResult {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    size = st.size;
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message) };
  }
  if (size > MAX_FILE_BYTES) return { ok: false, reason: `file too large (${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB)` };
  try {
    return decodeReport(readFileSync(path));
  } catch (e) {
    return { ok: false, reason: String((e as Error).message) };
  }
}
