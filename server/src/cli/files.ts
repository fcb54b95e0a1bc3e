// The files a command works on: the paths given, with folders searched recursively for report files.
// Inside folders, symbolic links to folders are not followed unless asked (`--follow`, as ripgrep's -L), and when
// they are, a folder already searched (by its real path) is not searched again: links to a parent folder never
// loop. Every file is checked once, however many paths lead to it. Documents in formats that are not read (.doc,
// .wps…) and links that lead nowhere are listed as not checked, never skipped silently.
import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { REPORT_EXTENSIONS, UNREAD_DOCUMENT_EXTENSIONS } from '../io';

export interface CollectOptions {
  /** Follow symbolic links to folders inside the folders searched. */
  follow?: boolean;
}

export interface Collected {
  files: string[];
  problems: string[];
  /** Symbolic links to folders not followed (said when nothing was found). */
  linksNotFollowed: number;
}

const FOUND = new Set([...REPORT_EXTENSIONS, ...UNREAD_DOCUMENT_EXTENSIONS]);

const MARKDOWN = /\.(?:md|markdown)$/i;
/** A report's start: its first section heading, or a title line. */
const REPORT_START = /^[\s#*>]*(?:一\s*[、.．]\s*总体情况|\S{0,60}政府信息公开(?:工作)?(?:\d{4}年度?)?年度?报告\**)\s*$/m;

/** Does the file start like a report (a title line or 一、总体情况 in its first 16 KB)? */
function startsLikeReport(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(16384);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return REPORT_START.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What a path leads to: the device and inode (one file reached by several links or names is one), else its real path. */
function identity(path: string, st: Stats): string {
  if (st.ino) return `${st.dev}:${st.ino}`;
  try { return realpathSync.native(path); } catch { return path; }
}

export function collectFiles(paths: string[], options: CollectOptions = {}): Collected {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  /** For each file: where it is in `files`, and whether its path there is a link (a later plain path replaces it). */
  const placed = new Map<string, { at: number; viaLink: boolean }>();
  let linksNotFollowed = 0;
  const walk = (path: string, top: boolean) => {
    if (top && path === '-') { files.push(path); return; }
    let st: Stats;
    try { st = (top ? statSync : lstatSync)(path); } catch (e) {
      if (top) problems.push(`${path}: no such file or folder`);
      else problems.push(`${path}: not checked: ${(e as Error).message}`);
      return;
    }
    const found = FOUND.has(extname(path).toLowerCase());
    const link = st.isSymbolicLink();
    if (link) {
      try { st = statSync(path); } catch {
        if (found) problems.push(`${path}: not checked: a symbolic link to nothing`);
        return;
      }
      if (st.isDirectory() && !options.follow) { linksNotFollowed++; return; }
    }
    if (!st.isDirectory()) {
      if (!top && !found) return;
      // a Markdown file in a folder is a report only when it starts like one (not a README or a changelog)
      if (!top && MARKDOWN.test(path) && !startsLikeReport(path)) return;
      const id = identity(path, st);
      const before = placed.get(id);
      if (!before) { placed.set(id, { at: files.length, viaLink: link }); files.push(path); }
      else if (before.viaLink && !link) { files[before.at] = path; before.viaLink = false; }
      return;
    }
    const id = identity(path, st);
    if (seen.has(id)) return;
    seen.add(id);
    let entries: string[];
    try { entries = readdirSync(path).sort(); } catch (e) { problems.push(`${path}: ${(e as Error).message}`); return; }
    for (const name of entries) {
      if (name === 'node_modules' || name.startsWith('.') || name.startsWith('~$')) continue;
      walk(join(path, name), false);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, problems, linksNotFollowed };
}

/** The message when no report file was found (mentioning the links to folders that were not followed). */
export function nothingFound(c: Collected): string {
  return `no report files found${c.linksNotFollowed ? ` (${c.linksNotFollowed} symbolic link(s) to folders not followed; use --follow)` : ''}`;
}
