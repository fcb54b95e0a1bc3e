// The table preview: a webview beside the editor (like Markdown's preview) drawing 表二, 表三 and 表四 as grids
// with the official headers, the relations that do not hold marked with their expected value. One panel follows
// the active report editor; it updates as the user types (debounced; the view comes from the language server,
// nianbao/tableView) and highlights the cell under the cursor; a click on a cell selects it in the text.
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, TableViewRequest, type StatusParams, type TableViewParams, type TableViewResult, type ViewPlace } from '../../server/src/lsp/protocol';
import { isEnglish, msg } from './messages';
import { locate, renderShell, renderView, type ViewLocation } from './previewHtml';

export const PREVIEW_VIEW_TYPE = 'nianbao.preview';
const UPDATE_DELAY_MS = 250;

/** What the webview reported after drawing an update (counted in its DOM). */
export interface RenderInfo { uri: string; version: number | null; cells: number; failing: number }

/** For tests and other extensions: the preview's state. */
export interface PreviewApi {
  /** The panel's document, the view it shows, what the webview last drew and where the cursor is. Undefined without a panel. */
  current(): { uri: string; view?: TableViewResult; rendered?: RenderInfo; cursor?: ViewLocation; cursorShown?: string | null; visible: boolean } | undefined;
  /** Fires each time the webview has drawn a view. */
  onDidRender: vscode.Event<RenderInfo>;
  /** Fires each time the webview has shown a cursor position (the id of the highlighted cell, or null). */
  onDidShowCursor: vscode.Event<string | null>;
  /** Asks the server for the view now and resolves once it has been sent to the webview. */
  refresh(): Promise<TableViewResult | undefined>;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; uri: string; version: number | null; cells: number; failing: number }
  | { type: 'cursorShown'; cell: string | null }
  | { type: 'reveal'; cell?: string; row?: string };

function toRange(p: ViewPlace): vscode.Range {
  return new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);
}

