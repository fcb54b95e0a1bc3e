// `nianbao check [--format text|json|sarif] [--locale zh-CN|en] PATH...`
// Exit code: 0 no error-severity finding, 1 at least one, 2 usage or I/O problem.
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkWorkspace, type Locale } from './core';
import { toJson, toSarif, toText, type FileResult } from './cli/format';
import { readReport } from './cli/read';

const PACKAGE_ROOT = join(__dirname, '..');

const USAGE = `Usage: nianbao check [--format text|json|sarif] [--locale zh-CN|en] [--output FILE] PATH...
  PATH   report files, or folders searched recursively for *.txt
Exit status: 0 no errors found, 1 errors found, 2 usage or file problems.`;

function collect(path: string, out: string[], problems: string[]): void {
  let st;
  try { st = statSync(path); } catch { problems.push(`${path}: no such file or folder`); return; }
  if (st.isDirectory()) {
    let entries: string[];
    try { entries = readdirSync(path).sort(); } catch (e) { problems.push(`${path}: ${(e as Error).message}`); return; }
    for (const name of entries) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(path, name);
      let s;
      try { s = statSync(p); } catch { continue; }
      if (s.isDirectory()) collect(p, out, problems);
      else if (name.toLowerCase().endsWith('.txt')) out.push(p);
    }
  } else out.push(path);
}

function version(): string {
  try { return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version; } catch { return '0.0.0'; }
}

export async function main(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  if (argv[0] === '--version' || argv[0] === '-v') { process.stdout.write(version() + '\n'); return 0; }
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') { (argv.length ? process.stdout : process.stderr).write(USAGE + '\n'); return argv.length ? 0 : 2; }
  if (argv[0] !== 'check') { err(`nianbao: unknown command "${argv[0]}"\n${USAGE}`); return 2; }
  let format = 'text';
  let locale: Locale = /^en/i.test(process.env.LANG ?? '') && !/^zh/i.test(process.env.LANG ?? '') ? 'en' : 'zh-CN';
  let output: string | undefined;
  const paths: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (a === '--format' || a.startsWith('--format=') || a === '-f') format = value('--format');
      else if (a === '--locale' || a.startsWith('--locale=')) {
        const l = value('--locale');
        if (/^en/i.test(l)) locale = 'en'; else if (/^zh/i.test(l)) locale = 'zh-CN'; else throw new Error(`unknown locale "${l}" (zh-CN or en)`);
      } else if (a === '--output' || a.startsWith('--output=') || a === '-o') output = value('--output');
      else if (a.startsWith('-') && a !== '-') throw new Error(`unknown option "${a}"`);
      else paths.push(a);
    } catch (e) { err(`nianbao: ${(e as Error).message}\n${USAGE}`); return 2; }
  }
  if (!['text', 'json', 'sarif'].includes(format)) { err(`nianbao: unknown format "${format}" (text, json or sarif)`); return 2; }
  if (!paths.length) { err(`nianbao: no files given\n${USAGE}`); return 2; }

  const files: string[] = [];
  const problems: string[] = [];
  for (const p of paths) collect(p, files, problems);
  const inputs: { id: string; text: string }[] = [];
  for (const file of files) {
    const read = readReport(file);
    if (!read.ok) { problems.push(`${file}: ${read.reason}`); continue; }
    inputs.push({ id: file, text: read.text });
  }
  // checked together, so that each report meets last year's report of the same agency (carry-over, copied-text)
  const results: FileResult[] = checkWorkspace(inputs, { locale }).map((r) => ({ path: r.id, template: r.model.template, findings: r.findings, lines: r.lineIndex }));
  const cwd = process.cwd();
  const body = format === 'json' ? toJson(results) : format === 'sarif' ? toSarif(results, locale, PACKAGE_ROOT, version(), resolve(cwd)) : toText(results, locale);
  if (output) {
    try { (await import('node:fs')).writeFileSync(output, body); } catch (e) { err(`nianbao: cannot write ${output}: ${(e as Error).message}`); return 2; }
  } else process.stdout.write(body);
  for (const p of problems) err(`nianbao: ${p}`);
  if (problems.length) return 2;
  if (!files.length) { err('nianbao: no .txt files found'); return 2; }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
