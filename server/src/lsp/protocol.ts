// Custom protocol between the nianbao language server and its clients (shared by server/ and client/).
// Only plain JSON types here: this file is bundled into both dist/server.js and dist/client.js.

export type RuleSetting = 'off' | 'error' | 'warning' | 'information' | 'hint';
export type RunMode = 'onType' | 'onSave';
export type LocaleSetting = 'auto' | 'zh-CN' | 'en';

/** The `nianbao.*` settings as the server sees them (one resource scope). */
export interface NianbaoSettings {
  rules: Record<string, RuleSetting>;
  run: RunMode;
  debounceMs: number;
  codeLens: boolean;
  locale: LocaleSetting;
  configFile: string;
  maxFileSizeKB: number;
}

export const DEFAULT_SETTINGS: NianbaoSettings = {
  rules: {},
  run: 'onType',
  debounceMs: 200,
  codeLens: true,
  locale: 'auto',
  configFile: '.nianbao.json',
  maxFileSizeKB: 2048,
};

/** Sent by the client in InitializeParams.initializationOptions. */
export interface InitOptions {
  /** vscode.workspace.isTrusted; when false the workspace config file is never read. Default true. */
  trusted?: boolean;
  /** Milliseconds findings on the line being edited are held back (default 1500). */
  holdBackMs?: number;
  /** Settings to use when the client does not support workspace/configuration (e.g. simple LSP clients). */
  settings?: Partial<NianbaoSettings>;
}

/** Workspace config file (.nianbao.json). */
/** An ignore entry: a rule everywhere, in files matching `file`, or only for findings on a line reading `line`. */
export interface IgnoreEntry { rule: string; file?: string; line?: string }
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  ignore?: IgnoreEntry[];
  words?: string[];
}

export interface FindingCounts { error: number; warning: number; information: number; hint: number }

/** Server → client notification after each publish for an open document. */
export const StatusNotification = 'nianbao/status';
export interface StatusParams {
  uri: string;
  version: number | null;
  template: '2019' | '2021' | null;
  counts: FindingCounts;
  /** Set when the document was not checked (too large, binary). */
  skipped?: string;
}

/** Client → server notification: the workspace trust changed (granted). */
export const TrustNotification = 'nianbao/trust';
export interface TrustParams { trusted: boolean }

/** Client → server request: check files that are not open (text read by the client) and publish their diagnostics. */
export const CheckFilesRequest = 'nianbao/checkFiles';
export interface CheckFilesParams { files: { uri: string; text: string }[] }
export interface CheckFilesResult { files: { uri: string; template: '2019' | '2021' | null; counts: FindingCounts; skipped?: string }[] }

/** Client → server request: rule ids with titles in the display language. */
export const RulesRequest = 'nianbao/rules';
export interface RulesResult { rules: { id: string; title: string; defaultSeverity: string; doc: string }[] }

/** Commands the server executes (workspace/executeCommand). */
export const ServerCommands = {
  fixAll: 'nianbao.server.fixAll',
  ignoreRule: 'nianbao.server.ignoreRule',
} as const;
export interface FixAllArgs { uri: string; version?: number }
export interface IgnoreRuleArgs { uri: string; rule: string; scope: 'file' | 'workspace' | 'here'; line?: string }

/** Payload in Diagnostic.data. */
export interface DiagnosticData {
  version: number | null;
  fixes: { title: string; preferred?: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
}

export const LANGUAGE_ID = 'nianbao';
export const FIX_ALL_KIND = 'source.fixAll.nianbao';
