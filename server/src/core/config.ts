// The configuration: the workspace config file (.nianbao.json), found from each report's folder upwards, and the
// options a check of one report gets from it and from the editor's settings layered over it. Shared by the CLI and
// the language server, so that both check the same folder the same way.
//
// Pure: the functions take plain objects; the loader reads files through an injected ConfigHost (no node:fs here).
//
// What applies to a report (README, "Configuration"):
// - the nearest config file only: the first `.nianbao.json` in the report's folder or a folder above it (up to the
//   workspace folder in the editor, up to the file-system root for the CLI); files further up are not merged in;
// - `nianbao check --config FILE` uses FILE for every report, `--no-config` none;
// - the editor's settings over it: `nianbao.rules` replaces the file's `rules` rule by rule, `nianbao.words` is added
//   to the file's `words`; `ignore` comes from the file only;
// - file globs in `ignore` are relative to the folder of the config file that holds them.
import type { CheckOptions, Ignores } from './runner';
import { patternSegments } from './rules/packs';
import { PACK_LIMITS, type CopiedTextSettings, type PackForbid, type PackReplace, type RuleSettings, type SumDeclaration, type UserPack } from './settings';
import type { Locale, Severity } from './types';

export const CONFIG_FILE_NAME = '.nianbao.json';

export type RuleSetting = 'off' | Severity;
/** An ignore entry: a rule everywhere, in files matching `file`, or only for findings on a line reading `line`. */
export interface IgnoreEntry { rule: string; file?: string; line?: string }
/** The workspace config file (.nianbao.json), validated. */
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  ignore?: IgnoreEntry[];
  words?: string[];
  /** copied-text's thresholds (percent). */
  copiedText?: CopiedTextSettings;
  /** Reports that must equal the sum of others (sum-of-parts). */
  sums?: SumDeclaration[];
  /** User rule packs, by name (their findings: rule id `pack:<name>`). */
  packs?: UserPack[];
}

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A `rules` object of any shape: the entries whose value is a severity or 'off' (false means 'off'). */
export function ruleMap(v: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!isObject(v)) return out;
  for (const [k, s] of Object.entries(v)) {
    if (typeof s === 'string' && RULE_SETTINGS.includes(s)) out[k] = s as RuleSetting;
    else if (s === false) out[k] = 'off';
  }
  return out;
}

/**
 * Parse the text of a config file; never throws. `error`: the file cannot be used at all; `warnings`: entries that
 * were left out (the rest of the file applies).
 */
export function parseConfigFile(text: string): { config: ConfigFile; error?: string; warnings?: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: {}, error: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(raw)) return { config: {}, error: 'not a JSON object' };
  const config: ConfigFile = {};
  if (raw.rules !== undefined) config.rules = ruleMap(raw.rules);
  if (Array.isArray(raw.ignore)) {
    config.ignore = [];
    for (const e of raw.ignore) {
      if (typeof e === 'string') config.ignore.push({ rule: e });
      else if (isObject(e) && typeof e.rule === 'string') {
        const entry: IgnoreEntry = { rule: e.rule };
        if (typeof e.file === 'string') entry.file = e.file;
        if (typeof e.line === 'string') entry.line = e.line;
        config.ignore.push(entry);
      }
    }
  }
  if (Array.isArray(raw.words)) config.words = raw.words.filter((w): w is string => typeof w === 'string');
  const warnings: string[] = [];
  if (raw.copiedText !== undefined) config.copiedText = parseCopiedText(raw.copiedText, warnings);
  if (raw.sums !== undefined) config.sums = parseSums(raw.sums, warnings);
  if (raw.packs !== undefined) config.packs = parsePacks(raw.packs, warnings);
  return warnings.length ? { config, warnings } : { config };
}

