// nianbao/tableView over the wire: the built server (dist/server.js) answers the preview's request for open
// documents, after edits (the version it was built from), and for documents it cannot draw.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TableViewRequest, type TableViewResult, type ViewCell } from '../../server/src/lsp/protocol';
import { loadReport } from './helpers';
import { ROOT, SERVER, TestClient } from './lspClient';

const cells = (v: TableViewResult): ViewCell[] => v.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)));

describe('language server: nianbao/tableView (the table preview)', function () {
  let client: TestClient;
  const uri = 'file:///tmp/nianbao-test/seed001_2023年度报告.txt';
  const text = loadReport('001_205104d3919f452a');

  before(async function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    client = (await TestClient.start({ locale: 'en' })).client;
  });
  after(async () => { await client?.stop(); });

  it('answers for an open report with its three grids', async () => {
    await client.open(uri, text, 1);
    const view = await client.request<TableViewResult>(TableViewRequest, { uri });
    assert.strictEqual(view.uri, uri);
    assert.strictEqual(view.version, 1);
    assert.strictEqual(view.locale, 'en');
    assert.deepStrictEqual(view.tables.map((t) => [t.id, t.status]), [['t2', 'ok'], ['t3', 'ok'], ['t4', 'ok']]);
    assert.strictEqual(view.tables[1]!.blocks[0]!.rows.length, 25);
    assert.strictEqual(view.failing, 0);
    const c = cells(view).find((x) => x.id === 't3:new:total')!;
    assert.strictEqual(text.slice(c.place!.start, c.place!.end), '78');
  });

  it('answers for the version after an edit: a wrong total fails with its expected value', async () => {
    const at = text.indexOf('(七) 总计\t71') + '(七) 总计\t'.length;
    const lines = text.slice(0, at).split('\n');
    const start = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 2 } }, text: '72' }],
    });
    const view = await client.request<TableViewResult>(TableViewRequest, { uri });
    assert.strictEqual(view.version, 2);
    const c = cells(view).find((x) => x.id === 't3:handled-total:natural')!;
    assert.strictEqual(c.check, 'fails');
    assert.deepStrictEqual(c.failures!.map((f) => [f.expected, f.actual]), [['71', '72']]);
    assert.deepStrictEqual(c.place!.range.start, start);
    assert.strictEqual(view.failing, 3);
  });

  it('says why when there is nothing to draw: not open, no tables, not read', async () => {
    const notOpen = await client.request<TableViewResult>(TableViewRequest, { uri: 'file:///tmp/nianbao-test/none.txt' });
    assert.deepStrictEqual(notOpen.empty, { reason: 'notOpen' });
    const draft = 'file:///tmp/nianbao-test/draft.txt';
    await client.open(draft, '某某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n第二十条', 1);
    const empty = await client.request<TableViewResult>(TableViewRequest, { uri: draft });
    assert.deepStrictEqual(empty.empty, { reason: 'noTables' });
    assert.ok(empty.tables.every((t) => t.status === 'absent'));
    const bin = 'file:///tmp/nianbao-test/bin.txt';
    await client.open(bin, 'abc\u0000def', 1);
    const skipped = await client.request<TableViewResult>(TableViewRequest, { uri: bin });
    assert.strictEqual(skipped.empty?.reason, 'skipped');
    assert.ok(skipped.empty?.message);
    assert.strictEqual(await client.request<TableViewResult | null>(TableViewRequest, {}), null);
  });
});
