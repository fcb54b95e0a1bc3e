// Custom protocol between the nianbao language server and its clients (shared by server/ and client/).
// Only plain JSON types here: this file is bundled into both dist/server.js and dist/client.js.

import type { RuleSetting } from '../core/config';

export type { RuleSetting };
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
  /** User dictionary (merged with the config file's words). */
  words: string[];
}

export const DEFAULT_SETTINGS: NianbaoSettings = {
  rules: {},
  words: [],
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

/** Workspace config file (.nianbao.json): defined with its loader in the core (core/config.ts). */
export type { ConfigFile, IgnoreEntry } from '../core/config';

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

/**
 * Client → server request: check files that are not open and publish their diagnostics. A text file comes as its
 * text (read by the client); a Word, PDF or web-page file as its bytes (base64) and name, read by the server as the
 * import command reads it (in a worker), under the uri the client gives (a read-only view of the text, see
 * READ_ONLY_SCHEME), so that its findings are at their places in the text that was checked.
 */
export const CheckFilesRequest = 'nianbao/checkFiles';
export type CheckFile = ({ uri: string; text: string } | { uri: string; name: string; data: string }) & {
  /** Chosen by its content, not its name: publish nothing unless the text reads as a report (RecognizeResult.report). */
  requireReport?: boolean;
};
export interface CheckFilesParams { files: CheckFile[] }
export interface CheckFilesResult {
  /** `report`: checked as a report and published; false for a file with requireReport whose text does not read as one. */
  files: { uri: string; template: '2019' | '2021' | null; counts: FindingCounts; skipped?: string; report: boolean }[];
  /** Files that could not be read (a scanned PDF, a damaged .docx …), with the reason. */
  unread?: { uri: string; reason: string }[];
}

/**
 * The uri scheme of the read-only view of a Word, PDF or web-page file's text (what `nianbao text FILE` prints):
 * `nianbao-text:<the file's path>?<the file's uri, encoded>`.
 */
export const READ_ONLY_SCHEME = 'nianbao-text';

/** Client → server request: rule ids with titles in the display language. */
export const RulesRequest = 'nianbao/rules';
export interface RulesResult { rules: { id: string; title: string; defaultSeverity: string; doc: string }[] }

/** Commands the server executes (workspace/executeCommand). */
export const ServerCommands = {
  fixAll: 'nianbao.server.fixAll',
  ignoreRule: 'nianbao.server.ignoreRule',
  addWord: 'nianbao.server.addWord',
} as const;
export interface FixAllArgs {
  uri: string;
  version?: number;
  /** Only this rule's fixes (its preferred or only fix); default every rule's preferred fixes. */
  rule?: string;
  /** Show the edits in the client's refactor preview first (change annotations), default true. */
  preview?: boolean;
}

/** Client → server request: the edits "fix all" would make, per rule (for the command's choice of rules). */
export const FixableRequest = 'nianbao/fixable';
export interface FixableParams { uri: string }
export interface FixableResult { version: number; rules: { rule: string; title: string; edits: number }[]; all: number }
export interface AddWordArgs { uri: string; word: string }
export interface IgnoreRuleArgs { uri: string; rule: string; scope: 'file' | 'workspace' | 'here'; line?: string }

/** Payload in Diagnostic.data. */
export interface DiagnosticData {
  version: number | null;
  fixes: { title: string; preferred?: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
}

export const LANGUAGE_ID = 'nianbao';
export const FIX_ALL_KIND = 'source.fixAll.nianbao';

// ---------------------------------------------------------------- table preview

/** Client → server request: the report's tables (表二, 表三, 表四) as grids for the preview panel. */
export const TableViewRequest = 'nianbao/tableView';
export interface TableViewParams { uri: string }

export interface ViewPosition { line: number; character: number }
export interface ViewRange { start: ViewPosition; end: ViewPosition }
/** A place in the document: UTF-16 offsets and the same place as an LSP range. */
export interface ViewPlace { start: number; end: number; range: ViewRange }

export type ViewTableId = 't2' | 't3' | 't4';
export type ViewValueKind = 'integer' | 'decimal' | 'blank' | 'slash' | 'dash' | 'unreadable' | 'missing';

/** A header cell of the official table (Chinese wording of the template). */
export interface ViewHeaderCell { text: string; colspan: number; rowspan: number; kind: 'corner' | 'group' | 'column' }

/** A relation (勾稽关系) whose target is a cell and which does not hold. */
export interface ViewFailure {
  relation: string;
  /** The relation in the display language. */
  name: string;
  /** Computed from the operands. */
  expected: string;
  /** As printed. */
  actual: string;
  /** actual − expected. */
  difference: string;
  /** Ids of the operand cells. */
  operands: string[];
}

export interface ViewCell {
  /** `${table}:${row}:${column}`, unique in a view. */
  id: string;
  colKey: string;
  /** Official column label (with its groups, joined by ›). */
  column: string;
  /** Source text of the value ('' when blank or missing). */
  text: string;
  kind: ViewValueKind;
  /** Where the value is in the text; absent when its row was not located. */
  place?: ViewPlace;
  /** Columns the cell spans (表二's one-column blocks span the table's width). */
  colspan: number;
  /** Set when the cell is the target of relations: 'fails' if one fails, 'unknown' if one cannot be evaluated. */
  check?: 'holds' | 'fails' | 'unknown';
  /** Ids of the cells the relations with this target add up or subtract (holding or not): outlined with the cursor. */
  operands?: string[];
  failures?: ViewFailure[];
  /** Messages of other findings at this cell (blank or unreadable cell …). */
  notes?: string[];
}

/** A cell of the row-label columns, emitted in the first row it covers. */
export interface ViewLabelCell { text: string; colspan: number; rowspan: number; group: boolean }

export interface ViewRow {
  /** `${table}:${row}`. */
  id: string;
  key: string;
  /** Official label with its groups (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密). */
  label: string;
  status: 'ok' | 'unlocated' | 'missing';
  labelCells: ViewLabelCell[];
  /** Where the row's label is (also for an unlocated row); its source wording when it differs from the official one. */
  labelPlace?: ViewPlace;
  sourceLabel?: string;
  /** The whole row in the text (label and values). */
  place?: ViewPlace;
  cells: ViewCell[];
  notes?: string[];
}

export interface ViewBlock {
  /** 表二's block caption (第二十条第（一）项 …). */
  caption?: string;
  header: ViewHeaderCell[][];
  rows: ViewRow[];
}

export interface ViewRelationSummary { id: string; name: string; holds: number; fails: number; unknown: number }

export interface ViewTable {
  id: ViewTableId;
  /** Official name (表三 收到和处理政府信息公开申请情况). */
  name: string;
  /** Name in the display language. */
  title: string;
  status: 'ok' | 'partial' | 'absent';
  /** Found outside its own section. */
  orphan?: boolean;
  layout?: 'tab' | 'pipe' | 'space' | 'mixed';
  place?: ViewPlace;
  /** Columns of the grid: label columns + value columns. */
  width: number;
  labelColumns: number;
  blocks: ViewBlock[];
  relations: ViewRelationSummary[];
  rowsLocated: number;
  rowsTotal: number;
}

export interface TableViewResult {
  uri: string;
  /** Version of the document the view was built from (null when it is not open in the server). */
  version: number | null;
  locale: 'zh-CN' | 'en';
  title?: string;
  /** Version detected from the headers, and the one the tables were read with. */
  template: '2019' | '2021' | null;
  tableVersion: '2019' | '2021';
  tables: ViewTable[];
  /** Relations that do not hold, over all tables. */
  failing: number;
  /** Set when there is nothing to draw: why (the tables array is then empty or every table absent). */
  empty?: { reason: 'notOpen' | 'skipped' | 'noTables'; message?: string };
}

// ---------------------------------------------------------------- recognition by content

/** Client → server request: does this text (a .txt/.md file not in the nianbao language, or pasted text) read as a report? */
export const RecognizeRequest = 'nianbao/recognize';
export interface RecognizeParams { text: string }
export interface RecognizeResult {
  report: boolean;
  /** The title found (white space collapsed). */
  title?: string;
  /** Distinct sections and tables (with rows read) found, and whether the title names the report. */
  sections: number;
  tables: number;
  titled: boolean;
}

/** Client → server request: the text the checker reads from a Word, PDF or web-page file (tables as read, not reformatted). */
export const ReadTextRequest = 'nianbao/readText';
export interface ReadTextParams { name: string; data: string }
export type ReadTextResult = { ok: true; text: string; kind: 'text' | 'html' | 'docx' | 'pdf' } | { ok: false; reason: string };

// ---------------------------------------------------------------- import

/**
 * Client → server request: the text report of a Word, PDF or web-page file (or of a text file in another
 * encoding), with its tables in the canonical tab-separated layout. The client reads the bytes (any file
 * system VS Code has) and writes the result beside the file.
 */
export const ImportReportRequest = 'nianbao/importReport';
export interface ImportReportParams {
  /** File name (its extension helps to tell the kind when the bytes do not). */
  name: string;
  /** The file's bytes, base64. */
  data: string;
}
export interface ImportedTable { id: 't2' | 't3' | 't4'; status: 'rewritten' | 'unchanged' | 'skipped'; reason?: string }
export type ImportReportResult =
  | { ok: true; text: string; kind: 'text' | 'html' | 'docx' | 'pdf'; encoding?: string; tables: ImportedTable[] }
  | { ok: false; reason: string };
