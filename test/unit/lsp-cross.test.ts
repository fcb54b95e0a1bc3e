// Issue 4 in the editor: cross-report findings between open reports, and hover on figures in the prose.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { parseReport } from '../../server/src/core';
import { applyEdits, loadReport } from './helpers';
import { ROOT, SERVER, TestClient } from './lspClient';

describe('language server: across reports and prose figures', function () {
  let client: TestClient;
  const now = loadReport('huaian-2024-pdf-tabs');
  const nowUri = 'file:///tmp/nianbao-cross/淮安2024年度报告.txt';
  const lastUri = 'file:///tmp/nianbao-cross/淮安2023年度报告.txt';
  /** Last year's report, carrying forward 35 (this year says 34 carried over). */
  function lastYear(): string {
    const t = now.replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告');
    const carry = parseReport(t).tables.t3!.rows.find((r) => r.key === 'carry-forward')!.cells[0];
    return applyEdits(t, [{ start: carry.start, end: carry.end, newText: '35' }]);
  }

  before(async function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    client = (await TestClient.start({ locale: 'zh-CN' })).client;
  });
  after(async () => { await client?.stop(); });

  it('opening last year\'s report brings carry-over and copied-text into this year\'s diagnostics', async () => {
    let since = client.mark();
    await client.open(nowUri, now, 1);
    const first = await client.diagnostics(nowUri, 1, since);
    assert.ok(!first.diagnostics.some((d) => d.code === 'carry-over'));
    since = client.mark();
    await client.open(lastUri, lastYear(), 1);
    const again = await client.diagnostics(nowUri, 1, since, (p) => p.diagnostics.some((d) => d.code === 'carry-over'));
    const carry = again.diagnostics.find((d) => d.code === 'carry-over' && d.severity === 2)!;
    assert.strictEqual(carry.relatedInformation?.[0].location.uri, lastUri);
    const lastDoc = TextDocument.create(lastUri, 'nianbao', 1, lastYear());
    assert.strictEqual(lastDoc.getText(carry.relatedInformation![0].location.range), '35');
    assert.ok(again.diagnostics.some((d) => d.code === 'copied-text'));
  });

  it('hover on a figure in the prose names its cell and whether it agrees', async () => {
    const at = now.indexOf('3119 件');
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: nowUri }, position: TextDocument.create(nowUri, 'nianbao', 1, now).positionAt(at + 1) });
    assert.ok(h);
    const md = (h.contents as { value: string }).value;
    assert.ok(md.includes('本年新收申请') && md.includes('3119') && md.includes('✓'), md);
  });

  it('issue 18: "ignore this rule here" on a carry-over finding suppresses it (cross-report findings pass the same ignores)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cross-'));
    const nowFile = path.join(dir, '淮安2024年度报告.txt'), lastFile = path.join(dir, '淮安2023年度报告.txt');
    fs.writeFileSync(nowFile, now);
    fs.writeFileSync(lastFile, lastYear());
    const u = (f: string) => pathToFileURL(f).toString();
    const ws = (await TestClient.start({ workspaceFolders: [{ uri: u(dir), name: 'ws' }], settings: { debounceMs: 0 } })).client;
    try {
      await ws.open(u(lastFile), lastYear(), 1);
      let since = ws.mark();
      await ws.open(u(nowFile), now, 1);
      const p = await ws.diagnostics(u(nowFile), 1, since, (x) => x.diagnostics.some((d) => d.code === 'carry-over'));
      const carry = p.diagnostics.filter((d) => d.code === 'carry-over');
      const target = carry[0];
      const actions = await ws.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u(nowFile) }, range: target.range, context: { diagnostics: [target] } });
      const here = actions.find((a) => a.command?.command === 'nianbao.server.ignoreRule' && (a.command.arguments?.[0] as { scope: string }).scope === 'here');
      assert.ok(here, actions.map((a) => a.title).join(' | '));
      since = ws.mark();
      await ws.request('workspace/executeCommand', { command: here.command!.command, arguments: here.command!.arguments });
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, '.nianbao.json'), 'utf8')) as { ignore: { rule: string; line?: string }[] };
      assert.deepStrictEqual(cfg.ignore.map((e) => e.rule), ['carry-over']);
      const again = await ws.diagnostics(u(nowFile), 1, since);
      const left = again.diagnostics.filter((d) => d.code === 'carry-over');
      assert.ok(!left.some((d) => d.range.start.line === target.range.start.line), JSON.stringify(left.map((d) => d.range)));
      // the other findings stay
      assert.ok(again.diagnostics.length > 0 && again.diagnostics.length === p.diagnostics.length - carry.filter((d) => d.range.start.line === target.range.start.line).length);
    } finally {
      await ws.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
