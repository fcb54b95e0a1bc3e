// Protocol tests: the built server (dist/server.js) as a child process, spoken to over stdio (and node IPC)
// with vscode-jsonrpc, the way any LSP client would. Waits are on notifications, never on sleeps.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  CodeLens,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  TextEdit,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { parseReport } from '../../server/src/core';
import type { DiagnosticData, StatusParams, CheckFilesResult, ImportReportResult } from '../../server/src/lsp/protocol';
import { ROOT, SERVER, TestClient } from './lspClient';

function seedText(name = '003_b5a011f3d089b4ff'): string {
  const local = path.join(ROOT, 'test', 'fixtures', 'reports', `${name}.txt`);
  const shared = path.join(ROOT, '..', 'shared', 'seeds', `${name}.txt`);
  return fs.readFileSync(fs.existsSync(local) ? local : shared, 'utf8');
}

function applyLsp(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'nianbao', 0, text), edits);
}

function offsetOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" not found`);
  return i;
}

function pos(text: string, offset: number) {
  return TextDocument.create('x:', 'nianbao', 0, text).positionAt(offset);
}

describe('language server over stdio (dist/server.js)', function () {
  let client: TestClient;
  const uri = 'file:///tmp/nianbao-test/seed003_2023年度报告.txt';
  const text = seedText();

  before(async function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    const started = await TestClient.start({ locale: 'zh-CN' });
    client = started.client;
    const caps = started.init.capabilities;
    assert.ok(caps.codeActionProvider && caps.documentSymbolProvider && caps.hoverProvider && caps.completionProvider && caps.documentFormattingProvider);
    assert.ok(caps.foldingRangeProvider && caps.codeLensProvider && caps.workspaceSymbolProvider);
  });
  after(async () => { await client?.stop(); });

  let diags: Diagnostic[] = [];

  it('publishes diagnostics on open, with code, doc link, source, exact ranges and fixes in data', async () => {
    const since = client.mark();
    await client.open(uri, text, 1);
    const p = await client.diagnostics(uri, 1, since);
    diags = p.diagnostics;
    assert.ok(diags.length > 0, 'expected findings on seed 003');
    for (const d of diags) {
      assert.strictEqual(d.source, 'nianbao');
      assert.strictEqual(typeof d.code, 'string');
      assert.ok(d.codeDescription?.href.startsWith('file://'), 'codeDescription is a file URI');
      assert.ok(d.codeDescription!.href.endsWith(`/docs/rules/${String(d.code)}.md`), d.codeDescription!.href);
      assert.strictEqual((d.data as DiagnosticData).version, 1);
    }
    const typo = diags.find((d) => d.code === 'label-typo');
    assert.ok(typo, 'label-typo on 本年度止件数');
    const doc = TextDocument.create(uri, 'nianbao', 1, text);
    assert.strictEqual(text.slice(doc.offsetAt(typo.range.start), doc.offsetAt(typo.range.end)), '本年度止件数');
    const status = await client.waitFor<StatusParams>('nianbao/status', (s) => s.uri === uri && s.version === 1, 10_000, since);
    assert.strictEqual(status.template, '2021');
    assert.ok(status.counts.error + status.counts.warning > 0);
  });

  let current = text;
  let version = 1;

  it('re-checks after didChange and publishes for the new version only', async () => {
    // Break the row total of 一、本年新收 in 表三: 自然人 0 -> 5.
    const row = offsetOf(current, '本年新收政府信息公开申请数量');
    const cell = offsetOf(current, '\t0', row) + 1;
    const since = client.mark();
    version++;
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: pos(current, cell), end: pos(current, cell + 1) }, text: '5' }],
    });
    current = current.slice(0, cell) + '5' + current.slice(cell + 1);
    const p = await client.diagnostics(uri, version, since);
    assert.ok(p.diagnostics.some((d) => d.code === 'table-balance'), 'table-balance after breaking a total');
    // nothing was published for an older version after the mark
    const stale = client.notifications.slice(since).filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri && (n.params as PublishDiagnosticsParams).version !== version);
    assert.strictEqual(stale.length, 0);
  });

  it('code action: the preferred quick fix repairs the label, and the re-check drops the finding', async () => {
    const p = await client.diagnostics(uri, version);
    const typo = p.diagnostics.find((d) => d.code === 'label-typo')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] },
    });
    const fix = actions.find((a) => a.isPreferred && a.kind === 'quickfix');
    assert.ok(fix, `preferred quickfix among ${actions.map((a) => a.title).join(' | ')}`);
    const tde = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.strictEqual(tde.textDocument.version, version, 'versioned TextDocumentEdit');
    const since = client.mark();
    version++;
    const next = applyLsp(current, tde.edits as TextEdit[]);
    assert.ok(next.includes('本年废止件数'));
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next }] });
    current = next;
    const after = await client.diagnostics(uri, version, since);
    assert.ok(!after.diagnostics.some((d) => d.code === 'label-typo'));
  });

  it('source.fixAll.nianbao returns only preferred, non-overlapping fixes', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    for (const a of actions) assert.strictEqual(a.kind, 'source.fixAll.nianbao');
  });

  it('document symbols: title → sections → tables', async () => {
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(syms.length, 1);
    assert.ok(syms[0].name.includes('政府信息公开'), syms[0].name);
    const names = syms[0].children!.map((s) => s.name);
    assert.ok(names.some((n) => n.startsWith('一、')) && names.some((n) => n.startsWith('三、')), names.join(','));
    const s3 = syms[0].children!.find((s) => s.name.startsWith('三、'))!;
    assert.ok(s3.children!.some((c) => c.name.startsWith('表三')), 'table 3 under section 3');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 3);
    const ws = await client.request<SymbolInformation[]>('workspace/symbol', { query: '表三' });
    assert.ok(ws.some((s) => s.location.uri === uri));
  });

  it('hover on a total cell shows the relation and whether it holds', async () => {
    const row = offsetOf(current, '本年新收政府信息公开申请数量');
    const lineEnd = current.indexOf('\n', row);
    const total = current.lastIndexOf('0', lineEnd); // last cell of the row = 总计
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos(current, total) });
    assert.ok(h, 'hover');
    const md = (h.contents as { value: string }).value;
    assert.ok(md.includes('总计'), md);
    assert.ok(md.includes('不成立'), md);
  });

  it('code lens counts failing relations per table', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.some((l) => /表三：\d+ 处勾稽关系不成立/.test(l.command!.title)), lenses.map((l) => l.command?.title).join(' | '));
  });

  it('completion offers the next heading at the start of a line and row labels in a table', async () => {
    const s5 = offsetOf(current, '五、存在的主要问题及改进情况');
    const line = pos(current, s5).line;
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: line - 1, character: 0 } });
    assert.ok(items.some((i) => i.label.startsWith('四、') || i.label.startsWith('五、')), items.map((i) => i.label).join(','));
    const inTable = offsetOf(current, '2.重复申请');
    const rowItems = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: pos(current, inTable) });
    assert.ok(rowItems.some((i) => i.label === '4.无正当理由大量反复申请'), 'missing row offered');
  });

  it('formatting re-emits fully located tables without changing any value', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
    const formatted = applyLsp(current, edits);
    const before = parseReport(current), after = parseReport(formatted);
    for (const id of ['t2', 't3', 't4'] as const) {
      const vals = (m: typeof before) => (m.tables[id]?.rows ?? []).map((r) => r.key + ':' + r.cells.map((c) => c.value.raw).join(',')).join('|');
      assert.strictEqual(vals(after), vals(before), `values of ${id} unchanged`);
    }
  });

  it('clears diagnostics on close', async () => {
    const since = client.mark();
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    const p = await client.diagnostics(uri, undefined, since);
    assert.strictEqual(p.diagnostics.length, 0);
  });

  it('nianbao/importReport: Word, PDF, web page and GBK text come back as the report `nianbao format` writes; bad files get a reason', async function () {
    this.timeout(60_000);
    const formats = path.join(ROOT, 'test', 'fixtures', 'formats');
    for (const name of ['huaian-2024.docx', 'huaian-2024.pdf', 'shangwu-2020.html', '001-gbk.txt']) {
      const file = path.join(formats, name);
      const res = await client.request<ImportReportResult>('nianbao/importReport', { name, data: fs.readFileSync(file).toString('base64') });
      assert.ok(res.ok, `${name}: ${!res.ok ? res.reason : ''}`);
      // the CLI (another bundle, reading the file itself) prints the same text
      const cli = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'format', file], { encoding: 'utf8' });
      assert.strictEqual(res.text, cli, name);
      assert.strictEqual(res.kind, name.endsWith('.txt') ? 'text' : path.extname(name).slice(1));
      assert.deepStrictEqual(res.tables.map((t) => t.id), ['t2', 't3', 't4'], name);
      assert.ok(res.tables.every((t) => t.status !== 'skipped'), `${name}: ${JSON.stringify(res.tables)}`);
    }
    const gbk = await client.request<ImportReportResult>('nianbao/importReport', { name: '001-gbk.txt', data: fs.readFileSync(path.join(formats, '001-gbk.txt')).toString('base64') });
    assert.ok(gbk.ok && gbk.encoding === 'gb18030' && gbk.text.includes('政府信息公开'));
    const pdf = await client.request<ImportReportResult>('nianbao/importReport', { name: 'huaian-2024.pdf', data: fs.readFileSync(path.join(formats, 'huaian-2024.pdf')).toString('base64') });
    assert.ok(pdf.ok && pdf.text.split('\n').includes('一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119'));
    const bad: [string, Buffer, RegExp][] = [
      ['book.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml')]), /Excel/],
      ['cut.pdf', fs.readFileSync(path.join(formats, 'huaian-2024.pdf')).subarray(0, 600), /PDF/],
      ['empty.docx', Buffer.alloc(0), /empty/],
      ['old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old binary Office/],
    ];
    for (const [name, bytes, reason] of bad) {
      const res = await client.request<ImportReportResult>('nianbao/importReport', { name, data: bytes.toString('base64') });
      assert.ok(!res.ok && reason.test(res.reason), `${name}: ${JSON.stringify(res)}`);
    }
    const none = await client.request<ImportReportResult>('nianbao/importReport', null);
    assert.ok(!none.ok);
  });

  it('guards: binary and over-size documents get one information diagnostic; nothing crashes', async () => {
    const bin = 'file:///tmp/nianbao-test/binary.txt';
    let since = client.mark();
    await client.open(bin, '\u0000\u0001\u0002PK\u0003\u0004\uFFFD'.repeat(100));
    let p = await client.diagnostics(bin, 1, since);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.strictEqual(p.diagnostics[0].severity, 3);
    client.settings = { maxFileSizeKB: 1 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    since = client.mark();
    const big = 'file:///tmp/nianbao-test/big.txt';
    await client.open(big, seedText());
    p = await client.diagnostics(big, 1, since);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.ok(/maxFileSizeKB/.test(p.diagnostics[0].message));
    client.settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    // still alive
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bin } });
    assert.ok(Array.isArray(syms));
  });
});

