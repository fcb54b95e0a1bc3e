// `nianbao extract`: every table value of every report, one record per report and cell, as CSV or JSON.
// Files are read and parsed in this thread or in worker threads (--jobs); each file's records are formatted
// where it was parsed and written in input order.
import { isMainThread, workerData } from 'node:worker_threads';
import { formatDec, LineIndex, parseReport, tableDef, type ReportModel, type TableId, type TemplateVersion } from '../core';
import { recoverCollapsedTables } from '../core/parse/collapsed';
import { parseArgs, UsageError } from './args';
import { collectFiles, nothingFound } from './files';
import { readInput, shown, STDIN } from './input';
import { parseJobs, runPool, serveTasks } from './pool';
import { Progress } from './progress';

export const EXTRACT_USAGE = `Usage: nianbao extract [--format csv|json] [--jobs N|auto] [--output FILE] [--bom] [--progress|--no-progress] [--follow] PATH...
  PATH   report files (.txt or .md in UTF-8/UTF-16/GB18030, .html, .docx, .pdf), folders searched recursively, or - for stdin
  One record per report and table cell:
    path, agency, year, template, table, row, row_label, column, column_label, value, kind, line
  value is the number as written (thousands separators dropped), empty for a blank cell, the text for / or -;
  kind is integer, decimal, blank, slash, dash or unreadable; line is the 1-based line of the cell in the
  report's text (for .html/.docx/.pdf: in the text read from the file, as \`nianbao format FILE\` prints it).
  Rows whose cells could not be located give no records; they are listed on stderr. Rows whose cells run
  together (text collapsed from a web page) are split where exactly one split fits the template's relations.
  --bom       start the CSV with a UTF-8 byte order mark (for Excel)
  --jobs N    read N files at a time in worker threads (auto: one per core; default 1)
  --progress  show a progress bar on stderr even when it is not a terminal
  --follow    follow symbolic links to folders inside the folders searched
Exit status: 0 done, 2 usage or file problems (the other files are still extracted).`;

export type ExtractFormat = 'csv' | 'json';

export type ExtractOutcome =
  /** problem: the file was read, but with bytes that are not characters (exit status 2) */
  | { ok: true; chunk: string; cells: number; notes: string[]; problem?: string }
  | { ok: false; reason: string };

export const CSV_HEADER = 'path,agency,year,template,table,row,row_label,column,column_label,value,kind,line';
const TABLE_NAME: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

const csvField = (s: string) => (s.includes(',') || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);

interface Labels { row: Map<string, string>; col: Map<string, string> }
const labelCache = new Map<string, Labels>();
/** Official row and column labels of a table, qualified by their groups (`（三）不予公开·1.属于国家秘密`). */
function labelsOf(version: TemplateVersion, id: TableId, variant?: string[]): Labels {
  const key = `${version}:${id}:${variant?.join('+') ?? ''}`;
  let l = labelCache.get(key);
  if (!l) {
    l = { row: new Map(), col: new Map() };
    for (const b of tableDef(version, id, variant).blocks) {
      for (const c of b.columns) l.col.set(c.key, c.group ? `${c.group}·${c.label}` : c.label);
      for (const r of b.rows) l.row.set(r.key, r.group && r.label ? `${r.group}·${r.label}` : r.label);
    }
    labelCache.set(key, l);
  }
  return l;
}

/** The records of one parsed report, formatted. */
export function formatRecords(path: string, model: ReportModel, lines: LineIndex, format: ExtractFormat): { chunk: string; cells: number; notes: string[] } {
  const out: string[] = [];
  const notes: string[] = [];
  const agency = model.title?.agency ?? null;
  const year = model.title?.year ?? null;
  const version = model.tableVersion;
  const csv = format === 'csv';
  const head = csv
    ? `${csvField(path)},${csvField(agency ?? '')},${year ?? ''},${version},`
    : `{"path":${JSON.stringify(path)},"agency":${JSON.stringify(agency)},"year":${year ?? 'null'},"template":"${version}",`;
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const table = model.tables[id];
    if (!table || table.absent) { notes.push(`${TABLE_NAME[id]} not found`); continue; }
    const labels = labelsOf(version, id, table.variant);
    const unread = table.rows.filter((r) => r.status !== 'ok');
    if (unread.length) notes.push(`${TABLE_NAME[id]} ${unread.length} of ${table.rows.length} row(s) not read`);
    for (const row of table.rows) {
      if (!row.cells.length) continue;
      const rl = labels.row.get(row.key) ?? row.label;
      const rowPart = csv ? `${head}${id},${row.key},${csvField(rl)},` : `${head}"table":"${id}","row":"${row.key}","rowLabel":${JSON.stringify(rl)},`;
      let lineOf = -1, line = 0;
      for (const cell of row.cells) {
        const v = cell.value;
        const value = v.num ? formatDec(v.num) : v.raw;
        // the cells of a row are usually on one line: look the line up once
        if (lineOf < 0 || cell.start < lines.starts[line - 1] || (line < lines.lineCount && cell.start >= lines.starts[line])) { line = lines.positionAt(cell.start).line + 1; lineOf = cell.start; }
        const cl = labels.col.get(cell.colKey) ?? cell.colKey;
        if (csv) out.push(`${rowPart}${cell.colKey},${csvField(cl)},${csvField(value)},${v.kind},${line}`);
        else {
          const jv = v.num ? value : v.kind === 'blank' ? 'null' : JSON.stringify(value);
          out.push(`${rowPart}"column":"${cell.colKey}","columnLabel":${JSON.stringify(cl)},"value":${jv},"kind":"${v.kind}","line":${line}}`);
        }
      }
    }
  }
  const chunk = csv ? (out.length ? out.join('\n') + '\n' : '') : out.join(',\n');
  return { chunk, cells: out.length, notes };
}

