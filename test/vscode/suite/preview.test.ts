// The table preview (webview) in a real workbench: opened beside seed 001, drawn by the webview (counts come
// from its DOM), updated as the text changes, following the cursor and the active editor, and a click on a cell
// (the command the webview's click runs) selecting the cell in the text. Waits are on events, never sleeps.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import type { RenderInfo } from '../../../client/src/preview';
import type { TableViewResult, ViewCell } from '../../../server/src/lsp/protocol';
import { activateExtension, openReport, revertAndClose, SEED001, SEED003, WAIT_MS } from './helpers';

let api: NianbaoApi;

/** Resolves once `check` returns a value: tried now and each time `event` fires; rejects after WAIT_MS. */
function when<T, E>(event: vscode.Event<E>, check: () => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = check();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; preview: ${JSON.stringify(previewState())}`)); }, WAIT_MS);
    const sub = event(() => {
      const v = check();
      if (v !== undefined) { clearTimeout(timer); sub.dispose(); resolve(v); }
    });
  });
}

function previewState(): unknown {
  const c = api.preview.current();
  return c && { uri: c.uri, version: c.view?.version, rendered: c.rendered, cursor: c.cursor, cursorShown: c.cursorShown };
}

/** The view drawn by the webview for this document version. */
function rendered(doc: vscode.TextDocument, pred: (v: TableViewResult, r: RenderInfo) => boolean = () => true): Promise<{ view: TableViewResult; info: RenderInfo }> {
  return when(api.preview.onDidRender, () => {
    const c = api.preview.current();
    if (!c?.view || !c.rendered || c.uri !== doc.uri.toString()) return undefined;
    if (c.view.version !== doc.version || c.rendered.version !== doc.version) return undefined;
    return pred(c.view, c.rendered) ? { view: c.view, info: c.rendered } : undefined;
  }, `the preview of ${doc.uri.path.split('/').pop()} v${doc.version}`);
}

const cells = (v: TableViewResult): ViewCell[] => v.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)));
const cell = (v: TableViewResult, id: string): ViewCell => {
  const c = cells(v).find((x) => x.id === id);
  assert.ok(c, `no cell ${id}`);
  return c;
};

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nianbao.preview'));
}

suite('table preview', () => {
  suiteSetup(async () => {
    api = (await activateExtension()).exports as NianbaoApi;
    assert.ok(api.preview, 'the extension exports the preview API');
  });

  suiteTeardown(async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
  });

  test('opens beside seed 001 and draws 表二, 表三 (25 rows) and 表四 with the official headers', async () => {
    const { doc } = await openReport(SEED001);
    const shown = await vscode.commands.executeCommand<boolean>('nianbao.showPreviewToSide');
    assert.strictEqual(shown, true);
    const { view, info } = await rendered(doc);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${g.viewColumn}:${t.label}:${t.input && (t.input as { viewType?: string }).viewType}`));
    assert.strictEqual(previewTabs().length, 1, `one preview tab; tabs: ${tabs.join(' | ')}`);
    assert.deepStrictEqual(view.tables.map((t) => [t.id, t.status]), [['t2', 'ok'], ['t3', 'ok'], ['t4', 'ok']]);
    const t3 = view.tables[1]!;
    assert.strictEqual(t3.name, '表三 收到和处理政府信息公开申请情况');
    assert.strictEqual(t3.blocks[0]!.rows.length, 25);
    assert.strictEqual(t3.blocks[0]!.header[0]![1]!.text, '申请人情况');
    assert.strictEqual(view.failing, 0);
    // counted in the webview's DOM: every cell drawn, none failing
    assert.strictEqual(info.cells, cells(view).length);
    assert.strictEqual(info.failing, 0);
    // the preview is beside the editor, which keeps the focus
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
  });

  test('a wrong total typed in the text shows as failing with its expected value', async () => {
    const { doc } = await openReport(SEED001);
    const text = doc.getText();
    const line = text.indexOf('(七) 总计\t71');
    assert.ok(line >= 0, 'seed 001 has the (七) 总计 row');
    const at = line + '(七) 总计\t'.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), '72');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const { view, info } = await rendered(doc, (v) => v.failing > 0);
    const c = cell(view, 't3:handled-total:natural');
    assert.strictEqual(c.text, '72');
    assert.strictEqual(c.check, 'fails');
    assert.deepStrictEqual(c.failures!.map((f) => [f.relation, f.expected, f.actual]), [['t3-handled-total', '71', '72']]);
    assert.strictEqual(view.failing, 3, 'the column total, the row total and the carry-over identity');
    assert.strictEqual(info.failing, 3, 'three cells drawn as failing');
  });

  test('a click on a cell selects it in the text', async () => {
    const { doc } = await openReport(SEED001);
    const sel = await vscode.commands.executeCommand<vscode.Selection | undefined>('nianbao.preview.revealCell', 't3:handled-total:natural');
    assert.ok(sel, 'the cell has a place in the text');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), doc.uri.toString());
    assert.strictEqual(editor.document.getText(editor.selection), '72');
    assert.ok(editor.selection.isEqual(sel));
    // a row id selects the row's label
    await vscode.commands.executeCommand('nianbao.preview.revealCell', 't3:carry-forward');
    assert.strictEqual(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), '四、结转下年度继续办理');
  });

  test('follows the cursor: the cell under it is highlighted in the webview', async () => {
    const { doc, editor } = await openReport(SEED001);
    const { view } = await rendered(doc);
    const target = cell(view, 't3:new:total');
    const pos = new vscode.Position(target.place!.range.start.line, target.place!.range.start.character);
    editor.selection = new vscode.Selection(pos, pos);
    const shown = await when(api.preview.onDidShowCursor, () => (api.preview.current()?.cursorShown === 't3:new:total' ? true : undefined), 'the cursor cell in the webview');
    assert.ok(shown);
    assert.deepStrictEqual(api.preview.current()?.cursor, { table: 't3', row: 't3:new', cell: 't3:new:total' });
  });

  test('follows the active report editor', async () => {
    const { doc } = await openReport(SEED003);
    const { view, info } = await rendered(doc);
    const t3 = view.tables.find((t) => t.id === 't3')!;
    assert.strictEqual(t3.status, 'partial', 'seed 003 lacks rows of 表三');
    assert.ok(t3.blocks[0]!.rows.some((r) => r.status === 'missing'));
    assert.strictEqual(info.cells, cells(view).length);
    assert.strictEqual(previewTabs().length, 1, 'still one preview');
    await revertAndClose(doc);
  });

  test('cleanup: seed 001 back as on disk', async () => {
    const { doc } = await openReport(SEED001);
    await revertAndClose(doc);
    assert.ok(!doc.isDirty);
  });
});
