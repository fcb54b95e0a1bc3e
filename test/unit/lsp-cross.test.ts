// Issue 4 in the editor: cross-report findings between open reports, and hover on figures in the prose.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-protocol';
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
});
