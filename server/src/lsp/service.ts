// The language server proper: wires the document store, the analysis cache and the providers to a connection.
// server.ts only creates the connection; tests can drive this with any Connection.
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addIgnoreEntry, addWordEntry, agencyKey, checkPair, checkParts, ConfigLoader, declaredParts, pairWithLastYear, RULES, sameAgency, type Finding, type Locale, type ReportModel } from '../core';
import { nodeConfigHost } from '../configHost';
import { AnalysisCache, detachedDocument, type Analysis } from './analysis';
import { provideCodeActions } from './codeActions';
import { registerFixable, runFixAll } from './fixAll';
import { provideCodeLenses } from './codeLens';
import { provideCompletion } from './completion';
import { countFindings, defaultPackageRoot, holdBack, ruleDocUri, skippedDiagnostic, toDiagnostic, type DocumentLookup, type TypingRegion } from './diagnostics';
import { DocumentStore } from './documents';
import { provideFormatting } from './formatting';
import { provideHover } from './hover';
import { importReport, workerReaders, type ReadBytes } from './importReport';
import {
  CheckFilesRequest,
  FIX_ALL_KIND,
  ImportReportRequest,
  LANGUAGE_ID,
  RulesRequest,
  ServerCommands,
  StatusNotification,
  TableViewRequest,
  TrustNotification,
  type CheckFilesParams,
  type CheckFilesResult,
  type FixAllArgs,
  type IgnoreRuleArgs,
  type ImportReportParams,
  type ImportReportResult,
  type AddWordArgs,
  type InitOptions,
  type NianbaoSettings,
  type RulesResult,
  type StatusParams,
  type TableViewParams,
  type TableViewResult,
  type TrustParams,
} from './protocol';
import { KeyedDebouncer, realTimers, type Timers } from './scheduler';
import { resolveDocumentConfig, uriToPath, type DocumentConfig, type FolderInfo } from './configResolver';
import { normalizeSettings, resolveLocale } from './settings';
import { documentSymbols, foldingRanges, workspaceSymbols } from './symbols';
import { buildTableView } from './tableView';
import { recognizeText, registerRecognize } from './recognize';
import { checkFileText, registerReadText, sourceUri } from './readText';

export interface ServiceOptions {
  /** Root of the installed package (docs/rules/*.md live under it). Default: one level above this bundle. */
  packageRoot?: string;
  timers?: Timers;
  /** Reads a file's bytes as report text (the import command). Default: the io readers, in a worker thread. */
  readBytes?: ReadBytes;
}

