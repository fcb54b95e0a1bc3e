// The editor as a report writer meets it (issue 22, and the editor rows of issue 25), in the real workbench:
// a report whose name says nothing and whose title wraps gets the language by its content; a .docx is checked by
// "check workspace" and its finding opens, read-only, at its place in the checked text; the new-report flow saves a
// …年度报告.txt whose unfilled placeholders are reported; the preview follows a document that becomes a report; the
// per-rule settings name each rule in both languages. (What needs the screen — the Explorer's context menu, the
// notification's buttons, the ambiguous-character boxes, a rule page — is in test/vscode/run.mjs --ui-editor.)
// Waits are on events, never sleeps.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import type { RecognizeEvent } from '../../../client/src/recognize';
import { activateExtension, codeOf, LANGUAGE_ID, nianbaoDiagnostics, openReport, revertAndClose, SEED001, WAIT_MS, waitForDiagnostics, workspaceRoot } from './helpers';

let api: NianbaoApi;
const ext = () => vscode.extensions.getExtension('nianbao.nianbao')!;
let n = 0;
/** A fresh copy of a file of the extension's repository in the workspace, under a name no test used before. */
async function copyIn(from: string, name: string): Promise<vscode.Uri> {
  const target = vscode.Uri.file(path.join(workspaceRoot(), 'editor-test', `${n++}-${name}`));
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(ext().extensionUri, from), target, { overwrite: true });
  return target;
}

function event<T>(ev: vscode.Event<T>, pred: (e: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)); }, WAIT_MS);
    const sub = ev((e) => { if (pred(e)) { clearTimeout(timer); sub.dispose(); resolve(e); } });
  });
}

function recognized(uri: vscode.Uri, action: RecognizeEvent['action']): Promise<RecognizeEvent> {
  return event(api.onDidRecognize, (e) => e.uri === uri.toString() && e.action === action, `recognition "${action}" of ${path.basename(uri.path)}`);
}

/** The document of `uri` once it has the nianbao language (now, or when VS Code reopens it with it). */
function inReportLanguage(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID);
  if (now) return Promise.resolve(now);
  return event(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID, `the nianbao language on ${path.basename(uri.path)}`);
}

async function setRecognition(value: 'ask' | 'auto' | 'off' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('nianbao').update('recognizeByContent', value, vscode.ConfigurationTarget.Workspace);
}

