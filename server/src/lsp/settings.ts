// The editor's settings (`nianbao.*`): validation of what the client sends, and the locale of messages. The config
// file, its ignores and how the settings are layered over it are the core's (core/config.ts), shared with the CLI.
import { ruleMap, type Locale } from '../core';
import { DEFAULT_SETTINGS, type NianbaoSettings } from './protocol';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
