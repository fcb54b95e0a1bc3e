// `nianbao format [--write|--check] [--force] PATH...`: the tables of a report in the canonical tab-separated
// layout (official labels, one row per line), every value kept. Prints the result for one file, or rewrites
// the files (--write), or says which files would change (--check). For .html/.docx/.pdf files the text read
// from them is printed, or written beside them as NAME.txt (--write).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parsePath, join } from 'node:path';
import { formatReport, type TableNormalization } from '../core/normalize';
import { encodeText } from '../io';
import { parseArgs, UsageError } from './args';
import { collectFiles, nothingFound } from './files';
import { readInput, shown, STDIN } from './input';

export const FORMAT_USAGE = `Usage: nianbao format [--write | --check] [--force] [--follow] PATH...
  Rewrites every table whose rows were all found in the canonical tab-separated layout (official captions,
  headers and row labels, one row per line), keeping every value; other text is left as it is.
  Tables with rows not found, missing columns or other text inside them are left unchanged (said on stderr).
  Rows whose cells run together (\`予以公开128821005031362\`, text collapsed from a web page) are split where
  the template's relations admit exactly one split, and left as they are where several fit.
  (no option)  print the result for one file (or - for stdin) on stdout; .html/.docx/.pdf: the text read from it
  --write      rewrite text files in place (same encoding); for .html/.docx/.pdf write NAME.txt beside them
  --force      with --write, overwrite an existing NAME.txt
  --check      change nothing; exit 1 if any file would change
  --follow     follow symbolic links to folders inside the folders searched
  A file with bytes that are not characters of its encoding (invalid UTF-8, a cut-off last character) is never
  rewritten: those bytes would be lost. Nor is any file whose text would not be written back byte for byte.
Exit status: 0 done (or nothing to change), 1 with --check when files would change, 2 usage or file problems.`;

const NAME: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

function summary(tables: TableNormalization[]): string {
  return tables.map((t) => `${NAME[t.id]} ${t.status}${t.reason ? ` (${t.reason})` : ''}`).join(', ');
}

export async function formatCommand(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let parsed;
  try {
    parsed = parseArgs(argv, { write: { alias: 'w' }, check: {}, force: {}, follow: { alias: 'L' }, help: { alias: 'h' } });
    if (parsed.opts.help) { process.stdout.write(FORMAT_USAGE + '\n'); return 0; }
    if (parsed.opts.write && parsed.opts.check) throw new UsageError('--write and --check cannot be used together');
    if (!parsed.paths.length) throw new UsageError('no files given');
  } catch (e) { err(`nianbao: ${(e as Error).message}\n${FORMAT_USAGE}`); return 2; }
  const mode = parsed.opts.write ? 'write' : parsed.opts.check ? 'check' : 'print';
  const collected = collectFiles(parsed.paths, { follow: !!parsed.opts.follow });
  const { files, problems } = collected;
  if (mode === 'print' && (files.length !== 1 || parsed.paths.length !== 1)) {
    err(`nianbao: format prints one file; use --write or --check for several\n${FORMAT_USAGE}`);
    return 2;
  }
  if (mode === 'write' && files.includes(STDIN)) { err('nianbao: --write cannot write to standard input'); return 2; }
  let changed = 0;
  for (const file of files) {
    const read = await readInput(file);
    if (!read.ok) { problems.push(`${shown(file)}: ${read.reason}`); continue; }
    const res = formatReport(read.text);
    const differs = res.text !== read.text;
    if (read.damaged) {
      // the text has U+FFFD where the bytes were: writing it would replace them
      problems.push(`${shown(file)}: ${read.damaged}${mode === 'write' && differs && read.kind === 'text' ? '; not rewritten (those bytes would be lost)' : ''}`);
      if (mode === 'write' && read.kind === 'text') continue;
    }
    if (mode === 'print') {
      process.stdout.write(res.text);
      if (res.tables.some((t) => t.status === 'skipped')) err(`nianbao: ${shown(file)}: ${summary(res.tables)}`);
      continue;
    }
    if (mode === 'check') {
      if (differs && read.kind === 'text') { changed++; err(`nianbao: ${file}: would change: ${summary(res.tables)}`); }
      else if (read.kind !== 'text') { changed++; err(`nianbao: ${file}: not a text file (${read.kind}); \`nianbao format --write\` writes it as text`); }
      continue;
    }
    try {
      if (read.kind === 'text') {
        if (!differs) continue;
        // only the tables change: the rest of the file must be written back as the very bytes it was
        if (!encodeText(read.text, read.encoding ?? 'utf-8', read.bom ?? false).equals(readFileSync(file))) {
          problems.push(`${file}: not rewritten: its text would not be written back byte for byte in ${read.encoding ?? 'utf-8'}`);
          continue;
        }
        writeFileSync(file, encodeText(res.text, read.encoding ?? 'utf-8', read.bom ?? false));
        changed++;
        err(`nianbao: ${file}: ${summary(res.tables)}`);
      } else {
        const p = parsePath(file);
        const target = join(p.dir, p.name + '.txt');
        if (existsSync(target) && !parsed.opts.force) { problems.push(`${target}: exists (use --force to overwrite)`); continue; }
        writeFileSync(target, res.text);
        changed++;
        err(`nianbao: ${file} -> ${target}: ${summary(res.tables)}`);
      }
    } catch (e) { problems.push(`${file}: cannot write: ${(e as Error).message}`); }
  }
  for (const p of problems) err(`nianbao: ${p}`);
  if (problems.length) return 2;
  if (!files.length) { err(`nianbao: ${nothingFound(collected)}`); return 2; }
  return mode === 'check' && changed ? 1 : 0;
}
