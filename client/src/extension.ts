// VS Code client of the nianbao language server: language registration lives in package.json; this file starts
// the server (IPC), and adds the commands, the workspace check and the language status item.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  FixableRequest,
  LANGUAGE_ID,
  READ_ONLY_SCHEME,
  RulesRequest,
  ServerCommands,
  StatusNotification,
  TrustNotification,
  type FixableResult,
  type FixAllArgs,
  type InitOptions,
  type RulesResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';
import { reportSkeleton } from '../../server/src/lsp/skeleton';
import { CheckedTextProvider, offerForBinaryFiles, openCheckedText } from './checkedText';
import { checkWorkspace } from './checkWorkspace';
import { importReport } from './importReport';
import { msg, setLocaleOverride } from './messages';
import { PREVIEW_VIEW_TYPE, previewSerializer, TablePreview, type PreviewApi } from './preview';
import { ReportRecognizer, type RecognizeEvent } from './recognize';

let client: LanguageClient | undefined;
let configWatcher: vscode.FileSystemWatcher | undefined;
const statuses = new Map<string, StatusParams>();
const statusEmitter = new vscode.EventEmitter<StatusParams>();

/** The extension's public API (used by the test suites). */
export interface NianbaoApi {
  client(): LanguageClient | undefined;
  /** The last status the server sent for this uri. */
  status(uri: string): StatusParams | undefined;
  /** Fires for every status the server sends (after each publish of diagnostics). */
  onDidChangeStatus: vscode.Event<StatusParams>;
  /** The table preview panel. */
  preview: PreviewApi;
  /** Fires when recognition by content looked at a document (offered, set the language, or found no report). */
  onDidRecognize: vscode.Event<RecognizeEvent>;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const configFile = vscode.workspace.getConfiguration('nianbao').get<string>('configFile') || '.nianbao.json';
  const initializationOptions: InitOptions = { trusted: vscode.workspace.isTrusted };
  configWatcher?.dispose();
  configWatcher = vscode.workspace.createFileSystemWatcher(`**/${path.basename(configFile)}`);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    initializationOptions,
    outputChannelName: 'nianbao',
    synchronize: { fileEvents: configWatcher },
  };
  return new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext, status: vscode.LanguageStatusItem): Promise<void> {
  client = createClient(context);
  const c = client;
  c.onNotification(StatusNotification, (p: StatusParams) => {
    statuses.set(p.uri, p);
    updateStatus(status);
    statusEmitter.fire(p);
  });
  await c.start();
}

/** A fresh client (new options: trust, config file watcher), replacing the running one. */
async function restartClient(context: vscode.ExtensionContext, status: vscode.LanguageStatusItem): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.dispose().catch(() => undefined);
  statuses.clear();
  await startClient(context, status);
}

function updateStatus(item: vscode.LanguageStatusItem): void {
  const doc = vscode.window.activeTextEditor?.document;
  const s = doc ? statuses.get(doc.uri.toString()) : undefined;
  item.name = msg('statusName');
  if (!s) {
    item.text = `$(sync~spin) ${msg('statusChecking')}`;
    item.detail = undefined;
    item.severity = vscode.LanguageStatusSeverity.Information;
    return;
  }
  if (s.skipped) {
    item.text = `$(circle-slash) ${msg('statusSkipped')}`;
    item.detail = s.skipped;
    item.severity = vscode.LanguageStatusSeverity.Warning;
    return;
  }
  const tpl = s.template ? msg('statusTemplate', s.template) : msg('statusNoTemplate');
  const icon = s.counts.error ? '$(error)' : s.counts.warning ? '$(warning)' : '$(check)';
  item.text = `${icon} ${tpl}`;
  item.detail = msg('statusCounts', s.counts.error, s.counts.warning, s.counts.information + s.counts.hint);
  item.severity = s.counts.error ? vscode.LanguageStatusSeverity.Error : s.counts.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
}

/** Characters a file name cannot hold on Windows or elsewhere, replaced in the suggested name. */
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * Where a new report will be saved: `<folder>/<agency><year>年政府信息公开工作年度报告.txt` in the first workspace
 * folder (else the home folder), a name no file has yet. The `.txt` and the name keep it a report for VS Code (the
 * language by file name), for "check workspace" and for `nianbao check` on the folder.
 */
async function newReportTarget(year: number, agency: string, folderArg?: vscode.Uri): Promise<vscode.Uri> {
  const folder = folderArg ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const stem = `${agency}${year}年政府信息公开工作年度报告`.replace(UNSAFE_NAME, '_').slice(0, 120);
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? `${stem}.txt` : `${stem}（${n}）.txt`);
    const taken = await vscode.workspace.fs.stat(uri).then(() => true, () => false)
      || vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path);
    if (!taken) return uri;
  }
}

/**
 * New report from the 2021 template; year and agency are asked for unless given as arguments (keybindings, tests).
 * An untitled document that knows its file: Save writes `…年度报告.txt` (Save As picks another place).
 */
