// Recognition by content: a .txt or .md file (or pasted text) that is not in the nianbao language because of its
// name, but reads as a report (the language server says so from its own parse: title, sections, tables), is offered
// once, in a notification, to be checked as a report; the answer is remembered per workspace. Files that "check
// workspace" checked, and the read-only views of Word/PDF files, get the language without asking.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, READ_ONLY_SCHEME, RecognizeRequest, type RecognizeParams, type RecognizeResult } from '../../server/src/lsp/protocol';
import { msg } from './messages';

export type RecognizeSetting = 'ask' | 'auto' | 'off';
/** What happened to a document (for tests and the output channel). */
export interface RecognizeEvent { uri: string; result?: RecognizeResult; action: 'remembered' | 'auto' | 'asked' | 'accepted' | 'declined' | 'not-a-report' | 'skipped' }

const REPORTS_KEY = 'nianbao.reports';
const ASKED_KEY = 'nianbao.askedReports';
/** Languages whose files are looked at: what VS Code gives .txt and .md files. */
const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);
const CANDIDATE_EXT = /\.(txt|text|md|markdown)$/i;
/** A paste: the text grew or shrank by this many characters since it was last looked at. */
const PASTE_CHARS = 200;
const CHANGE_DELAY_MS = 600;

export class ReportRecognizer implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<RecognizeEvent>();
  /** Length of each document's text when it was last looked at. */
  private readonly lastLength = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Offers shown in this session (not asked twice while the notification may still be open). */
  private readonly offering = new Set<string>();
  readonly onDidRecognize = this.emitter.event;

  constructor(private readonly state: vscode.Memento, private readonly client: () => LanguageClient | undefined, private readonly maxBytes: () => number) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((d) => void this.look(d, false)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidCloseTextDocument((d) => { this.lastLength.delete(d.uri.toString()); this.cancel(d.uri.toString()); }),
    );
  }

  /** Looks at the documents already open (after the language server has started). */
  start(): void {
    for (const d of vscode.workspace.textDocuments) void this.look(d, false);
  }

  setting(uri?: vscode.Uri): RecognizeSetting {
    const v = vscode.workspace.getConfiguration('nianbao', uri).get<string>('recognizeByContent');
    return v === 'auto' || v === 'off' ? v : 'ask';
  }

  /** Files remembered as reports in this workspace. */
  reports(): Set<string> { return new Set(this.state.get<string[]>(REPORTS_KEY, [])); }

  /** Remembers files as reports (checked by "check workspace", or accepted) and gives open ones the language now. */
  async remember(uris: readonly vscode.Uri[]): Promise<void> {
    const known = this.reports();
    const before = known.size;
    for (const u of uris) known.add(u.toString());
    if (known.size !== before) await this.state.update(REPORTS_KEY, [...known]);
    for (const u of uris) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
      if (open && open.languageId !== LANGUAGE_ID) await this.setLanguage(open, 'remembered');
    }
  }

  private async setLanguage(doc: vscode.TextDocument, action: RecognizeEvent['action'], result?: RecognizeResult): Promise<void> {
    if (doc.isClosed || doc.languageId === LANGUAGE_ID) return;
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      this.emitter.fire({ uri: doc.uri.toString(), result, action });
    } catch { /* closed meanwhile */ }
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    if (doc.languageId === LANGUAGE_ID || !CANDIDATE_LANGUAGES.has(doc.languageId)) return false;
    if (doc.uri.scheme === 'untitled') return true;
    return CANDIDATE_EXT.test(doc.uri.path);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    if (!e.contentChanges.length || !this.isCandidate(doc)) return;
    const key = doc.uri.toString();
    const last = this.lastLength.get(key) ?? 0;
    if (Math.abs(doc.getText().length - last) < PASTE_CHARS) return;
    this.cancel(key);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.look(doc, true); }, CHANGE_DELAY_MS));
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Decides for one document: remembered, the read-only view of a Word/PDF file, or asks the server. */
  private async look(doc: vscode.TextDocument, edited: boolean): Promise<void> {
    if (doc.isClosed || doc.languageId === LANGUAGE_ID) return;
    const key = doc.uri.toString();
    if (doc.uri.scheme === READ_ONLY_SCHEME || this.reports().has(key)) return this.setLanguage(doc, 'remembered');
    if (!this.isCandidate(doc)) return;
    const setting = this.setting(doc.uri);
    if (setting === 'off') return;
    const text = doc.getText();
    this.lastLength.set(key, text.length);
    if (!text.trim() || Buffer.byteLength(text, 'utf8') > this.maxBytes()) { this.emitter.fire({ uri: key, action: 'skipped' }); return; }
    const c = this.client();
    if (!c) return;
    let result: RecognizeResult;
    try {
      result = await c.sendRequest<RecognizeResult>(RecognizeRequest, { text } satisfies RecognizeParams);
    } catch { return; }
    if (!result?.report) { this.emitter.fire({ uri: key, result, action: 'not-a-report' }); return; }
    if (doc.isClosed || doc.languageId === LANGUAGE_ID) return;
    if (setting === 'auto') return this.setLanguage(doc, 'auto', result);
    // asked once per file in this workspace (a dismissed offer counts as asked); a paste into a new file is offered
    const asked = new Set(this.state.get<string[]>(ASKED_KEY, []));
    if (this.offering.has(key) || (asked.has(key) && !(edited && doc.uri.scheme === 'untitled'))) return;
    if (doc.uri.scheme !== 'untitled') { asked.add(key); await this.state.update(ASKED_KEY, [...asked]); }
    this.offering.add(key);
    this.emitter.fire({ uri: key, result, action: 'asked' });
    const name = doc.uri.scheme === 'untitled' ? doc.uri.path : path.posix.basename(doc.uri.path);
    const title = result.title ? msg('recognizeTitle', result.title.length > 40 ? result.title.slice(0, 39) + '…' : result.title) : '';
    const yes = msg('recognizeYes'), always = msg('recognizeAuto'), never = msg('recognizeNever');
    const choice = await vscode.window.showInformationMessage(msg('recognizeOffer', name, title), yes, always, never);
    this.offering.delete(key);
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    if (choice === never) {
      await vscode.workspace.getConfiguration('nianbao', doc.uri).update('recognizeByContent', 'off', target);
      this.emitter.fire({ uri: key, result, action: 'declined' });
      return;
    }
    if (choice === always) await vscode.workspace.getConfiguration('nianbao', doc.uri).update('recognizeByContent', 'auto', target);
    if (choice === yes || choice === always) {
      const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) ?? doc;
      await this.setLanguage(current, 'accepted', result);
      if (doc.uri.scheme !== 'untitled') await this.remember([doc.uri]);
      return;
    }
    this.emitter.fire({ uri: key, result, action: 'declined' });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