suite('editor: recognition, Word files, new report, preview, settings', () => {
  suiteSetup(async () => { api = (await activateExtension()).exports as NianbaoApi; });
  suiteTeardown(async () => {
    await setRecognition(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.file(path.join(workspaceRoot(), 'editor-test')), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('a report named wrapped-title.txt, its title wrapped after a breadcrumb, gets the language by its content', async () => {
    await setRecognition('auto');
    const uri = await copyIn('test/vscode/workspace/wrapped-title.txt', 'wrapped-title.txt');
    const auto = recognized(uri, 'auto');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'plaintext', 'precondition: its name gives it no language');
    await vscode.window.showTextDocument(doc);
    const e = await auto;
    assert.ok(e.result?.report && e.result.tables >= 2 && e.result.sections >= 5, JSON.stringify(e.result));
    const report = await inReportLanguage(uri);
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics of the recognised report');
    assert.ok(ds.some((d) => codeOf(d) === 'traditional-char'), 'checked like any report (灤 is flagged)');
    assert.strictEqual(report.languageId, LANGUAGE_ID);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('with the default (ask), the same file is offered once, not given the language; a plain text is not offered', async () => {
    await setRecognition('ask');
    const uri = await copyIn('test/vscode/workspace/wrapped-title.txt', 'ask.txt');
    const asked = recognized(uri, 'asked');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await asked;
    assert.strictEqual(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'plaintext');
    // a text that is not a report: looked at, not offered
    const plain = vscode.Uri.file(path.join(workspaceRoot(), 'editor-test', `${n++}-notes.txt`));
    await vscode.workspace.fs.writeFile(plain, Buffer.from('会议纪要\n一、总体情况\n今天开会讨论政府信息公开工作。\n'));
    const no = recognized(plain, 'not-a-report');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    const e = await no;
    assert.strictEqual(e.result?.report, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('check workspace checks a .docx; its finding opens, read-only, as a report at its place in the checked text', async () => {
    const docx = await copyIn('test/fixtures/formats/huaian-2024.docx', '淮安市人民政府2024年度报告.docx');
    const res = await vscode.commands.executeCommand<{ files: { uri: string; report: boolean }[] }>('nianbao.checkWorkspace');
    const view = res.files.find((f) => { const u = vscode.Uri.parse(f.uri, true); return u.scheme === 'nianbao-text' && u.path === docx.path; });
    assert.ok(view, `the .docx among the checked files: ${res.files.map((f) => decodeURIComponent(f.uri)).join(', ')}`);
    const viewUri = vscode.Uri.parse(view.uri, true);
    assert.strictEqual(path.basename(viewUri.path), path.basename(docx.path), 'the Problems panel names the .docx');
    const ds = nianbaoDiagnostics(viewUri);
    assert.ok(ds.length > 0, 'findings of the .docx in the Problems panel');
    const target = ds.find((d) => !d.range.isEmpty) ?? ds[0];
    // what a click on the problem does: open its resource at its range
    const editor = await vscode.window.showTextDocument(viewUri, { selection: target.range });
    const doc = await inReportLanguage(viewUri);
    assert.strictEqual(editor.document.uri.toString(), viewUri.toString());
    assert.ok(editor.selection.isEqual(new vscode.Selection(target.range.start, target.range.end)), 'at the finding');
    // the open document is the checked text: checked again, the same findings at the same places
    const again = await waitForDiagnostics(viewUri, (d) => d.length === ds.length && d.every((x, i) => x.range.isEqual(ds[i]!.range) && codeOf(x) === codeOf(ds[i]!)), 'the same findings for the open view');
    assert.strictEqual(again.length, ds.length);
    // the view is the text `nianbao text FILE` prints: the one the positions of `nianbao check` refer to
    const cli = execFileSync(process.execPath, [path.join(ext().extensionPath, 'bin', 'nianbao.js'), 'text', docx.fsPath], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.strictEqual(doc.getText(), cli);
    // a view of a file, not a file: Save As is the way to a text report (nothing to save here)
    assert.strictEqual(doc.isUntitled, false);
    assert.strictEqual(doc.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('new report: the untitled report saves as …年度报告.txt, and its unfilled placeholders are reported', async () => {
    const folder = vscode.Uri.file(path.join(workspaceRoot(), 'editor-test'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('nianbao.newReport', 2024, '某某县某某局', folder);
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'untitled');
    assert.strictEqual(path.basename(doc.uri.path), '某某县某某局2024年政府信息公开工作年度报告.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'placeholder').length === 3, 'three placeholder warnings');
    assert.ok(ds.some((d) => codeOf(d) === 'fee-report'), 'section 六 does not yet say whether fees were charged');
    assert.ok(!doc.getText().includes('未收取信息处理费'), 'the fee sentence is not pre-filled');
    for (const d of ds.filter((x) => codeOf(x) === 'placeholder')) assert.ok(d.message.includes('（文字描述'), d.message);
    // saved where its name says, a .txt: a report for VS Code, "check workspace" and `nianbao check` alike
    const saved = vscode.Uri.file(path.join(folder.fsPath, '某某县某某局2024年政府信息公开工作年度报告.txt'));
    const opened = event(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === saved.toString(), 'the saved file');
    assert.ok(await doc.save(), 'saved without a dialog');
    const file = await opened;
    assert.strictEqual(file.languageId, LANGUAGE_ID, 'the saved .txt is a report by its name');
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(saved)).toString('utf8');
    assert.ok(onDisk.startsWith('某某县某某局2024年政府信息公开工作年度报告'));
    await waitForDiagnostics(saved, (d) => d.filter((x) => codeOf(x) === 'placeholder').length === 3, 'the saved report still has its placeholders');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the preview follows a document that becomes a report (treat as report; a pasted report recognised)', async () => {
    await setRecognition('ask');
    const { doc: seed } = await openReport(SEED001);
    await vscode.commands.executeCommand('nianbao.showPreviewToSide');
    await event(api.preview.onDidRender, () => api.preview.current()?.uri === seed.uri.toString(), 'the preview of seed 001');
    // a plain .txt becomes a report by the command
    const uri = await copyIn('test/vscode/workspace/wrapped-title.txt', 'treat.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One });
    assert.strictEqual(api.preview.current()?.uri, seed.uri.toString(), 'a plain text is not previewed');
    const follows = event(api.preview.onDidRender, (r) => r.uri === uri.toString() && r.cells > 0, 'the preview of the file that became a report');
    await vscode.commands.executeCommand('nianbao.setLanguage');
    const r = await follows;
    assert.ok(r.cells > 50, `${r.cells} cells drawn`);
    // a report pasted into a new untitled file, recognised (auto)
    await setRecognition('auto');
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const ed = await vscode.window.showTextDocument(untitled, { viewColumn: vscode.ViewColumn.One });
    const pasted = event(api.preview.onDidRender, (x) => x.uri === untitled.uri.toString() && x.cells > 0, 'the preview of the pasted report');
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), seed.getText()));
    await pasted;
    assert.strictEqual(api.preview.current()?.uri, untitled.uri.toString());
    await setRecognition('ask');
    await revertAndClose(vscode.workspace.textDocuments.find((d) => d.uri.toString() === untitled.uri.toString())!);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('settings: every nianbao setting\'s description opens with its name, and every rule of nianbao.rules has a description beside its id, in the display language', async () => {
    const pkg = ext().packageJSON as { contributes: { configuration: { properties: Record<string, { markdownDescription?: string; properties?: Record<string, { description?: string }> }> } } };
    const props = pkg.contributes.configuration.properties;
    const keys = Object.keys(props);
    assert.ok(keys.length >= 10, keys.join());
    // VS Code replaces %key% with the display language's text when it reads the manifest: no key is left over
    for (const k of keys) assert.ok(props[k].markdownDescription && /^\*\*[^%*]+\*\*/.test(props[k].markdownDescription!), `${k}: ${props[k].markdownDescription}`);
    const rules = props['nianbao.rules'].properties!;
    assert.ok(Object.keys(rules).length >= 27);
    for (const [id, r] of Object.entries(rules)) assert.ok(r.description && !/^%.*%$/.test(r.description) && r.description.length > 10, `${id}: ${r.description}`);
    console.log('display language', vscode.env.language, '| nianbao.rules › table-balance:', rules['table-balance'].description);
  });
});
