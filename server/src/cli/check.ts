// `nianbao check [--format text|json|sarif] [--locale zh-CN|en] [--config FILE | --no-config] [--output FILE] [--follow] PATH...`
// Exit code: 0 no error-severity finding, 1 at least one, 2 usage or I/O problem.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkOptionsFor, checkWorkspace, ConfigLoader, type CheckOptions, type LoadedConfig, type Locale } from '../core';
import { nodeConfigHost } from '../configHost';
import { parseArgs, UsageError } from './args';
import { collectFiles, nothingFound } from './files';
import { toJson, toSarif, toText, type FileResult } from './format';
import { readInput, shown, STDIN } from './input';
import { problemText } from './messages';

export const CHECK_USAGE = `Usage: nianbao check [--format text|json|sarif] [--locale zh-CN|en] [--config FILE | --no-config] [--output FILE] [--follow] PATH...
  PATH         report files (.txt or .md in UTF-8/UTF-16/UTF-32/GB18030, .html, .docx, .pdf), folders searched
               recursively for them, or - for standard input
  --config     use this config file for every report (default: the nearest .nianbao.json in the
               report's folder or a folder above it)
  --no-config  read no config file
  --follow     follow symbolic links to folders inside the folders searched (each folder and file once)
  Positions in .html/.docx/.pdf files are in the text read from them: \`nianbao text FILE\` prints exactly
  that text (\`nianbao format FILE\` rewrites its tables, so its lines can differ).
  Files that cannot be read (.doc/.wps found in a folder, empty, damaged, too large) are listed on stderr.
Exit status: 0 no errors found, 1 errors found, 2 usage or file problems.`;

export function defaultLocale(): Locale {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^en/i.test(lang) && !/^zh/i.test(lang) ? 'en' : 'zh-CN';
}

export function parseLocale(l: string): Locale {
  if (/^en/i.test(l)) return 'en';
  if (/^zh/i.test(l)) return 'zh-CN';
  throw new UsageError(`unknown locale "${l}" (zh-CN or en)`);
}

/** Which config file the reports are checked with: `--config FILE`, `--no-config`, or (neither) the nearest. */
export interface ConfigChoice { file?: string; none?: boolean }

/**
 * The options of one report as the CLI checks it: the nearest `.nianbao.json` from the report's folder up to the
 * file-system root (standard input: from the current folder), or the `--config` file, or none (`--no-config`).
 */
export function cliCheckOptions(file: string, choice: ConfigChoice, loader: ConfigLoader, locale: Locale, cwd = process.cwd()): { options: CheckOptions; config?: LoadedConfig } {
  if (choice.none) return { options: checkOptionsFor(undefined, undefined, {}, locale) };
  const path = file === STDIN ? undefined : resolve(cwd, file);
  const config = choice.file !== undefined ? loader.load(resolve(cwd, choice.file)) : loader.nearest(path ? dirname(path) : cwd);
  // file globs are relative to the config file's folder; standard input has no path for them to match
  const relPath = config && path ? loader.relativePath(config, path) : undefined;
  return { options: checkOptionsFor(config?.config, relPath, {}, locale), config };
}

export async function checkCommand(argv: string[], packageRoot: string, version: string): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let format = 'text';
  let locale = defaultLocale();
  let parsed;
  try {
    parsed = parseArgs(argv, { format: { value: true, alias: 'f' }, locale: { value: true }, output: { value: true, alias: 'o' }, config: { value: true, alias: 'c' }, 'no-config': {}, follow: { alias: 'L' }, help: { alias: 'h' } });
    if (parsed.opts.help) { process.stdout.write(CHECK_USAGE + '\n'); return 0; }
    if (typeof parsed.opts.format === 'string') format = parsed.opts.format;
    if (typeof parsed.opts.locale === 'string') locale = parseLocale(parsed.opts.locale);
  } catch (e) { err(`nianbao: ${(e as Error).message}\n${CHECK_USAGE}`); return 2; }
  if (!['text', 'json', 'sarif'].includes(format)) { err(`nianbao: unknown format "${format}" (text, json or sarif)`); return 2; }
  if (!parsed.paths.length) { err(`nianbao: no files given\n${CHECK_USAGE}`); return 2; }
  const choice: ConfigChoice = { file: parsed.opts.config as string | undefined, none: parsed.opts['no-config'] === true };
  if (choice.file !== undefined && choice.none) { err(`nianbao: --config and --no-config cannot be given together\n${CHECK_USAGE}`); return 2; }
  const configs = new ConfigLoader(nodeConfigHost);
  if (choice.file !== undefined && !configs.load(resolve(choice.file))) { err(`nianbao: cannot read the config file ${choice.file}`); return 2; }

  const collected = collectFiles(parsed.paths, { follow: !!parsed.opts.follow });
  const { files, problems } = collected;
  const inputs: { id: string; text: string; options: CheckOptions }[] = [];
  const badConfigs = new Set<string>();
  for (const file of files) {
    const read = await readInput(file);
    if (!read.ok) { problems.push(`${shown(file)}: ${read.reason}`); continue; }
    if (read.damaged) problems.push(`${shown(file)}: ${read.damaged}`);
    const { options, config } = cliCheckOptions(file, choice, configs, locale);
    if (config?.error && !badConfigs.has(config.path)) {
      badConfigs.add(config.path);
      problems.push(`${config.path}: not a valid config file (${config.error}); the reports under it are checked without it`);
    }
    if (config?.warnings && !badConfigs.has(config.path)) {
      // entries left out: said once, the rest of the file applies (not a reason for exit status 2)
      badConfigs.add(config.path);
      for (const w of config.warnings) err(`nianbao: ${config.path}: ${w}`);
    }
    inputs.push({ id: file === STDIN ? shown(file) : file, text: read.text, options });
  }
  // checked together: a report is also compared with last year's report of the same agency among them
  const results: FileResult[] = checkWorkspace(inputs).map((r) => ({ path: r.id, template: r.model.template, findings: r.findings, lines: r.lineIndex }));
  const cwd = process.cwd();
  const body = format === 'json' ? toJson(results) : format === 'sarif' ? toSarif(results, locale, packageRoot, version, resolve(cwd)) : toText(results, locale);
  const output = parsed.opts.output as string | undefined;
  if (output) {
    try { writeFileSync(output, body); } catch (e) { err(`nianbao: cannot write ${output}: ${(e as Error).message}`); return 2; }
  } else process.stdout.write(body);
  for (const p of problems) err(`nianbao: ${problemText(p, locale)}`);
  if (problems.length) return 2;
  if (!files.length) { err(`nianbao: ${problemText(nothingFound(collected), locale)}`); return 2; }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
