// The configuration of each document in the editor: the `nianbao.*` settings layered over the nearest config file
// (core/config.ts, the same resolution as the CLI's). No LSP connection here: the settings are given, the file system
// is the loader's injected host, so that it can be tested in memory and against the CLI.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { checkOptionsFor, type ConfigLoader, type LoadedConfig, type Locale } from '../core';
import type { CheckOptions } from './analysis';
import type { NianbaoSettings } from './protocol';
import { resolveLocale } from './settings';

export interface FolderInfo { uri: string; fsPath?: string }

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

/** The workspace folder holding `uri` (the innermost when folders nest). */
export function folderOf(uri: string, folders: readonly FolderInfo[]): FolderInfo | undefined {
  let best: FolderInfo | undefined;
  for (const f of folders) {
    const base = f.uri.endsWith('/') ? f.uri : f.uri + '/';
    if (uri.startsWith(base) && (!best || f.uri.length > best.uri.length)) best = f;
  }
  return best;
}

export interface DocumentConfig {
  settings: NianbaoSettings;
  locale: Locale;
  folder?: FolderInfo;
  /** The config file that applies; undefined when there is none or it is not read (Restricted Mode, no folder). */
  config?: LoadedConfig;
  /** Where "ignore" and "add to dictionary" write: the file that applies, else one at the workspace folder's root. */
  writeTo?: string;
  /** How quick-fix titles name that file (relative to the workspace folder). */
  configFile?: string;
  /** The document's path relative to writeTo's folder ('/'-separated): the base of the file's globs. */
  relPath?: string;
  /** What the runner applies to the document. */
  options: CheckOptions;
}

export interface ResolveInput {
  uri: string;
  settings: NianbaoSettings;
  clientLocale?: string;
  folders: readonly FolderInfo[];
  /** Workspace trust: the config file is read only in a trusted workspace. */
  trusted: boolean;
}

/**
 * `nianbao.configFile`: a file name (default `.nianbao.json`) is looked for in the document's folder and the folders
 * above it up to the workspace folder, the nearest applying; a path (with a slash) names one file, relative to the
 * workspace folder, for every document in it.
 */
export function resolveDocumentConfig(input: ResolveInput, loader: ConfigLoader): DocumentConfig {
  const { settings } = input;
  const locale = resolveLocale(settings.locale, input.clientLocale);
  const layer = { rules: settings.rules, words: settings.words };
  const folder = folderOf(input.uri, input.folders);
  const plain: DocumentConfig = { settings, locale, folder, options: { ...checkOptionsFor(undefined, undefined, layer, locale), locale, maxFileSizeKB: settings.maxFileSizeKB } };
  if (!input.trusted || !folder?.fsPath) return plain;
  const root = path.resolve(folder.fsPath);
  const docPath = uriToPath(input.uri);
  const name = settings.configFile;
  const fixed = /[\\/]/.test(name);
  const config = fixed || !docPath ? loader.load(path.resolve(root, name)) : loader.nearest(path.dirname(docPath), root, name);
  const writeTo = config?.path ?? path.resolve(root, name);
  const relPath = docPath ? path.relative(path.dirname(writeTo), docPath).split(path.sep).join('/') : undefined;
  const options = checkOptionsFor(config?.config, relPath, layer, locale);
  return {
    settings, locale, folder, config, writeTo, relPath,
    configFile: path.relative(root, writeTo).split(path.sep).join('/'),
    options: { ...options, locale, maxFileSizeKB: settings.maxFileSizeKB },
  };
}