export class TablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private view: TableViewResult | undefined;
  private error: string | undefined;
  private ready = false;
  private rendered: RenderInfo | undefined;
  private cursor: ViewLocation | undefined;
  private cursorShown: string | null | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requestSeq = 0;
  private appliedSeq = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly renderEmitter = new vscode.EventEmitter<RenderInfo>();
  private readonly cursorEmitter = new vscode.EventEmitter<string | null>();

  constructor(private readonly client: () => LanguageClient | undefined, onStatus: vscode.Event<StatusParams>) {
    this.disposables.push(
      this.renderEmitter,
      this.cursorEmitter,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!this.panel || !e || e.document.languageId !== LANGUAGE_ID) return;
        if (e.document.uri.toString() !== this.uri?.toString()) this.setDocument(e.document.uri);
        this.followCursor(e);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.contentChanges.length && this.isMine(e.document.uri)) this.schedule(UPDATE_DELAY_MS);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (!this.panel) return;
        if (this.isMine(d.uri)) { this.schedule(0); return; }
        // the active editor's document became a report ("treat as report", recognition by content after a paste):
        // VS Code reopens it with the new language, the editor stays the same, so no active-editor event comes
        const active = vscode.window.activeTextEditor;
        if (d.languageId === LANGUAGE_ID && active && active.document.uri.toString() === d.uri.toString()) {
          this.setDocument(d.uri);
          this.followCursor(active);
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && this.isMine(e.textEditor.document.uri)) this.followCursor(e.textEditor);
      }),
      onStatus((s) => {
        // a new analysis (after an edit, a settings or config change, a restart): findings may have changed
        if (this.panel && this.uri?.toString() === s.uri) this.schedule(50);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('nianbao')) this.schedule(0);
      }),
    );
  }

  readonly api: PreviewApi = {
    current: () => (this.panel && this.uri
      ? { uri: this.uri.toString(), view: this.view, rendered: this.rendered, cursor: this.cursor, cursorShown: this.cursorShown, visible: this.panel.visible }
      : undefined),
    onDidRender: this.renderEmitter.event,
    onDidShowCursor: this.cursorEmitter.event,
    refresh: () => this.refresh(),
  };

  private isMine(uri: vscode.Uri): boolean {
    return !!this.uri && uri.toString() === this.uri.toString();
  }

  /** Opens (or reveals) the preview of a report: the given one, else the active editor's. */
  async show(toSide: boolean, target?: vscode.Uri): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    let uri = target instanceof vscode.Uri ? target : undefined;
    if (!uri && editor) {
      if (editor.document.languageId !== LANGUAGE_ID) { void vscode.window.showInformationMessage(msg('notReport')); return false; }
      uri = editor.document.uri;
    }
    if (!uri) { void vscode.window.showInformationMessage(msg('noEditor')); return false; }
    // from the explorer or a tab's context menu: the server reads the report once it is open
    if (target) await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
    const column = toSide ? vscode.ViewColumn.Beside : editor?.viewColumn ?? vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.reveal(toSide ? undefined : column, toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, msg('previewTitle', path.posix.basename(uri.path)), { viewColumn: column, preserveFocus: toSide }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.attach(panel);
    }
    this.setDocument(uri);
    await this.refresh();
    return true;
  }

  /** Takes over a panel (a new one, or one restored by VS Code after a reload). */
  attach(panel: vscode.WebviewPanel, uri?: vscode.Uri): void {
    this.detach();
    this.panel = panel;
    this.ready = false;
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    this.panelDisposables.push(
      panel.onDidDispose(() => { if (this.panel === panel) this.detach(false); }),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => { if (panel.visible) this.schedule(0); }),
    );
    this.renderShell();
    if (uri) { this.setDocument(uri); this.schedule(0); }
  }

  private detach(dispose = true): void {
    const p = this.panel;
    this.panel = undefined;
    this.uri = undefined;
    this.view = undefined;
    this.rendered = undefined;
    this.cursor = undefined;
    this.cursorShown = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    if (dispose && p) p.dispose();
  }

  private renderShell(): void {
    if (!this.panel) return;
    this.ready = false;
    this.panel.webview.html = renderShell({
      nonce: randomBytes(16).toString('hex'),
      cspSource: this.panel.webview.cspSource,
      en: isEnglish(),
      title: this.panel.title,
    });
  }

  private setDocument(uri: vscode.Uri): void {
    if (!this.panel) return;
    if (this.uri?.toString() !== uri.toString()) {
      this.uri = uri;
      this.view = undefined;
      this.error = undefined;
      this.cursor = undefined;
      this.panel.title = msg('previewTitle', path.posix.basename(uri.path));
      this.post();
      this.schedule(0);
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, ms);
  }

  /** Requests the view of the current document and sends it to the webview; the newest answer wins. */
  async refresh(): Promise<TableViewResult | undefined> {
    const uri = this.uri;
    const c = this.client();
    if (!uri || !this.panel) return undefined;
    if (!c) { this.error = msg('previewNoServer'); this.post(); return undefined; }
    const seq = ++this.requestSeq;
    try {
      const params: TableViewParams = { uri: uri.toString() };
      const view = await c.sendRequest<TableViewResult | null>(TableViewRequest, params);
      if (seq < this.appliedSeq || !this.isMine(uri)) return this.view;
      this.appliedSeq = seq;
      this.view = view ?? undefined;
      this.error = view ? undefined : msg('previewFailed');
    } catch (e) {
      if (seq < this.appliedSeq || !this.isMine(uri)) return this.view;
      this.appliedSeq = seq;
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.post();
    const editor = vscode.window.visibleTextEditors.find((ed) => this.isMine(ed.document.uri));
    if (editor) this.followCursor(editor);
    return this.view;
  }

  private post(): void {
    if (!this.panel || !this.ready) return;
    const html = renderView(this.view, { en: isEnglish(), fileName: this.uri ? path.posix.basename(this.uri.path) : undefined, error: this.error });
    void this.panel.webview.postMessage({ type: 'update', html, uri: this.uri?.toString(), version: this.view?.version ?? null });
  }

  private followCursor(editor: vscode.TextEditor): void {
    if (!this.panel || !this.view || !this.isMine(editor.document.uri)) return;
    const at = locate(this.view, editor.document.offsetAt(editor.selection.active));
    const same = JSON.stringify(at) === JSON.stringify(this.cursor);
    this.cursor = at;
    if (!same && this.ready) void this.panel.webview.postMessage({ type: 'cursor', at: at ?? null });
  }

  private onMessage(raw: unknown): void {
    if (!raw || typeof raw !== 'object') return;
    const m = raw as FromWebview;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post();
        if (this.cursor) void this.panel?.webview.postMessage({ type: 'cursor', at: this.cursor });
        if (!this.view) this.schedule(0);
        break;
      case 'rendered':
        this.rendered = { uri: String(m.uri), version: typeof m.version === 'number' ? m.version : null, cells: Number(m.cells) || 0, failing: Number(m.failing) || 0 };
        this.renderEmitter.fire(this.rendered);
        break;
      case 'cursorShown':
        this.cursorShown = typeof m.cell === 'string' ? m.cell : null;
        this.cursorEmitter.fire(this.cursorShown);
        break;
      case 'reveal':
        void this.reveal(typeof m.cell === 'string' ? m.cell : undefined, typeof m.row === 'string' ? m.row : undefined);
        break;
    }
  }

  /**
   * Selects a cell (or a row's label) of the preview in the text, as a click on it does. Ids are keys
   * (表, row, column), so a view older than the document is refreshed first and the place is still right.
   */
  async reveal(cell?: string, row?: string): Promise<vscode.Selection | undefined> {
    const uri = this.uri;
    if (!uri || (!cell && !row)) return undefined;
    const doc = await vscode.workspace.openTextDocument(uri);
    if (this.view && this.view.version !== doc.version) await this.refresh();
    const place = this.placeOf(cell, row);
    if (!place) return undefined;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false, preview: false });
    const range = doc.validateRange(toRange(place));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor.selection;
  }

  private placeOf(cell?: string, row?: string): ViewPlace | undefined {
    for (const t of this.view?.tables ?? []) {
      for (const b of t.blocks) {
        for (const r of b.rows) {
          if (row && r.id === row) return r.labelPlace ?? r.place;
          if (cell) { const c = r.cells.find((x) => x.id === cell); if (c) return c.place; }
        }
      }
    }
    return undefined;
  }

  /** The display language changed: the page's own words are drawn again. */
  relocalize(): void {
    if (!this.panel) return;
    if (this.uri) this.panel.title = msg('previewTitle', path.posix.basename(this.uri.path));
    this.renderShell();
  }

  dispose(): void {
    this.detach();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Restores the preview after a window reload (its state holds the document's uri). */
export function previewSerializer(preview: TablePreview): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const s = state as { uri?: unknown } | undefined;
      const uri = typeof s?.uri === 'string' ? vscode.Uri.parse(s.uri) : undefined;
      if (uri) await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
      preview.attach(panel, uri);
    },
  };
}
