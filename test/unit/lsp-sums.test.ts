// The checks across agencies in the editor: a total declared in .nianbao.json (sums) gets sum-of-parts from the
// parts open beside it, and user rule packs show with their pack id and the packs page as their link.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseReport } from '../../server/src/core';
import { applyEdits, FIXTURES } from './helpers';
import { ROOT, SERVER, TestClient } from './lspClient';

describe('language server: sums of parts and user packs', function () {
  this.timeout(60_000);
  before(() => {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  it('a part\'s figure changed: the city\'s cell is reported, related to the parts\' documents; the pack\'s finding links docs/packs.md', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sums-'));
    const src = path.join(FIXTURES, 'sums');
    const files = ['淮安市人民政府.txt', '清江浦区.txt', '淮阴区.txt'];
    const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(src, f), 'utf8')]));
    // 淮阴区's 予以公开 / 自然人 five more
    const hy = texts.get('淮阴区.txt')!;
    const cell = parseReport(hy).tables.t3!.rows.find((r) => r.key === 'granted')!.cells[0];
    texts.set('淮阴区.txt', applyEdits(hy, [{ start: cell.start, end: cell.end, newText: String(Number(cell.value.raw) + 5) }]));
    const config = JSON.parse(fs.readFileSync(path.join(src, '.nianbao.json'), 'utf8'));
    config.packs = { office: { replace: { 日常巡查: '日常检查' } } };
    fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify(config));
    for (const [f, t] of texts) fs.writeFileSync(path.join(dir, f), t);
    const u = (f: string) => pathToFileURL(path.join(dir, f)).toString();
    const ws = (await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], settings: { debounceMs: 0 } })).client;
    try {
      await ws.open(u('清江浦区.txt'), texts.get('清江浦区.txt')!, 1);
      await ws.open(u('淮阴区.txt'), texts.get('淮阴区.txt')!, 1);
      const since = ws.mark();
      await ws.open(u(files[0]), texts.get(files[0])!, 1);
      const p = await ws.diagnostics(u(files[0]), 1, since, (x) => x.diagnostics.some((d) => d.code === 'sum-of-parts'));
      const sums = p.diagnostics.filter((d) => d.code === 'sum-of-parts');
      assert.strictEqual(sums.length, 1, JSON.stringify(sums));
      assert.match(sums[0].message, /2 个组成部分之和为 1293（515 \+ 778）/);
      assert.deepStrictEqual(sums[0].relatedInformation!.map((r) => r.location.uri), [u('清江浦区.txt'), u('淮阴区.txt')]);
      const packed = p.diagnostics.find((d) => d.code === 'pack:office');
      assert.ok(packed, p.diagnostics.map((d) => d.code).join(' '));
      assert.ok(packed.codeDescription?.href.endsWith('/docs/packs.md'), packed.codeDescription?.href);
    } finally {
      await ws.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