function parseCopiedText(v: unknown, warnings: string[]): CopiedTextSettings {
  const out: CopiedTextSettings = {};
  if (!isObject(v)) { warnings.push('copiedText: not an object (ignored)'); return out; }
  for (const key of ['report', 'section'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (typeof x === 'number' && x > 0 && x <= 100) out[key] = x;
    else warnings.push(`copiedText.${key}: a percentage above 0 and at most 100 (ignored)`);
  }
  return out;
}

const TABLE_NAMES: Record<string, 't3' | 't4'> = { t3: 't3', t4: 't4', 表三: 't3', 表四: 't4' };

function parseSums(v: unknown, warnings: string[]): SumDeclaration[] {
  const out: SumDeclaration[] = [];
  if (!Array.isArray(v)) { warnings.push('sums: not an array (ignored)'); return out; }
  v.forEach((e, i) => {
    const where = `sums[${i}]`;
    if (!isObject(e) || typeof e.total !== 'string' || !e.total.trim()) { warnings.push(`${where}: needs "total", an agency name (ignored)`); return; }
    const total = e.total.trim();
    const parts = Array.isArray(e.parts) ? e.parts.filter((p): p is string => typeof p === 'string' && !!p.trim()).map((p) => p.trim()) : [];
    if (!parts.length || parts.length > 1000) { warnings.push(`${where}: needs "parts", 1 to 1000 agency names (ignored)`); return; }
    if (parts.includes(total)) { warnings.push(`${where}: "${total}" is its own part (ignored)`); return; }
    const decl: SumDeclaration = { total, parts: [...new Set(parts)], tables: ['t3', 't4'] };
    if (e.year !== undefined) {
      if (typeof e.year === 'number' && Number.isInteger(e.year) && e.year >= 2000 && e.year <= 2100) decl.year = e.year;
      else { warnings.push(`${where}.year: a year such as 2024 (ignored)`); return; }
    }
    if (e.tables !== undefined) {
      const tables = Array.isArray(e.tables) ? e.tables.map((x) => (typeof x === 'string' ? TABLE_NAMES[x.trim()] : undefined)) : [undefined];
      if (!tables.length || tables.some((x) => !x)) { warnings.push(`${where}.tables: "表三" and/or "表四" (ignored)`); return; }
      decl.tables = [...new Set(tables as ('t3' | 't4')[])];
    }
    out.push(decl);
  });
  return out;
}

// characters a pack's text may not hold: control characters (a pack is matched against folded prose)
const CONTROL = /[\u0000-\u001f\u007f]/;
const PACK_NAME = /^[^\s/:*?"<>|\\]+$/u;

/** A pack's text: trimmed, 1..max characters, no control characters; else undefined. */
function packText(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s && [...s].length <= max && !CONTROL.test(s) ? s : undefined;
}

/** Why a forbidden pattern is refused, or undefined when it is accepted. */
export function patternProblem(pattern: string): string | undefined {
  const segs = patternSegments(pattern);
  if (segs.length - 1 > PACK_LIMITS.wildcards) return `at most ${PACK_LIMITS.wildcards} *`;
  if (segs.some((g) => !g)) return 'a * at the start or the end, or two together';
  if (segs.join('').length < 2) return 'at least 2 characters of text';
  return undefined;
}

function parsePacks(v: unknown, warnings: string[]): UserPack[] {
  const out: UserPack[] = [];
  if (!isObject(v)) { warnings.push('packs: not an object of packs by name (ignored)'); return out; }
  for (const [name, p] of Object.entries(v)) {
    const where = `packs["${name}"]`;
    if (out.length >= PACK_LIMITS.packs) { warnings.push(`${where}: more than ${PACK_LIMITS.packs} packs (ignored)`); continue; }
    if (!PACK_NAME.test(name) || [...name].length > PACK_LIMITS.name) { warnings.push(`${where}: a name of 1 to ${PACK_LIMITS.name} characters without spaces or / : * ? " < > | \\ (ignored)`); continue; }
    if (!isObject(p)) { warnings.push(`${where}: not an object (ignored)`); continue; }
    let severity: Severity = 'warning';
    if (p.severity !== undefined) {
      if (typeof p.severity === 'string' && RULE_SETTINGS.includes(p.severity) && p.severity !== 'off') severity = p.severity as Severity;
      else warnings.push(`${where}.severity: error, warning, information or hint (warning used)`);
    }
    const replace: PackReplace[] = [], forbid: PackForbid[] = [];
    let entries = 0;
    const room = (key: string) => {
      if (++entries <= PACK_LIMITS.entries) return true;
      if (entries === PACK_LIMITS.entries + 1) warnings.push(`${where}: more than ${PACK_LIMITS.entries} entries (${key} and the rest ignored)`);
      return false;
    };
    if (p.replace !== undefined && !isObject(p.replace)) warnings.push(`${where}.replace: an object of "wrong": "right" (ignored)`);
    for (const [wrongRaw, r] of Object.entries(isObject(p.replace) ? p.replace : {})) {
      const wrong = packText(wrongRaw, PACK_LIMITS.text);
      const right = packText(isObject(r) ? r.right : r, PACK_LIMITS.text);
      const message = isObject(r) && r.message !== undefined ? packText(r.message, PACK_LIMITS.message) : undefined;
      if (!wrong || !right || wrong === right || (isObject(r) && r.message !== undefined && !message)) {
        warnings.push(`${where}.replace["${wrongRaw.slice(0, 20)}"]: "wrong": "right" (or { "right", "message" }), each 1 to ${PACK_LIMITS.text} characters, different (ignored)`);
        continue;
      }
      if (!room(wrong)) break;
      replace.push(message ? { wrong, right, message } : { wrong, right });
    }
    if (p.forbid !== undefined && !isObject(p.forbid)) warnings.push(`${where}.forbid: an object of "pattern": "message" (ignored)`);
    for (const [patternRaw, m] of Object.entries(isObject(p.forbid) ? p.forbid : {})) {
      const pattern = packText(patternRaw, PACK_LIMITS.text);
      const message = packText(m, PACK_LIMITS.message);
      const problem = pattern ? patternProblem(pattern) : `1 to ${PACK_LIMITS.text} characters`;
      if (!pattern || !message || problem) {
        warnings.push(`${where}.forbid["${patternRaw.slice(0, 20)}"]: ${problem ?? `a message of 1 to ${PACK_LIMITS.message} characters`} (ignored)`);
        continue;
      }
      if (!room(pattern)) break;
      forbid.push({ pattern, message });
    }
    out.push({ name, severity, replace, forbid });
  }
  return out;
}

/** Convert a simple glob (`*`, `**`, `?`) to a RegExp over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        i++;
        if (g[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function fileMatches(e: IgnoreEntry, relPath: string | undefined): boolean {
  return e.file === undefined || (relPath !== undefined && globToRegExp(e.file).test(relPath));
}

/**
 * Is `rule` ignored for the file at `relPath` (path relative to the config file's folder, '/'-separated;
 * undefined when unknown)? "Ignore here" entries (with `line`) are not rule-wide: see ignoresFor.
 */
export function isIgnored(entries: readonly IgnoreEntry[] | undefined, rule: string, relPath: string | undefined): boolean {
  if (!entries) return false;
  return entries.some((e) => (e.rule === rule || e.rule === '*') && e.line === undefined && fileMatches(e, relPath));
}

/** The ignores of a config file that apply to the report at relPath, for the runner (plain data). */
export function ignoresFor(entries: readonly IgnoreEntry[] | undefined, relPath: string | undefined): Ignores {
  const rules: string[] = [];
  const lines: { rule: string; line: string }[] = [];
  for (const e of entries ?? []) {
    if (!fileMatches(e, relPath)) continue;
    if (e.line !== undefined) lines.push({ rule: e.rule, line: e.line });
    else if (!rules.includes(e.rule)) rules.push(e.rule);
  }
  return { rules, lines };
}

/** What the editor layers over the config file (the CLI has nothing to layer). */
export interface SettingsLayer {
  /** Per-rule severities: each replaces the file's for that rule. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Added to the file's words. */
  words?: readonly string[];
}

/**
 * The options of a check of one report: its config file (if any; `relPath` is the report's path relative to the
 * file's folder) with the editor's settings layered over it.
 */
export function checkOptionsFor(config: ConfigFile | undefined, relPath: string | undefined, layer: SettingsLayer = {}, locale?: Locale): CheckOptions {
  const options: CheckOptions = {
    severity: { ...(config?.rules ?? {}), ...(layer.rules ?? {}) },
    words: [...(layer.words ?? []), ...(config?.words ?? [])],
    ignore: ignoresFor(config?.ignore, relPath),
  };
  // the same objects for every report under the file: the packs are compiled once (rules/packs.ts)
  const settings: RuleSettings = {};
  if (config?.copiedText) settings.copiedText = config.copiedText;
  if (config?.sums?.length) settings.sums = config.sums;
  if (config?.packs?.length) settings.packs = config.packs;
  if (settings.copiedText || settings.sums || settings.packs) options.settings = settings;
  if (locale) options.locale = locale;
  return options;
}

// ---------------------------------------------------------------- loading

/** The file system as the loader needs it; the CLI and the server pass Node's. */
export interface ConfigHost {
  /** The text of the file, or undefined when there is none or it cannot be read. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
  /** The path of `to` relative to the folder `from`. */
  relative(from: string, to: string): string;
}

/** A config file as read: where it is, what it says, and why it could not be used (`error`, then `config` is {}). */
export interface LoadedConfig {
  path: string;
  /** Its folder: the base of its file globs. */
  dir: string;
  config: ConfigFile;
  error?: string;
  /** Entries left out (a pattern refused, a threshold out of range …); the rest applies. */
  warnings?: string[];
}

/** Reads config files through a ConfigHost and keeps what it read (per file, and per folder searched) until clear(). */
export class ConfigLoader {
  private readonly files = new Map<string, LoadedConfig | null>();
  private readonly nearestIn = new Map<string, LoadedConfig | null>();

  constructor(private readonly host: ConfigHost) {}

  /** The config file at `path`; undefined when there is none. */
  load(path: string): LoadedConfig | undefined {
    let c = this.files.get(path);
    if (c === undefined) {
      const text = this.host.readFile(path);
      c = text === undefined ? null : { path, dir: this.host.dirname(path), ...parseConfigFile(text) };
      this.files.set(path, c);
    }
    return c ?? undefined;
  }

  /**
   * The nearest file called `name` in `dir` or a folder above it, up to `stopAt` (included; the file-system root
   * when undefined, or when `dir` is not inside `stopAt`).
   */
  nearest(dir: string, stopAt?: string, name = CONFIG_FILE_NAME): LoadedConfig | undefined {
    const seen: string[] = [];
    let found: LoadedConfig | null = null;
    for (let d = dir; ;) {
      const key = `${stopAt ?? ''}\0${name}\0${d}`;
      const known = this.nearestIn.get(key);
      if (known !== undefined) { found = known; break; }
      seen.push(key);
      const c = this.load(this.host.join(d, name));
      if (c) { found = c; break; }
      const up = this.host.dirname(d);
      if ((stopAt !== undefined && d === stopAt) || up === d) break;
      d = up;
    }
    for (const k of seen) this.nearestIn.set(k, found);
    return found ?? undefined;
  }

  /** The path of `file` relative to a config file's folder, '/'-separated (what its globs are matched against). */
  relativePath(config: LoadedConfig, file: string): string {
    return this.host.relative(config.dir, file).split(/[\\/]/).join('/');
  }

  clear(): void {
    this.files.clear();
    this.nearestIn.clear();
  }
}

// ---------------------------------------------------------------- editing (the editor's quick fixes)

/** The config file's JSON object, to be edited (an empty one for a new file); throws when the text is not JSON. */
function configObject(text: string | undefined): Record<string, unknown> {
  let obj: Record<string, unknown> = {};
  if (text !== undefined && text.trim()) {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (isObject(parsed)) obj = parsed;
    } catch {
      throw new Error('config file is not valid JSON');
    }
  }
  return obj;
}

/** Config text with one more user word (keeps the other keys; idempotent). */
export function addWordEntry(text: string | undefined, word: string): string {
  const obj = configObject(text);
  const words = Array.isArray(obj.words) ? (obj.words as unknown[]).filter((w) => typeof w === 'string') as string[] : [];
  if (!words.includes(word)) words.push(word);
  obj.words = words;
  return JSON.stringify(obj, null, 2) + '\n';
}

/** Config text with one more ignore entry (keeps the other keys; idempotent). */
export function addIgnoreEntry(text: string | undefined, entry: IgnoreEntry): string {
  const obj = configObject(text);
  const list = Array.isArray(obj.ignore) ? [...(obj.ignore as unknown[])] : [];
  const exists = list.some((e) => isObject(e) && e.rule === entry.rule && e.file === entry.file && e.line === entry.line);
  if (!exists) {
    const add: IgnoreEntry = { rule: entry.rule };
    if (entry.file !== undefined) add.file = entry.file;
    if (entry.line !== undefined) add.line = entry.line;
    list.push(add);
  }
  obj.ignore = list;
  return JSON.stringify(obj, null, 2) + '\n';
}