/** A temporary workspace folder holding one report, with a server started on it; removed afterwards. */
async function inWorkspace(rel: string, text: string, fn: (w: { client: TestClient; dir: string; uri: string }) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ws-'));
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const { client } = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], settings: { debounceMs: 0 } });
  try {
    await fn({ client, dir, uri: pathToFileURL(file).toString() });
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('language server: typing hold-back, settings, locale, workspace config, transports', function () {
  it('holds back findings on the line being typed, then publishes them for the same version', async () => {
    const { client } = await TestClient.start({ initializationOptions: { holdBackMs: 300 }, settings: { debounceMs: 0 } });
    try {
      const uri = 'file:///tmp/nianbao-test/hold.txt';
      let text = seedText();
      let since = client.mark();
      await client.open(uri, text, 1);
      await client.diagnostics(uri, 1, since);
      const row = offsetOf(text, '本年新收政府信息公开申请数量');
      const cell = offsetOf(text, '\t0', row) + 1;
      since = client.mark();
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos(text, cell), end: pos(text, cell + 1) }, text: '7' }] });
      text = text.slice(0, cell) + '7' + text.slice(cell + 1);
      const editedLine = pos(text, cell).line;
      const first = await client.diagnostics(uri, 2, since);
      assert.ok(!first.diagnostics.some((d) => d.range.start.line <= editedLine && d.range.end.line >= editedLine), 'nothing on the edited line at first');
      const later = await client.diagnostics(uri, 2, client.notifications.indexOf(client.notifications.find((n) => n.params === first)!) + 1);
      assert.ok(later.diagnostics.some((d) => d.code === 'table-balance' && d.range.start.line === editedLine), 'held finding published after the delay');
    } finally { await client.stop(); }
  });

  it('nianbao.rules turns a rule off; run=onSave checks only on save; English messages', async () => {
    const { client } = await TestClient.start({ locale: 'en-US', settings: { rules: { 'label-typo': 'off' }, run: 'onSave', debounceMs: 0 } });
    try {
      const uri = 'file:///tmp/nianbao-test/settings.txt';
      const text = seedText();
      let since = client.mark();
      await client.open(uri, text, 1);
      const p = await client.diagnostics(uri, 1, since);
      assert.ok(!p.diagnostics.some((d) => d.code === 'label-typo'));
      assert.ok(p.diagnostics.length > 0 && p.diagnostics.every((d) => /^[A-Z][a-z]/.test(d.message) || /\b[a-z]{3,}\b/.test(d.message)), 'English messages: ' + p.diagnostics.map((d) => d.message).join(' | '));
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n' }] });
      since = client.mark();
      await client.notify('textDocument/didSave', { textDocument: { uri } });
      const saved = await client.diagnostics(uri, 2, since);
      // the only publish after the change is the one caused by the save
      assert.strictEqual(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).version === 2).length, 1);
      assert.ok(saved.diagnostics.length > 0);
    } finally { await client.stop(); }
  });

  it('ignore this rule in this file writes .nianbao.json and re-checks; checkFiles publishes closed files', async () => {
    await inWorkspace(path.join('reports', '铜官区2023年度报告.txt'), seedText(), async ({ client, dir, uri }) => {
      let since = client.mark();
      await client.open(uri, seedText(), 1);
      const p = await client.diagnostics(uri, 1, since);
      const typo = p.diagnostics.find((d) => d.code === 'label-typo')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
      const ignore = actions.find((a) => a.command?.command === 'nianbao.server.ignoreRule' && (a.command.arguments?.[0] as { scope: string }).scope === 'file');
      assert.ok(ignore, actions.map((a) => a.title).join(' | '));
      since = client.mark();
      await client.request('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, '.nianbao.json'), 'utf8')) as { ignore: { rule: string; file?: string }[] };
      assert.deepStrictEqual(cfg.ignore, [{ rule: 'label-typo', file: 'reports/铜官区2023年度报告.txt' }]);
      const again = await client.diagnostics(uri, 1, since);
      assert.ok(!again.diagnostics.some((d) => d.code === 'label-typo'));

      const other = pathToFileURL(path.join(dir, 'other.txt')).toString();
      since = client.mark();
      const res = await client.request<CheckFilesResult>('nianbao/checkFiles', { files: [{ uri: other, text: seedText('001_205104d3919f452a') }] });
      assert.strictEqual(res.files.length, 1);
      const pub = await client.diagnostics(other, undefined, since);
      assert.strictEqual(pub.diagnostics.length, res.files[0].counts.error + res.files[0].counts.warning + res.files[0].counts.information + res.files[0].counts.hint);
    });
  });

  it('the nearest config file applies (not merged with the one above) and "ignore in this file" writes to it', async () => {
    await inWorkspace(path.join('sub', 'deeper', '铜官区2023年度报告.txt'), seedText(), async ({ client, dir, uri }) => {
      fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ ignore: ['label-typo', 'missing-row'] }));
      fs.writeFileSync(path.join(dir, 'sub', '.nianbao.json'), JSON.stringify({ rules: { 'missing-section': 'hint' } }));
      let since = client.mark();
      await client.open(uri, seedText(), 1);
      const p = await client.diagnostics(uri, 1, since);
      assert.ok(p.diagnostics.some((d) => d.code === 'missing-row'), 'the root file is not merged in');
      assert.ok(p.diagnostics.filter((d) => d.code === 'missing-section').every((d) => d.severity === 4) && p.diagnostics.some((d) => d.code === 'missing-section'));
      const typo = p.diagnostics.find((d) => d.code === 'label-typo')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
      const ignore = actions.find((a) => a.command?.command === 'nianbao.server.ignoreRule' && (a.command.arguments?.[0] as { scope: string }).scope === 'file');
      assert.ok(ignore && /sub\/\.nianbao\.json/.test(ignore.title), actions.map((a) => a.title).join(' | '));
      since = client.mark();
      await client.request('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'sub', '.nianbao.json'), 'utf8')) as { rules: unknown; ignore: unknown };
      assert.deepStrictEqual(cfg, { rules: { 'missing-section': 'hint' }, ignore: [{ rule: 'label-typo', file: 'deeper/铜官区2023年度报告.txt' }] });
      const again = await client.diagnostics(uri, 1, since);
      assert.ok(!again.diagnostics.some((d) => d.code === 'label-typo'));
      assert.ok(again.diagnostics.some((d) => d.code === 'missing-row'));
    });
  });

  it('ignore here: one finding is dropped (by its line\'s text), the others of the same rule stay, even after lines move', async () => {
    const text = seedText('000_3d3a2a252aa442c3'); // four label-typo findings on different lines
    await inWorkspace('瀍河2023年度报告.txt', text, async ({ client, dir, uri }) => {
      let since = client.mark();
      await client.open(uri, text, 1);
      const p = await client.diagnostics(uri, 1, since);
      const typos = p.diagnostics.filter((d) => d.code === 'label-typo');
      assert.ok(typos.length >= 3, String(typos.length));
      const target = typos[1];
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
      const here = actions.find((a) => a.command?.command === 'nianbao.server.ignoreRule' && (a.command.arguments?.[0] as { scope: string }).scope === 'here');
      assert.ok(here, actions.map((a) => a.title).join(' | '));
      since = client.mark();
      await client.request('workspace/executeCommand', { command: here.command!.command, arguments: here.command!.arguments });
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, '.nianbao.json'), 'utf8')) as { ignore: { rule: string; file?: string; line?: string }[] };
      assert.strictEqual(cfg.ignore.length, 1);
      assert.strictEqual(cfg.ignore[0].file, '瀍河2023年度报告.txt');
      assert.ok(cfg.ignore[0].line && text.includes(cfg.ignore[0].line));
      const again = await client.diagnostics(uri, 1, since);
      const left = again.diagnostics.filter((d) => d.code === 'label-typo');
      assert.strictEqual(left.length, typos.length - 1);
      assert.ok(!left.some((d) => d.range.start.line === target.range.start.line));
      // two lines inserted at the top: the ignored finding stays ignored
      since = client.mark();
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }] });
      const moved = await client.diagnostics(uri, 2, since, (x) => x.diagnostics.length > 0);
      assert.strictEqual(moved.diagnostics.filter((d) => d.code === 'label-typo').length, typos.length - 1);
    });
  });

  it('add to dictionary: writes the word to .nianbao.json and the rules that read the dictionary accept it', async () => {
    const text = seedText('001_205104d3919f452a');
    await inWorkspace('灤河2023年度报告.txt', text, async ({ client, dir, uri }) => {
      let since = client.mark();
      await client.open(uri, text, 1);
      const p = await client.diagnostics(uri, 1, since);
      const trad = p.diagnostics.filter((d) => d.code === 'traditional-char');
      const target = trad.find((d) => applyLsp(text, []).split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character) === '灤')!;
      assert.ok(target, JSON.stringify(trad.map((d) => d.message)));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
      const add = actions.find((a) => a.command?.command === 'nianbao.server.addWord');
      assert.ok(add, actions.map((a) => a.title).join(' | '));
      since = client.mark();
      await client.request('workspace/executeCommand', { command: add.command!.command, arguments: add.command!.arguments });
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, '.nianbao.json'), 'utf8')) as { words: string[] };
      // the word the character is part of throughout the report, not the character alone
      assert.deepStrictEqual(cfg.words, ['灤河']);
      const again = await client.diagnostics(uri, 1, since);
      const left = again.diagnostics.filter((d) => d.code === 'traditional-char');
      assert.ok(left.length < trad.length, `${left.length} of ${trad.length} left`);
    });
  });

  it('Restricted Mode: the config file is not read, no ignore actions, until trust is granted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ws-'));
    fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ ignore: [{ rule: 'label-typo' }] }));
    const file = path.join(dir, '铜官区2023年度报告.txt');
    fs.writeFileSync(file, seedText());
    const uri = pathToFileURL(file).toString();
    const { client } = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], initializationOptions: { trusted: false }, settings: { debounceMs: 0 } });
    try {
      let since = client.mark();
      await client.open(uri, seedText(), 1);
      const p = await client.diagnostics(uri, 1, since);
      const typo = p.diagnostics.find((d) => d.code === 'label-typo');
      assert.ok(typo, 'config ignored while untrusted');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
      assert.ok(!actions.some((a) => a.command), 'no "ignore" actions in Restricted Mode');
      since = client.mark();
      await client.notify('nianbao/trust', { trusted: true });
      const trusted = await client.diagnostics(uri, 1, since);
      assert.ok(!trusted.diagnostics.some((d) => d.code === 'label-typo'), 'config applies once trusted');
      const rules = await client.request<{ rules: { id: string; title: string; doc: string }[] }>('nianbao/rules', {});
      assert.ok(rules.rules.some((r) => r.id === 'table-balance' && r.doc.endsWith('/docs/rules/table-balance.md')));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves --node-ipc as well as --stdio', async () => {
    const { client, init } = await TestClient.start({ transport: 'ipc' });
    try {
      assert.ok(init.capabilities.documentSymbolProvider);
      const uri = 'file:///tmp/nianbao-test/ipc.txt';
      const since = client.mark();
      await client.open(uri, seedText(), 1);
      const p = await client.diagnostics(uri, 1, since);
      assert.ok(p.diagnostics.length > 0);
    } finally { await client.stop(); }
  });
});
