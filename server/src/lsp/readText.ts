// The text the checker reads from a Word, PDF or web-page file: the same readers as the import command (in a worker,
// see importReport.ts), but the text as read, tables not rewritten, so that positions in it are those of the
// findings ("check workspace" on such a file, its read-only view in the editor, `nianbao text FILE`).
import type { Connection } from 'vscode-languageserver';
import { MAX_IMPORT_BYTES, type ReadBytes } from './importReport';
import { READ_ONLY_SCHEME, ReadTextRequest, type ReadTextParams, type ReadTextResult } from './protocol';

/**
 * The file a document stands for: for the read-only view of a Word, PDF or web-page file's text
 * (`nianbao-text:<path>?<the file's uri>`), that file's uri, so that the file's folder and config file apply to it
 * as they do in \`nianbao check\`; any other uri is itself.
 */
export function sourceUri(uri: string): string {
  if (!uri.startsWith(READ_ONLY_SCHEME + ':')) return uri;
  const q = uri.indexOf('?');
  if (q < 0) return uri;
  const hash = uri.indexOf('#', q);
  try {
    const source = decodeURIComponent(uri.slice(q + 1, hash < 0 ? undefined : hash));
    return /^[a-z][a-z0-9+.-]*:/i.test(source) && !source.startsWith(READ_ONLY_SCHEME + ':') ? source : uri;
  } catch {
    return uri;
  }
}

/** Bytes (base64) in, the text `nianbao check` would check out; never throws. */
export async function readText(p: ReadTextParams | undefined, read: ReadBytes): Promise<ReadTextResult> {
  if (!p || typeof p.name !== 'string' || typeof p.data !== 'string') return { ok: false, reason: 'no file given' };
  if (p.data.length / 4 * 3 > MAX_IMPORT_BYTES) return { ok: false, reason: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
  const bytes = Buffer.from(p.data, 'base64');
  if (!bytes.length) return { ok: false, reason: 'the file is empty' };
  try {
    const r = await read(p.name, bytes);
    if (!r.ok) return { ok: false, reason: r.reason };
    if (!r.text.trim()) return { ok: false, reason: 'the file has no text' };
    return { ok: true, text: r.text, kind: r.kind };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The `nianbao/readText` request; `reader` gives the (lazily started) file readers. */
export function registerReadText(connection: Connection, reader: () => ReadBytes): void {
  connection.onRequest(ReadTextRequest, (p: ReadTextParams) => readText(p, reader()));
}

/** A file of nianbao/checkFiles as text: given as text, or read from its bytes (a reason when it cannot be read). */
export async function checkFileText(f: unknown, read: () => ReadBytes): Promise<{ uri: string; text: string } | { uri: string; reason: string } | undefined> {
  const file = f as { uri?: unknown; text?: unknown; name?: unknown; data?: unknown } | null | undefined;
  if (!file || typeof file.uri !== 'string') return undefined;
  if (typeof file.text === 'string') return { uri: file.uri, text: file.text };
  if (typeof file.name !== 'string' || typeof file.data !== 'string') return undefined;
  const r = await readText({ name: file.name, data: file.data }, read());
  return r.ok ? { uri: file.uri, text: r.text } : { uri: file.uri, reason: r.reason };
}
