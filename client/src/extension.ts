// VS Code client of the nianbao language server: language registration lives in package.json; this file starts
// the server (IPC), and adds the commands, the workspace check and the language status item.
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
  CheckFilesRequest,
  LANGUAGE_ID,
  RulesRequest,
  ServerCommands,
  StatusNotification,
  TrustNotification,
  type CheckFilesResult,
  type FixAllArgs,
  type InitOptions,
  type RulesResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';
import { reportSkeleton } from '../../server/src/lsp/skeleton';
import { importReport } from './importReport';
import { msg, setLocaleOverride } from './messages';
import { PREVIEW_VIEW_TYPE, previewSerializer, TablePreview, type PreviewApi } from './preview';

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

const REPORT_NAME = /年度报告|年报/;

async function looksLikeReport(uri: vscode.Uri, maxBytes: number): Promise<'yes' | 'no' | 'tooLarge'> {
  const name = path.posix.basename(uri.path);
  let stat: vscode.FileStat;
  try { stat = await vscode.workspace.fs.stat(uri); } catch { return 'no'; }
  const byName = REPORT_NAME.test(name);
  if (stat.size > maxBytes) return byName ? 'tooLarge' : 'no';
  if (byName) return 'yes';
  const bytes = await vscode.workspace.fs.readFile(uri);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  return /政府信息公开/.test(head) ? 'yes' : 'no';
}

async function checkWorkspace(): Promise<CheckFilesResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(msg('noWorkspace'));
    return undefined;
  }
  const c = client;
  if (!c) return undefined;
  const total: CheckFilesResult = { files: [] };
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: msg('checking'), cancellable: true },
    async (progress, token) => {
      progress.report({ message: msg('searching') });
      const uris = await vscode.workspace.findFiles('**/*.txt', '{**/node_modules/**,**/.git/**}', undefined, token);
      const maxKB = vscode.workspace.getConfiguration('nianbao').get<number>('maxFileSizeKB') ?? 2048;
      let tooLarge = 0;
      const reports: vscode.Uri[] = [];
      for (const u of uris) {
        if (token.isCancellationRequested) break;
        const r = await looksLikeReport(u, maxKB * 1024);
        if (r === 'yes') reports.push(u); else if (r === 'tooLarge') tooLarge++;
      }
      const batch = 10;
      for (let i = 0; i < reports.length && !token.isCancellationRequested; i += batch) {
        const slice = reports.slice(i, i + batch);
        const files: { uri: string; text: string }[] = [];
        for (const u of slice) {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
          const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(u));
          files.push({ uri: u.toString(), text });
        }
        const res = await c.sendRequest<CheckFilesResult>(CheckFilesRequest, { files }, token);
        total.files.push(...res.files);
        progress.report({ increment: (slice.length / reports.length) * 100, message: msg('progress', Math.min(i + batch, reports.length), reports.length) });
      }
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage(msg('cancelled', total.files.length));
        return total;
      }
      const sum = total.files.reduce((a, f) => ({ e: a.e + f.counts.error, w: a.w + f.counts.warning, i: a.i + f.counts.information + f.counts.hint }), { e: 0, w: 0, i: 0 });
      let text = msg('done', total.files.length, sum.e, sum.w, sum.i);
      if (tooLarge) text += ' ' + msg('doneSkipped', tooLarge);
      void vscode.window.showInformationMessage(text);
      return total;
    },
  );
}

/** New report; year and agency are asked for unless given as arguments (keybindings, tests). */
async function newReport(yearArg?: unknown, agencyArg?: unknown): Promise<vscode.TextEditor | undefined> {
  const defaultYear = new Date().getFullYear() - 1;
  const yearText = typeof yearArg === 'number' || typeof yearArg === 'string' ? String(yearArg) : await vscode.window.showInputBox({
    prompt: msg('askYear', defaultYear),
    value: String(defaultYear),
    validateInput: (v) => (/^\s*(20\d\d|2100)\s*$/.test(v) && Number(v) >= 2008 ? undefined : msg('badYear')),
  });
  if (yearText === undefined || !/^\s*\d{4}\s*$/.test(yearText)) return undefined;
  const agency = typeof agencyArg === 'string' && agencyArg.trim() ? agencyArg : await vscode.window.showInputBox({ prompt: msg('askAgency'), validateInput: (v) => (v.trim() ? undefined : msg('badAgency')) });
  if (agency === undefined) return undefined;
  const content = reportSkeleton(Number(yearText.trim()), agency.trim(), '2021');
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(doc);
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

async function fixAll(): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) { void vscode.window.showInformationMessage(msg('noEditor')); return 0; }
  if (editor.document.languageId !== LANGUAGE_ID) { void vscode.window.showInformationMessage(msg('notReport')); return 0; }
  if (!client) return 0;
  const args: FixAllArgs = { uri: editor.document.uri.toString(), version: editor.document.version };
  const n = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.fixAll, arguments: [args] });
  const count = typeof n === 'number' ? n : 0;
  void vscode.window.showInformationMessage(count ? msg('fixedN', count) : msg('nothingToFix'));
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

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.setLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) { void vscode.window.showInformationMessage(msg('noEditor')); return; }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('nianbao.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('nianbao.newReport', (year?: unknown, agency?: unknown) => newReport(year, agency)),
    vscode.commands.registerCommand('nianbao.importReport', (uri?: unknown, options?: { overwrite?: boolean }) => importReport(client, uri, options ?? {})),
    vscode.commands.registerCommand('nianbao.createConfig', () => createConfig()),
    vscode.commands.registerCommand('nianbao.fixAll', () => fixAll()),
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
  return { client: () => client, status: (uri: string) => statuses.get(uri), onDidChangeStatus: statusEmitter.event, preview: preview.api };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
