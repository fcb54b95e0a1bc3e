// Client commands and features through VS Code's own command API (written with the language server):
// checkWorkspace, newReport, importReport, fixAll, restartServer, hover/completion/formatting/folding/workspace symbols,
// and the "ignore this rule" quick fix (a server command) after a restart. Waits are on events, never sleeps.
// To run it, add ['commands.test.ts', () => require('./commands.test')] to TEST_FILES in index.ts.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

interface Status { uri: string; version: number | null; template: string | null; counts: { error: number; warning: number; information: number; hint: number } }
interface Api { onDidChangeStatus: vscode.Event<Status>; status(uri: string): Status | undefined }
let api: Api;
const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const seed = (n: string) => vscode.Uri.file(path.join(root(), n));
const S1 = 'seed001_灤河回族区人民政府2023年度报告.txt';
const S3 = 'seed003_铜官区经信局2023年度报告.txt';

function nextStatus(uri: string, pred: (s: Status) => boolean = () => true): Promise<Status> {
  const now = api.status(uri);
  if (now && pred(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { sub.dispose(); reject(new Error('no status for ' + uri)); }, 30_000);
    const sub = api.onDidChangeStatus((s) => { if (s.uri === uri && pred(s)) { clearTimeout(t); sub.dispose(); resolve(s); } });
  });
}