async function newReport(yearArg?: unknown, agencyArg?: unknown, folderArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const defaultYear = new Date().getFullYear() - 1;
  const yearText = typeof yearArg === 'number' || typeof yearArg === 'string' ? String(yearArg) : await vscode.window.showInputBox({
    prompt: msg('askYear', defaultYear),
    value: String(defaultYear),
    validateInput: (v) => (/^\s*(20\d\d|2100)\s*$/.test(v) && Number(v) >= 2008 ? undefined : msg('badYear')),
  });
  if (yearText === undefined || !/^\s*\d{4}\s*$/.test(yearText)) return undefined;
  const agency = typeof agencyArg === 'string' && agencyArg.trim() ? agencyArg : await vscode.window.showInputBox({ prompt: msg('askAgency'), validateInput: (v) => (v.trim() ? undefined : msg('badAgency')) });
  if (agency === undefined) return undefined;
  const year = Number(yearText.trim());
  const content = reportSkeleton(year, agency.trim(), '2021');
  const target = await newReportTarget(year, agency.trim(), folderArg instanceof vscode.Uri ? folderArg : undefined);
  let doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), content));
  doc = editor.document;
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const shown = await vscode.window.showTextDocument(doc);
  shown.selection = new vscode.Selection(0, 0, 0, 0);
  return shown;
}

/** The workspace config file's empty form: every key the server reads (the JSON schema completes the rest). */
const CONFIG_TEMPLATE = JSON.stringify({ rules: {}, words: [], ignore: [] }, null, 2) + '\n';

/** Opens the workspace folder's config file (nianbao.configFile), creating it first when there is none. */
async function createConfig(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) { void vscode.window.showInformationMessage(msg('configNoWorkspace')); return undefined; }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: msg('configPickFolder') });
  if (!folder) return undefined;
  const name = vscode.workspace.getConfiguration('nianbao', folder.uri).get<string>('configFile') || '.nianbao.json';
  const uri = path.isAbsolute(name) ? vscode.Uri.file(name) : vscode.Uri.joinPath(folder.uri, name);
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (!exists) await vscode.workspace.fs.writeFile(uri, Buffer.from(CONFIG_TEMPLATE, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

/**
 * Fix all: every rule's safe fixes, or one rule's (a quick pick with the number of edits of each), shown first in
 * VS Code's refactor preview (the server marks them as needing confirmation), grouped by rule. Arguments (tests,
 * keybindings): `{ rule?: string, preview?: boolean }` skip the pick.
 */
async function fixAll(options?: unknown): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) { void vscode.window.showInformationMessage(msg('noEditor')); return 0; }
  if (editor.document.languageId !== LANGUAGE_ID) { void vscode.window.showInformationMessage(msg('notReport')); return 0; }
  const c = client;
  if (!c) return 0;
  const opts = (options && typeof options === 'object' ? options : {}) as { rule?: unknown; preview?: unknown };
  const doc = editor.document;
  let rule = typeof opts.rule === 'string' ? opts.rule : undefined;
  if (!options) {
    const fixable = await c.sendRequest<FixableResult | null>(FixableRequest, { uri: doc.uri.toString() });
    if (!fixable || (!fixable.all && !fixable.rules.length)) { void vscode.window.showInformationMessage(msg('nothingToFix')); return 0; }
    type Item = vscode.QuickPickItem & { rule?: string };
    const items: Item[] = [];
    if (fixable.all) items.push({ label: `$(wrench) ${msg('fixAllEverything')}`, description: msg('fixAllEdits', fixable.all) });
    for (const r of fixable.rules) items.push({ label: r.title, description: `${r.rule} · ${msg('fixAllEdits', r.edits)}`, rule: r.rule });
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: msg('fixAllPick'), matchOnDescription: true });
    if (!pick) return 0;
    rule = pick.rule;
  }
  const args: FixAllArgs = { uri: doc.uri.toString(), version: doc.version, rule, preview: opts.preview !== false };
  const n = await c.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.fixAll, arguments: [args] });
  const count = typeof n === 'number' ? n : 0;
  if (!count) { void vscode.window.showInformationMessage(msg('nothingToFix')); return 0; }
  void vscode.window.showInformationMessage(msg('fixedN', count));
  // the fixes leave table labels alone: Format Document writes them in the official wording
  if (!options) {
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: false }).then((e) => e ?? [], () => []);
    if (edits.length) {
      const format = msg('fixAllFormat');
      void vscode.window.showInformationMessage(msg('fixAllTables'), format).then((choice) => {
        if (choice === format) void vscode.commands.executeCommand('editor.action.formatDocument');
      });
    }
  }
  return count;
}

