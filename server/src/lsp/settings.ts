// Settings and the workspace config file: validation of untrusted JSON, locale resolution, ignore matching.
// Pure functions; file IO is done by the caller.
import type { Locale, Severity } from '../core';
import { DEFAULT_SETTINGS, type ConfigFile, type IgnoreEntry, type NianbaoSettings, type RuleSetting } from './protocol';

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'information', 'hint'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ruleMap(v: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!isObject(v)) return out;
  for (const [k, s] of Object.entries(v)) {
    if (typeof s === 'string' && RULE_SETTINGS.includes(s)) out[k] = s as RuleSetting;
    else if (s === false) out[k] = 'off';
  }
  return out;
}

/** Validate settings coming from the client (any shape) into complete settings. */
export function normalizeSettings(v: unknown): NianbaoSettings {
  const s: NianbaoSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!isObject(v)) return s;
  s.rules = ruleMap(v.rules);
  if (v.run === 'onType' || v.run === 'onSave') s.run = v.run;
  if (typeof v.debounceMs === 'number' && Number.isFinite(v.debounceMs)) s.debounceMs = Math.max(0, Math.min(10_000, Math.round(v.debounceMs)));
  if (typeof v.codeLens === 'boolean') s.codeLens = v.codeLens;
  if (v.locale === 'auto' || v.locale === 'zh-CN' || v.locale === 'en') s.locale = v.locale;
  if (typeof v.configFile === 'string' && v.configFile.trim()) s.configFile = v.configFile.trim();
  if (typeof v.maxFileSizeKB === 'number' && Number.isFinite(v.maxFileSizeKB) && v.maxFileSizeKB > 0) s.maxFileSizeKB = v.maxFileSizeKB;
  if (Array.isArray(v.words)) s.words = v.words.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim());
  return s;
}

/** Locale of server messages: the setting, else the client's display language ('en*' → en, everything else zh-CN). */
export function resolveLocale(setting: string | undefined, clientLocale: string | undefined): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return clientLocale && /^en\b|^en[-_]/i.test(clientLocale) ? 'en' : 'zh-CN';
}

/** Parse the text of a config file; never throws. */
export function parseConfigFile(text: string): { config: ConfigFile; error?: string } {
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
  return { config };
}

/** Effective per-rule severity: config file rules, overridden by the `nianbao.rules` setting. */
export function effectiveSeverity(settings: NianbaoSettings, config: ConfigFile | undefined): Record<string, Severity | 'off'> {
  return { ...(config?.rules ?? {}), ...settings.rules };
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

/**
 * Is `rule` ignored for the file at `relPath` (path relative to the workspace folder, '/'-separated;
 * undefined when the document is outside every folder)?
 */
export function isIgnored(entries: readonly IgnoreEntry[] | undefined, rule: string, relPath: string | undefined): boolean {
  if (!entries) return false;
  for (const e of entries) {
    if (e.rule !== rule && e.rule !== '*') continue;
    if (e.line !== undefined) continue; // "ignore here": one line only, see ignoredLines
    if (e.file === undefined) return true;
    if (relPath !== undefined && globToRegExp(e.file).test(relPath)) return true;
  }
  return false;
}

/** The "ignore here" entries that apply to the file at relPath: rule and the text of the ignored line. */
export function ignoredLines(entries: readonly IgnoreEntry[] | undefined, relPath: string | undefined): { rule: string; line: string }[] {
  if (!entries) return [];
  return entries.filter((e) => e.line !== undefined && (e.file === undefined || (relPath !== undefined && globToRegExp(e.file).test(relPath))))
    .map((e) => ({ rule: e.rule, line: e.line! }));
}

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
