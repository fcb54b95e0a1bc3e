// The files a command works on: the paths given, with folders searched recursively for report files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_EXTENSIONS } from '../io';

export function collectFiles(paths: string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const walk = (path: string, top: boolean) => {
    if (top && path === '-') { files.push(path); return; }
    let st;
    try { st = statSync(path); } catch { if (top) problems.push(`${path}: no such file or folder`); return; }
    if (!st.isDirectory()) {
      if (top || REPORT_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) files.push(path);
      return;
    }
    let entries: string[];
    try { entries = readdirSync(path).sort(); } catch (e) { problems.push(`${path}: ${(e as Error).message}`); return; }
    for (const name of entries) {
      if (name === 'node_modules' || name.startsWith('.') || name.startsWith('~$')) continue;
      walk(join(path, name), false);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, problems };
}