export function startService(connection: Connection, options: ServiceOptions = {}): void {
  const packageRoot = options.packageRoot ?? defaultPackageRoot();
  const timers = options.timers ?? realTimers;
  const store = new DocumentStore();
  const cache = new AnalysisCache();
  const debouncer = new KeyedDebouncer(timers);
  const holdTimers = new KeyedDebouncer(timers);
  const typing = new Map<string, TypingRegion>();
  /** Files checked by nianbao/checkFiles (not open): last known text, re-published when an editor on them closes. */
  const workspaceFiles = new Map<string, string>();
  /** The file readers (Word, PDF, web pages) in a worker, started on first use. */
  let readBytes = options.readBytes;
  const fileReader = (): ReadBytes => (readBytes ??= workerReaders());

  let clientLocale: string | undefined;
  let trusted = true;
  let holdMs = 1500;
  let pullConfig = false;
  let dynamicConfigRegistration = false;
  let watchedFilesRegistration = false;
  let documentChanges = false;
  let changeAnnotations = false;
  let codeLensRefresh = false;
  let pushedSettings: unknown;
  let folders: FolderInfo[] = [];
  const settingsCache = new Map<string, Promise<NianbaoSettings>>();
  /** Config files read (and the nearest one per folder), until a config file or the folders change. */
  const configs = new ConfigLoader(nodeConfigHost);
  const loggedConfigErrors = new Set<string>();
  const clearConfigs = () => { configs.clear(); loggedConfigErrors.clear(); };

  const log = (msg: string) => connection.console.log(`[nianbao] ${msg}`);
  const safe = <A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R | Promise<R>) =>
    async (...a: A): Promise<R> => {
      try { return await fn(...a); } catch (e) {
        connection.console.error(`[nianbao] ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };

  // ---------------------------------------------------------------- settings and config

  function getSettings(uri: string): Promise<NianbaoSettings> {
    if (!pullConfig) return Promise.resolve(normalizeSettings(pushedSettings));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' })
        .then((v: unknown) => normalizeSettings(v), () => normalizeSettings(undefined));
      settingsCache.set(uri, p);
    }
    return p;
  }

  type DocContext = DocumentConfig;

  async function contextFor(uri: string): Promise<DocContext> {
    const settings = await getSettings(uri);
    // the read-only view of a Word/PDF file's text takes the file's folder and config file
    const ctx = resolveDocumentConfig({ uri: sourceUri(uri), settings, clientLocale, folders, trusted }, configs);
    const c = ctx.config;
    if ((c?.error || c?.warnings) && !loggedConfigErrors.has(c.path)) { loggedConfigErrors.add(c.path); log(`${c.path}: ${[c.error, ...(c.warnings ?? [])].filter(Boolean).join('; ')}`); }
    return ctx;
  }

  function analyze(doc: TextDocument, ctx: DocContext): Analysis {
    return cache.analyze(doc, ctx.options);
  }

  async function analysisOf(uri: string): Promise<{ doc: TextDocument; analysis: Analysis; ctx: DocContext } | undefined> {
    const doc = store.get(uri);
    if (!doc) return undefined;
    const ctx = await contextFor(uri);
    const current = store.get(uri);
    if (!current) return undefined;
    return { doc: current, analysis: analyze(current, ctx), ctx };
  }

  // ---------------------------------------------------------------- diagnostics

  /** Every report the server knows: open documents and files sent by nianbao/checkFiles. */
  function knownReports(): { uri: string; doc: TextDocument; model: ReportModel }[] {
    const out: { uri: string; doc: TextDocument; model: ReportModel }[] = [];
    for (const d of store.all()) { const m = cache.model(d); if (m) out.push({ uri: d.uri, doc: d, model: m }); }
    for (const [uri, text] of workspaceFiles) {
      if (store.get(uri)) continue;
      const d = detachedDocument(uri, text);
      const m = cache.model(d);
      if (m) out.push({ uri, doc: d, model: m });
    }
    return out;
  }

  /** Findings across reports: last year's report of the same agency, when the server knows it. */
  function crossFor(doc: TextDocument, analysis: Analysis, ctx?: DocContext): { findings: Finding[]; lookup: DocumentLookup } {
    const none = { findings: [], lookup: () => undefined };
    if (!analysis.model || !ctx || !analysis.model.title?.year) return none;
    const reports = knownReports();
    const me = reports.find((r) => r.uri === doc.uri);
    if (!me) return none;
    const last = pairWithLastYear(reports).get(me);
    // a report declared the total of others (sums in .nianbao.json): its parts among the known reports
    const withIds = reports.map((r) => ({ ...r, id: r.uri }));
    const parts = declaredParts(withIds.find((r) => r.uri === doc.uri)!, withIds, ctx.options.settings?.sums);
    if (!last && !parts) return none;
    // the same runner and options as the document's own findings: severities, ignores (also "ignore here")
    const self = { model: analysis.model, lineIndex: analysis.lineIndex };
    const findings = [...(last ? checkPair(self, { model: last.model, id: last.uri }, ctx.options) : []), ...(parts ? checkParts(self, parts, ctx.options) : [])];
    const docs = new Map(reports.map((r) => [r.uri, r.doc]));
    return { findings, lookup: (uri) => (uri !== doc.uri ? docs.get(uri) : undefined) };
  }

  function publish(doc: TextDocument, analysis: Analysis, version: number | null, heldTyping?: TypingRegion, ctx?: DocContext): void {
    const cross = crossFor(doc, analysis, ctx);
    let findings = cross.findings.length ? [...analysis.findings, ...cross.findings].sort((a, b) => a.start - b.start) : analysis.findings;
    if (heldTyping) {
      const now = timers.now();
      const split = holdBack(doc, findings, heldTyping, now, holdMs);
      findings = split.visible;
      if (split.heldUntil !== undefined) {
        const v = doc.version;
        holdTimers.schedule(doc.uri, Math.max(1, split.heldUntil - now), () => {
          const cur = store.get(doc.uri);
          if (cur && cur.version === v) publish(cur, analysis, v, undefined, ctx);
        });
      }
    }
    const diagnostics = analysis.skipped
      ? [skippedDiagnostic(analysis.skipped.message)]
      : findings.map((f) => toDiagnostic(doc, f, packageRoot, cross.lookup));
    void connection.sendDiagnostics({ uri: doc.uri, version: version ?? undefined, diagnostics });
    const status: StatusParams = {
      uri: doc.uri,
      version,
      template: analysis.model?.template ?? null,
      counts: countFindings(findings),
      skipped: analysis.skipped?.message,
    };
    void connection.sendNotification(StatusNotification, status);
  }

  async function validate(uri: string, reason: 'open' | 'change' | 'save' | 'config', followUp = false): Promise<void> {
    const doc = store.get(uri);
    if (!doc) return;
    const version = doc.version;
    const ctx = await contextFor(uri);
    const cur = store.get(uri);
    if (!cur || cur.version !== version) return; // outdated: a newer run is scheduled
    if (reason === 'change' && ctx.settings.run === 'onSave') return;
    const analysis = analyze(cur, ctx);
    const t = reason === 'change' ? typing.get(uri) : undefined;
    if (reason !== 'change') { typing.delete(uri); holdTimers.cancel(uri); }
    publish(cur, analysis, version, t, ctx);
    // the next year's report of the same agency, and a total of the same year (sums), read this one: bring their
    // cross-report findings up to date
    if (reason !== 'change' && analysis.model && !followUp) {
      const key = agencyKey(analysis.model), year = analysis.model.title?.year;
      for (const other of store.all()) {
        if (other.uri === uri) continue;
        const m = cache.model(other);
        const k = m && agencyKey(m);
        if (!k || !key || !year) continue;
        if ((m.title?.year === year + 1 && sameAgency(k, key)) || m.title?.year === year) void validate(other.uri, 'config', true).catch((e) => log(String(e)));
      }
    }
  }

  function revalidateAll(): void {
    for (const d of store.all()) void validate(d.uri, 'config').catch((e) => log(String(e)));
  }

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    if (init.trusted === false) trusted = false;
    if (typeof init.holdBackMs === 'number' && init.holdBackMs >= 0) holdMs = init.holdBackMs;
    if (init.settings) pushedSettings = init.settings;
    const caps = params.capabilities;
    pullConfig = caps.workspace?.configuration === true;
    dynamicConfigRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    changeAnnotations = !!caps.workspace?.workspaceEdit?.changeAnnotationSupport;
    codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    folders = (params.workspaceFolders ?? []).map((f: WorkspaceFolder) => ({ uri: f.uri, fsPath: uriToPath(f.uri) }));
    if (!folders.length && params.rootUri) folders = [{ uri: params.rootUri, fsPath: uriToPath(params.rootUri) }];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'nianbao' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['、'] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        executeCommandProvider: { commands: [ServerCommands.fixAll, ServerCommands.ignoreRule, ServerCommands.addWord] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'nianbao', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfigRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    if (watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.nianbao.json' }, { globPattern: '**/*.nianbao.json' }] });
    }
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri));
      for (const a of e.added) folders.push({ uri: a.uri, fsPath: uriToPath(a.uri) });
      clearConfigs();
      revalidateAll();
    });
  });

  connection.onDidChangeConfiguration((p) => {
    settingsCache.clear();
    clearConfigs();
    const s = (p.settings as { nianbao?: unknown } | null | undefined)?.nianbao;
    if (s !== undefined) pushedSettings = s;
    revalidateAll();
    if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(() => {
    clearConfigs();
    revalidateAll();
  });

  connection.onNotification(TrustNotification, (p: TrustParams) => {
    trusted = p?.trusted !== false;
    clearConfigs();
    revalidateAll();
  });

  // ---------------------------------------------------------------- documents

  connection.onDidOpenTextDocument((p) => {
    const doc = store.open(p);
    typing.delete(doc.uri);
    void validate(doc.uri, 'open').catch((e) => log(String(e)));
  });

  connection.onDidChangeTextDocument((p) => {
    const res = store.change(p);
    if (!res) return;
    const uri = res.doc.uri;
    if (res.edited) typing.set(uri, { ...res.edited, at: timers.now() });
    else typing.delete(uri);
    void getSettings(uri).then((s) => {
      if (s.run === 'onSave') return;
      debouncer.schedule(uri, s.debounceMs, () => void validate(uri, 'change').catch((e) => log(String(e))));
    });
  });

  connection.onDidSaveTextDocument((p) => {
    const uri = p.textDocument.uri;
    debouncer.cancel(uri);
    const doc = store.get(uri);
    if (doc && workspaceFiles.has(uri)) workspaceFiles.set(uri, doc.getText());
    void validate(uri, 'save').catch((e) => log(String(e)));
  });

  connection.onDidCloseTextDocument((p) => {
    const uri = p.textDocument.uri;
    debouncer.cancel(uri);
    holdTimers.cancel(uri);
    typing.delete(uri);
    store.close(uri);
    cache.delete(uri);
    settingsCache.delete(uri);
    const text = workspaceFiles.get(uri);
    if (text !== undefined) {
      void contextFor(uri).then((ctx) => {
        if (store.get(uri)) return;
        const doc = detachedDocument(uri, text);
        publish(doc, analyze(doc, ctx), null, undefined, ctx);
        cache.delete(uri);
      });
    } else {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });

  // ---------------------------------------------------------------- features

  connection.onCodeAction(safe('codeAction', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    if (!a) return [];
    return provideCodeActions(a.doc, a.analysis.findings, p.context, {
      locale: a.ctx.locale,
      documentChanges,
      changeAnnotations,
      configFile: a.ctx.configFile,
      inWorkspaceFolder: !!a.ctx.relPath,
    });
  }));

  connection.onDocumentSymbol(safe('documentSymbol', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a?.analysis.model ? documentSymbols(a.doc, a.analysis.model, a.ctx.locale) : [];
  }));

  connection.onFoldingRanges(safe('foldingRanges', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a?.analysis.model ? foldingRanges(a.doc, a.analysis.model) : [];
  }));

  connection.onWorkspaceSymbol(safe('workspaceSymbol', [], async (p) => {
    const docs = [];
    let locale: Locale = resolveLocale(undefined, clientLocale);
    for (const d of store.all()) {
      if (d.languageId !== LANGUAGE_ID && !/\.(?:txt|md)$/.test(d.uri)) continue;
      const a = await analysisOf(d.uri);
      if (!a?.analysis.model) continue;
      locale = a.ctx.locale;
      docs.push({ doc: a.doc, model: a.analysis.model, name: a.analysis.model.title?.text ?? path.posix.basename(d.uri) });
    }
    return workspaceSymbols(docs, p.query, locale);
  }));

  connection.onHover(safe('hover', null, async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    if (!a?.analysis.model) return null;
    return provideHover(a.doc, a.analysis.model, a.analysis.findings, a.doc.offsetAt(p.position), a.ctx.locale);
  }));

  connection.onCodeLens(safe('codeLens', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    if (!a?.analysis.model || !a.ctx.settings.codeLens) return [];
    return provideCodeLenses(a.doc, a.analysis.model, a.analysis.findings, a.ctx.locale);
  }));

  connection.onCompletion(safe('completion', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    if (!a?.analysis.model) return [];
    return provideCompletion(a.doc, a.analysis.model, a.doc.offsetAt(p.position), a.ctx.locale);
  }));

  connection.onDocumentFormatting(safe('formatting', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a?.analysis.model ? provideFormatting(a.doc, a.analysis.model) : [];
  }));

  connection.onDocumentRangeFormatting(safe('rangeFormatting', [], async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    if (!a?.analysis.model) return [];
    return provideFormatting(a.doc, a.analysis.model, { start: a.doc.offsetAt(p.range.start), end: a.doc.offsetAt(p.range.end) });
  }));

  /** Rewrite the workspace config file of the folder holding `uri` (trusted workspaces only), then re-check. */
  async function editConfig(uri: string, edit: (text: string | undefined) => string, noFolder: { en: string; zh: string }): Promise<string | null> {
    const ctx = await contextFor(uri);
    const file = ctx.writeTo;
    if (!file) {
      void connection.window.showWarningMessage(ctx.locale === 'en' ? noFolder.en : noFolder.zh);
      return null;
    }
    let text: string | undefined;
    try { text = fs.readFileSync(file, 'utf8'); } catch { /* new file */ }
    let next: string;
    try { next = edit(text); } catch (e) {
      void connection.window.showErrorMessage(`nianbao: ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, next, 'utf8');
    clearConfigs();
    revalidateAll();
    return file;
  }

  connection.onExecuteCommand(safe('executeCommand', null, async (p) => {
    const arg: unknown = p.arguments?.[0];
    if (p.command === ServerCommands.fixAll) {
      const args = arg as FixAllArgs | undefined;
      if (!args?.uri) return null;
      const a = await analysisOf(args.uri);
      if (!a || (args.version !== undefined && args.version !== a.doc.version)) return null;
      return runFixAll(connection, a.doc, a.analysis.findings, args, { documentChanges, changeAnnotations, locale: a.ctx.locale });
    }
    if (p.command === ServerCommands.addWord) {
      const args = arg as AddWordArgs | undefined;
      if (!args?.uri || typeof args.word !== 'string' || !args.word.trim()) return null;
      const word = args.word.trim();
      return editConfig(args.uri, (text) => addWordEntry(text, word), {
        en: 'nianbao: no workspace folder to write the config file to; add the word to the nianbao.words setting instead.',
        zh: 'nianbao：没有可写入配置文件的工作区文件夹，可将该词加入设置 nianbao.words。',
      });
    }
    if (p.command === ServerCommands.ignoreRule) {
      const args = arg as IgnoreRuleArgs | undefined;
      if (!args?.uri || !args.rule) return null;
      const ctx = await contextFor(args.uri);
      const entry = args.scope === 'here' && ctx.relPath && typeof args.line === 'string'
        ? { rule: args.rule, file: ctx.relPath, line: args.line }
        : args.scope === 'file' && ctx.relPath ? { rule: args.rule, file: ctx.relPath } : { rule: args.rule };
      return editConfig(args.uri, (text) => addIgnoreEntry(text, entry), {
        en: 'nianbao: no workspace folder to write the config file to.',
        zh: 'nianbao：没有可写入配置文件的工作区文件夹。',
      });
    }
    return null;
  }));

  connection.onRequest(CheckFilesRequest, safe('checkFiles', { files: [] } as CheckFilesResult, async (p: CheckFilesParams, token?: CancellationToken): Promise<CheckFilesResult> => {
    const out: CheckFilesResult = { files: [] };
    // text files as given; Word, PDF and web pages read here (in the readers' worker), as the import reads them
    const files: { uri: string; text: string; requireReport: boolean }[] = [];
    for (const f of Array.isArray(p?.files) ? p.files : []) {
      if (token?.isCancellationRequested) break;
      const got = await checkFileText(f, fileReader);
      if (!got) continue;
      if ('reason' in got) (out.unread ??= []).push(got);
      else files.push({ ...got, requireReport: f.requireReport === true });
    }
    // files chosen by their content that do not read as reports are left out (a notice that names 政府信息公开)
    const reports = new Set(files.filter((f) => !f.requireReport || store.get(f.uri) || recognizeText(f.text).report));
    // known before any is checked, so that each report meets last year's report whatever the order
    for (const f of reports) if (!store.get(f.uri)) workspaceFiles.set(f.uri, f.text);
    for (const f of files) {
      if (token?.isCancellationRequested) break;
      if (!reports.has(f)) { out.files.push({ uri: f.uri, template: null, counts: countFindings([]), report: false }); continue; }
      const open = store.get(f.uri);
      const ctx = await contextFor(f.uri);
      const doc = open ?? detachedDocument(f.uri, f.text);
      const analysis = analyze(doc, ctx);
      if (!open) publish(doc, analysis, null, undefined, ctx);
      out.files.push({ uri: f.uri, template: analysis.model?.template ?? null, counts: countFindings(analysis.findings), skipped: analysis.skipped?.message, report: true });
    }
    return out;
  }));

  connection.onRequest(TableViewRequest, safe('tableView', null as TableViewResult | null, async (p: TableViewParams): Promise<TableViewResult | null> => {
    if (typeof p?.uri !== 'string') return null;
    const a = await analysisOf(p.uri);
    if (!a) {
      const locale = resolveLocale((await getSettings(p.uri)).locale, clientLocale);
      return { uri: p.uri, version: null, locale, template: null, tableVersion: '2021', tables: [], failing: 0, empty: { reason: 'notOpen' } };
    }
    return buildTableView(a.doc, a.analysis, a.ctx.locale);
  }));

  connection.onRequest(ImportReportRequest, async (p: ImportReportParams): Promise<ImportReportResult> => {
    try {
      return await importReport(p, fileReader());
    } catch (e) {
      connection.console.error(`[nianbao] importReport failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
  });

  // features in their own modules
  registerRecognize(connection);
  registerReadText(connection, fileReader);
  registerFixable(connection, async (uri) => {
    const a = await analysisOf(uri);
    return a && { doc: a.doc, findings: a.analysis.findings, locale: a.ctx.locale };
  });

  connection.onRequest(RulesRequest, async (): Promise<RulesResult> => {
    const settings = pullConfig
      ? normalizeSettings(await connection.workspace.getConfiguration('nianbao').then((v: unknown) => v, () => undefined))
      : normalizeSettings(pushedSettings);
    const locale = resolveLocale(settings.locale, clientLocale);
    return { rules: RULES.map((r) => ({ id: r.id, title: r.title[locale], defaultSeverity: r.defaultSeverity, doc: ruleDocUri(packageRoot, r.id) })) };
  });

  connection.onShutdown(() => {
    debouncer.dispose();
    holdTimers.dispose();
  });

  connection.listen();
}