suite('client commands', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('nianbao.nianbao')!;
    api = (await ext.activate()) as Api;
  });

  test('checkWorkspace fills the Problems panel for files that are not open', async () => {
    const res = await vscode.commands.executeCommand<{ files: { uri: string }[] }>('nianbao.checkWorkspace');
    console.log('checked', res.files.map((f) => path.basename(vscode.Uri.parse(f.uri).fsPath)));
    assert.ok(res.files.length >= 2);
    const d = vscode.languages.getDiagnostics(seed(S3)).filter((x) => x.source === 'nianbao');
    assert.ok(d.length >= 3, `diagnostics of closed seed003: ${d.length}`);
  });

  test('newReport opens an untitled 2021 skeleton whose only findings are its unfilled parts', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('nianbao.newReport', 2023, '某某市某某局');
    assert.strictEqual(editor.document.languageId, 'nianbao');
    assert.ok(editor.document.getText().startsWith('某某市某某局2023年政府信息公开工作年度报告'));
    // (the inserted template is one big edit: its findings are held back briefly, as for typing)
    const s = await nextStatus(editor.document.uri.toString(), (x) => x.version === editor.document.version && x.counts.warning > 0);
    assert.strictEqual(s.template, '2021');
    // three （文字描述…） placeholders and section 六 without the fee sentence (placeholder, fee-report: warnings)
    assert.deepStrictEqual(s.counts, { error: 0, warning: 4, information: 0, hint: 0 });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    console.log('lenses', lenses.map((l) => l.command?.title));
    assert.strictEqual(lenses.length, 3);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('importReport: a Word file and a PDF become NAME.txt beside them, opened as reports with canonical tables', async () => {
    const ext = vscode.extensions.getExtension('nianbao.nianbao')!;
    for (const name of ['huaian-2024.docx', 'huaian-2024.pdf']) {
      const source = vscode.Uri.file(path.join(root(), 'import', name));
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(ext.extensionUri, 'test', 'fixtures', 'formats', name), source, { overwrite: true });
      const target = await vscode.commands.executeCommand<vscode.Uri>('nianbao.importReport', source, { overwrite: true });
      assert.ok(target, `${name}: a report was written`);
      assert.strictEqual(path.basename(target.fsPath), 'huaian-2024.txt');
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), target.toString());
      assert.strictEqual(editor.document.languageId, 'nianbao');
      const lines = editor.document.getText().split('\n');
      assert.ok(lines.includes('一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119'), 'canonical 表三 row');
      assert.ok(lines.includes('规章\t1\t0\t11'), 'canonical 表二 row');
      const onDisk = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
      assert.strictEqual(onDisk, editor.document.getText());
      const s = await nextStatus(target.toString());
      assert.strictEqual(s.template, '2021');
      const balance = vscode.languages.getDiagnostics(target).filter((d) => d.source === 'nianbao' && (typeof d.code === 'object' ? d.code.value : d.code) === 'table-balance');
      assert.strictEqual(balance.length, 0, 'the 淮安 tables balance');
    }
    // an existing report is left alone when the user does not replace it
    const target = vscode.Uri.file(path.join(root(), 'import', 'huaian-2024.txt'));
    await vscode.workspace.fs.writeFile(target, Buffer.from('mine\n'));
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('nianbao.importReport', vscode.Uri.file(path.join(root(), 'import', 'huaian-2024.docx')), { overwrite: false });
    assert.strictEqual(again, undefined);
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'), 'mine\n');
    // a file that cannot be read writes nothing
    const bad = vscode.Uri.file(path.join(root(), 'import', 'old.doc'));
    await vscode.workspace.fs.writeFile(bad, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    assert.strictEqual(await vscode.commands.executeCommand('nianbao.importReport', bad), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.file(path.join(root(), 'import', 'old.txt')))));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('createConfig opens the workspace config file, creating it with every key when there is none, never overwriting', async () => {
    const uri = vscode.Uri.file(path.join(root(), '.nianbao.json'));
    const before = await vscode.workspace.fs.readFile(uri).then((b) => Buffer.from(b).toString('utf8'), () => undefined);
    const got = await vscode.commands.executeCommand<vscode.Uri>('nianbao.createConfig');
    assert.strictEqual(got?.toString(), uri.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    if (before === undefined) {
      assert.deepStrictEqual(JSON.parse(text), { rules: {}, words: [], ignore: [] });
      // a second call opens the file as it is now
      await vscode.workspace.fs.writeFile(uri, Buffer.from('{ "words": ["瀍河"] }\n'));
      await vscode.commands.executeCommand('nianbao.createConfig');
      assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'), '{ "words": ["瀍河"] }\n');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    } else {
      assert.strictEqual(text, before);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('hover, completion, formatting, folding through VS Code', async () => {
    const doc = await vscode.workspace.openTextDocument(seed(S1));
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const row = text.indexOf('本年新收政府信息公开申请数量');
    const lineEnd = text.indexOf('\n', row);
    const lastDigit = text.slice(row, lineEnd).search(/\d+\s*$/) + row;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(lastDigit));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    console.log('hover:', md.replace(/\n+/g, ' ⏎ '));
    assert.ok(md.includes('holds') || md.includes('成立'));
    const s5 = doc.positionAt(text.indexOf('五、存在'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(s5.line - 1, 0));
    console.log('completion:', list.items.slice(0, 5).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: false });
    console.log('formatting edits:', edits?.length);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    console.log('folding ranges:', folds.length);
    assert.ok(folds.length >= 6);
    const ws = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '表三');
    console.log('workspace symbols 表三:', ws.length);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('fixAll applies the preferred fixes of the active report', async () => {
    const doc = await vscode.workspace.openTextDocument(seed(S3));
    await vscode.window.showTextDocument(doc);
    await nextStatus(doc.uri.toString(), (s) => s.version === doc.version);
    try {
      // every preferred fix of the report (the label wording, and whatever else is safe) in one go
      // (options skip the choice of rules and the refactor preview, which wait for a person)
      const n = await vscode.commands.executeCommand<number>('nianbao.fixAll', { preview: false });
      assert.ok(n >= 1, String(n));
      assert.ok(doc.getText().includes('本年废止件数'));
      assert.ok(!doc.getText().includes('本年度止件数'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('restartServer brings diagnostics back', async () => {
    const doc = await vscode.workspace.openTextDocument(seed(S3));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('nianbao.restartServer');
    const s = await nextStatus(doc.uri.toString(), (x) => x.counts.error > 0);
    assert.ok(s.counts.error > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

suite('client: ignore after restart', () => {
  test('the ignore quick fix (server command) works after a restart and writes .nianbao.json', async () => {
    await vscode.commands.executeCommand('nianbao.restartServer');
    const doc = await vscode.workspace.openTextDocument(seed(S3));
    await vscode.window.showTextDocument(doc);
    const typo = await new Promise<vscode.Diagnostic>((resolve, reject) => {
      const find = () => vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'label-typo');
      const now = find(); if (now) return resolve(now);
      const t = setTimeout(() => reject(new Error('no label-typo')), 30_000);
      const sub = vscode.languages.onDidChangeDiagnostics(() => { const d = find(); if (d) { clearTimeout(t); sub.dispose(); resolve(d); } });
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, typo.range);
    const ignore = actions.find((a) => a.command?.command === 'nianbao.server.ignoreRule' && a.title.includes('this file'));
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    const gone = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('label-typo still there')), 30_000);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (!vscode.languages.getDiagnostics(doc.uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'label-typo')) { clearTimeout(t); sub.dispose(); resolve(); }
      });
    });
    await vscode.commands.executeCommand(ignore.command!.command, ...(ignore.command!.arguments ?? []));
    await gone;
    const cfg: { ignore: { rule: string; file?: string }[] } = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(root(), '.nianbao.json')))).toString('utf8'));
    console.log('.nianbao.json', JSON.stringify(cfg));
    assert.strictEqual(cfg.ignore[0].rule, 'label-typo');
    // Clean up so later suites see label-typo again: delete the config and wait for the finding to return.
    const back = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('label-typo did not come back')), 30_000);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (vscode.languages.getDiagnostics(doc.uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'label-typo')) { clearTimeout(t); sub.dispose(); resolve(); }
      });
    });
    await vscode.workspace.fs.delete(vscode.Uri.file(path.join(root(), '.nianbao.json')));
    await back;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
