// Word, PDF and web-page files in the editor: the read-only view of the text nianbao checks in them (what
// `nianbao text FILE` prints, where the findings of "check workspace" are), and the offer to import or view such a
// file when VS Code opens it and can only say it is binary.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, READ_ONLY_SCHEME, ReadTextRequest, type ReadTextParams, type ReadTextResult } from '../../server/src/lsp/protocol';
import { msg } from './messages';

/** Files read as reports through the language server's readers (the import command's kinds). */
export const BINARY_REPORT = /\.(docx|pdf)$/i;
export const CONVERTED_REPORT = /\.(docx|pdf|html?|xhtml|shtml)$/i;
const MAX_BYTES = 48 * 1024 * 1024;

/** `nianbao-text:<the file's path>?<the file's uri>`: the Problems panel and the tab show the file's own name. */
export function checkedTextUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: source.path, query: source.toString() });
}

export function sourceOf(view: vscode.Uri): vscode.Uri | undefined {
  if (view.scheme !== READ_ONLY_SCHEME || !view.query) return undefined;
  try { return vscode.Uri.parse(view.query, true); } catch { return undefined; }
}

/** The file's bytes as the server's readers take them, or the reason they cannot be read. */
export async function readSource(source: vscode.Uri): Promise<{ name: string; data: string } | { reason: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(source);
    if (stat.size > MAX_BYTES) return { reason: msg('importTooLarge', MAX_BYTES / 1024 / 1024) };
    const bytes = await vscode.workspace.fs.readFile(source);
    return { name: path.posix.basename(source.path), data: Buffer.from(bytes).toString('base64') };
  } catch (e) {
    return { reason: e instanceof Error ? e.message : String(e) };
  }
}

export class CheckedTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly client: () => LanguageClient | undefined) {
    // the file changed on disk: its view is read again
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf,html,htm}');
    const changed = (u: vscode.Uri) => {
      const view = checkedTextUri(u).toString();
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view)) this.emitter.fire(checkedTextUri(u));
    };
    this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = sourceOf(uri);
    const name = path.posix.basename(uri.path);
    if (!source) return msg('checkedTextFailed', name, 'no file');
    const c = this.client();
    if (!c) return msg('checkedTextFailed', name, msg('previewNoServer'));
    const got = await readSource(source);
    if ('reason' in got) return msg('checkedTextFailed', name, got.reason);
    const res = await c.sendRequest<ReadTextResult>(ReadTextRequest, got satisfies ReadTextParams).then((r) => r, (e: unknown) => ({ ok: false as const, reason: String(e) }));
    return res.ok ? res.text : msg('checkedTextFailed', name, res.reason);
  }

  dispose(): void { for (const d of this.disposables.splice(0)) d.dispose(); }
}

/** Opens the checked text of a Word/PDF/HTML file as a read-only report, optionally at a range. */
export async function openCheckedText(source: vscode.Uri, range?: vscode.Range): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(checkedTextUri(source));
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  return vscode.window.showTextDocument(doc, { preview: false, selection: range });
}

/**
 * When VS Code opens a .docx or .pdf in its text editor (which shows only "binary file" for them), offer once per
 * file and session to import it or to view its checked text. A custom editor (a PDF viewer) is left alone.
 */
export function offerForBinaryFiles(run: { importReport(uri: vscode.Uri): unknown }): vscode.Disposable {
  const offered = new Set<string>();
  const consider = (tab: vscode.Tab) => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || !BINARY_REPORT.test(input.uri.path) || input.uri.scheme === READ_ONLY_SCHEME) return;
    const key = input.uri.toString();
    if (offered.has(key)) return;
    offered.add(key);
    const name = path.posix.basename(input.uri.path);
    const kind = /\.pdf$/i.test(name) ? 'PDF' : 'Word';
    const target = name.replace(/\.[^.]+$/, '') + '.txt';
    const imp = msg('binaryImport'), view = msg('binaryView');
    void vscode.window.showInformationMessage(msg('binaryOffer', name, kind, target), imp, view).then((choice) => {
      if (choice === imp) return run.importReport(input.uri);
      if (choice === view) return openCheckedText(input.uri);
      return undefined;
    });
  };
  for (const g of vscode.window.tabGroups.all) for (const t of g.tabs) consider(t);
  return vscode.window.tabGroups.onDidChangeTabs((e) => { for (const t of [...e.opened, ...e.changed]) consider(t); });
}