async function showRuleDoc(context: vscode.ExtensionContext, rule?: unknown): Promise<void> {
  let id = typeof rule === 'string' ? rule : undefined;
  if (!id) {
    let items: { label: string; description: string }[] = [];
    try {
      const res = client ? await client.sendRequest<RulesResult>(RulesRequest) : undefined;
      items = (res?.rules ?? []).map((r) => ({ label: r.id, description: r.title }));
    } catch { /* fall back to the files */ }
    if (!items.length) {
      const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
      const entries = await vscode.workspace.fs.readDirectory(dir).then((e) => e, () => [] as [string, vscode.FileType][]);
      items = entries.filter(([n]) => n.endsWith('.md')).map(([n]) => ({ label: n.slice(0, -3), description: '' }));
    }
    const pick = await vscode.window.showQuickPick(items, { placeHolder: msg('pickRule'), matchOnDescription: true });
    id = pick?.label;
  }
  if (!id || !/^[a-z0-9-]+$/.test(id)) return;
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  setLocaleOverride(vscode.workspace.getConfiguration('nianbao').get('locale'));
  const status = vscode.languages.createLanguageStatusItem('nianbao.status', { language: LANGUAGE_ID });
  status.name = msg('statusName');
  status.command = { title: msg('showProblems'), command: 'workbench.actions.view.problems' };
  context.subscriptions.push(status, statusEmitter);
  const preview = new TablePreview(() => client, statusEmitter.event);
  context.subscriptions.push(preview, vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previewSerializer(preview)));
  const maxBytes = () => (vscode.workspace.getConfiguration('nianbao').get<number>('maxFileSizeKB') ?? 2048) * 1024;
  const recognizer = new ReportRecognizer(context.workspaceState, () => client, maxBytes);
  const checkedText = new CheckedTextProvider(() => client);
  const runImport = (uri?: unknown, options?: { overwrite?: boolean }) => importReport(client, uri, options ?? {});
  context.subscriptions.push(
    recognizer,
    checkedText,
    vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, checkedText),
    offerForBinaryFiles({ importReport: (uri) => runImport(uri) }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.setLanguage', async (uri?: unknown) => {
      // from the Explorer's context menu: that file; else the active editor's
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) { void vscode.window.showInformationMessage(msg('noEditor')); return; }
      if (uri instanceof vscode.Uri) await vscode.window.showTextDocument(doc);
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      // remembered: opened again later, it is a report at once
      if (doc.uri.scheme === 'file') await recognizer.remember([doc.uri]);
    }),
    vscode.commands.registerCommand('nianbao.checkWorkspace', () => checkWorkspace(client, recognizer)),
    vscode.commands.registerCommand('nianbao.newReport', (year?: unknown, agency?: unknown, folder?: unknown) => newReport(year, agency, folder)),
    vscode.commands.registerCommand('nianbao.importReport', runImport),
    vscode.commands.registerCommand('nianbao.openCheckedText', (uri?: unknown, range?: unknown) => {
      const source = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      return source ? openCheckedText(source, range instanceof vscode.Range ? range : undefined) : undefined;
    }),
    vscode.commands.registerCommand('nianbao.createConfig', () => createConfig()),
    vscode.commands.registerCommand('nianbao.fixAll', (options?: unknown) => fixAll(options)),
    vscode.commands.registerCommand('nianbao.restartServer', async () => {
      await restartClient(context, status);
      void vscode.window.showInformationMessage(msg('restarted'));
    }),
    vscode.commands.registerCommand('nianbao.showRuleDoc', (rule?: unknown) => showRuleDoc(context, rule)),
    vscode.commands.registerCommand('nianbao.showPreview', (uri?: unknown) => preview.show(false, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('nianbao.showPreviewToSide', (uri?: unknown) => preview.show(true, uri instanceof vscode.Uri ? uri : undefined)),
    // what a click on a cell of the preview does (id `t3:new:natural`; a row's id `t3:new` selects its label)
    vscode.commands.registerCommand('nianbao.preview.revealCell', (id?: unknown) => {
      if (typeof id !== 'string') return undefined;
      return id.split(':').length === 2 ? preview.reveal(undefined, id) : preview.reveal(id);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(status)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TrustNotification, { trusted: true });
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('nianbao.locale')) {
        setLocaleOverride(vscode.workspace.getConfiguration('nianbao').get('locale'));
        preview.relocalize();
      }
      // The file watcher is made from this setting when the client starts.
      if (e.affectsConfiguration('nianbao.configFile')) void restartClient(context, status);
    }),
    { dispose: () => { configWatcher?.dispose(); void client?.stop(); } },
  );

  await startClient(context, status);
  updateStatus(status);
  // what recognition by content decided, in the nianbao output channel
  context.subscriptions.push(recognizer.onDidRecognize((e) => client?.outputChannel.appendLine(`[recognize] ${e.action}: ${e.uri}${e.result ? ` (sections ${e.result.sections}, tables ${e.result.tables}${e.result.titled ? ', titled' : ''})` : ''}`)));
  recognizer.start();
  return { client: () => client, status: (uri: string) => statuses.get(uri), onDidChangeStatus: statusEmitter.event, preview: preview.api, onDidRecognize: recognizer.onDidRecognize };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