/** Read, parse and format one file; never throws. */
export async function extractFile(path: string, format: ExtractFormat): Promise<ExtractOutcome> {
  try {
    const read = await readInput(path);
    if (!read.ok) return { ok: false, reason: read.reason };
    const lines = new LineIndex(read.text);
    // cells run together (text collapsed from a web page) are recovered where exactly one split fits
    const { model } = recoverCollapsedTables(read.text, parseReport(read.text, lines));
    return { ok: true, ...formatRecords(shown(path), model, lines, format), ...(read.damaged ? { problem: read.damaged } : {}) };
  } catch (e) {
    return { ok: false, reason: `internal error: ${(e as Error)?.message ?? e}` };
  }
}

// loaded in a worker thread by runPool: serve extraction tasks
if (!isMainThread && (workerData as { nianbao?: string } | undefined)?.nianbao === 'extract') {
  serveTasks((path) => extractFile(path, (workerData as { format: ExtractFormat }).format));
}

export async function extractCommand(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let format: ExtractFormat = 'csv';
  let jobs = 1;
  let parsed;
  try {
    parsed = parseArgs(argv, {
      format: { value: true, alias: 'f' }, jobs: { value: true, alias: 'j' }, output: { value: true, alias: 'o' },
      bom: {}, progress: {}, 'no-progress': {}, follow: { alias: 'L' }, help: { alias: 'h' },
    });
    if (parsed.opts.help) { process.stdout.write(EXTRACT_USAGE + '\n'); return 0; }
    const f = parsed.opts.format;
    if (f !== undefined) {
      if (f !== 'csv' && f !== 'json') throw new UsageError(`unknown format "${f}" (csv or json)`);
      format = f;
    }
    if (typeof parsed.opts.jobs === 'string') jobs = parseJobs(parsed.opts.jobs);
    if (!parsed.paths.length) throw new UsageError('no files given');
  } catch (e) {
    err(`nianbao: ${(e as Error).message}\n${EXTRACT_USAGE}`);
    return 2;
  }
  const collected = collectFiles(parsed.paths, { follow: !!parsed.opts.follow });
  const { files, problems } = collected;
  if (files.filter((f) => f === STDIN).length > 1) { err('nianbao: - (stdin) can be given only once'); return 2; }
  if (files.includes(STDIN)) jobs = 1;

  let fd: number | undefined;
  const output = parsed.opts.output as string | undefined;
  const fs = await import('node:fs');
  if (output) {
    try { fd = fs.openSync(output, 'w'); } catch (e) { err(`nianbao: cannot write ${output}: ${(e as Error).message}`); return 2; }
  }
  const write = (s: string) => { if (!s) return; if (fd !== undefined) fs.writeSync(fd, s); else process.stdout.write(s); };

  const showProgress = !parsed.opts['no-progress'] && (!!parsed.opts.progress || (!!process.stderr.isTTY && files.length > 1));
  const progress = new Progress(files.length, showProgress, 'nianbao extract');
  if (parsed.opts.bom && format === 'csv') write('\ufeff');
  write(format === 'csv' ? CSV_HEADER + '\n' : '[\n');
  let wroteJson = false;
  let cells = 0, failed = 0, incomplete = 0, damaged = 0;
  const results: (ExtractOutcome | undefined)[] = new Array(files.length);
  let flushed = 0;
  const flush = () => {
    while (flushed < files.length && results[flushed]) {
      const r = results[flushed]!;
      const path = shown(files[flushed]);
      if (!r.ok) { failed++; progress.message(`nianbao: ${path}: ${r.reason}`); } else {
        if (r.problem) { damaged++; progress.message(`nianbao: ${path}: ${r.problem}`); }
        if (r.notes.length) { incomplete++; progress.message(`nianbao: ${path}: ${r.notes.join('; ')}`); }
        cells += r.cells;
        if (format === 'csv') write(r.chunk);
        else if (r.chunk) { write((wroteJson ? ',\n' : '') + r.chunk); wroteJson = true; }
      }
      results[flushed] = undefined;
      flushed++;
    }
  };
  for (const p of problems) progress.message(`nianbao: ${p}`);
  await runPool<ExtractOutcome>(files, {
    jobs,
    workerFile: __filename,
    workerData: { nianbao: 'extract', format },
    local: (p) => extractFile(p, format),
    failed: (reason) => ({ ok: false, reason }),
  }, (i, r) => { results[i] = r; progress.tick(); flush(); });
  flush();
  progress.finish();
  write(format === 'json' ? (wroteJson ? '\n]\n' : ']\n') : '');
  if (fd !== undefined) fs.closeSync(fd);
  if (showProgress || files.length > 1) {
    err(`nianbao: ${cells} value(s) from ${files.length - failed} report(s)${incomplete ? `; ${incomplete} with tables not fully read` : ''}${failed || problems.length ? `; ${failed + problems.length} file(s) could not be read` : ''}`);
  }
  if (!files.length && !problems.length) { err(`nianbao: ${nothingFound(collected)}`); return 2; }
  return failed || damaged || problems.length || !files.length ? 2 : 0;
}
