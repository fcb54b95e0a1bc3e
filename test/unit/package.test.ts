// What the .vsix ships: the file list `vsce ls` gives (from .vscodeignore) is copied into an empty folder, far
// from node_modules, and the bundles there must work on their own: the server's file readers (dist/io.js) read
// a Word file and a PDF (pdf.js, its worker and CMaps from dist/pdfjs) exactly as the sources do.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { RULES } from '../../server/src/core';
import { readReportFile } from '../../server/src/io';
import { ROOT } from './helpers';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');

describe('package: the .vsix file set works without node_modules', function () {
  this.timeout(120_000);
  let files: string[] = [];
  let dir = '';

  before(function () {
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    files = out.split('\n').map((s) => s.trim()).filter(Boolean);
    dir = mkdtempSync(join(tmpdir(), 'nianbao-vsix-'));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      cpSync(join(ROOT, f), join(dir, f));
    }
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('lists the bundles, pdf.js with its worker, CMaps and licence, and nothing from node_modules or the sources', () => {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/io.js', 'dist/dictionary.json', 'dist/pdfjs/pdf.mjs', 'dist/pdfjs/pdf.worker.mjs',
      'dist/pdfjs/LICENSE', 'dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'dist/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap', 'package.json']) {
      assert.ok(files.includes(f), `${f} is in the package`);
    }
    assert.deepStrictEqual(files.filter((f) => /^(node_modules|server|client|test|out|bench)\//.test(f) || f.endsWith('.map')), []);
  });

  it('ships the icon, the licence, and the page of every rule (what the link on a diagnostic opens), not the developer notes', () => {
    for (const f of ['docs/images/icon.png', 'LICENSE', 'README.md', 'CHANGELOG.md', 'docs/packs.md']) assert.ok(files.includes(f), `${f} is in the package`);
    assert.ok(RULES.length >= 26);
    const pages = files.filter((f) => /^docs\/rules\/[^/]+\.md$/.test(f)).sort();
    assert.deepStrictEqual(pages, RULES.map((r) => `docs/rules/${r.id}.md`).sort());
    assert.deepStrictEqual(files.filter((f) => f.startsWith('docs/dev/') || f === 'docs/images/icon.svg' || f.startsWith('scripts/')), []);
  });

  it('packs the Chinese-first extension page (docs/marketplace/README.md) as its readme, with the images it shows', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts.package, /--readme-path docs\/marketplace\/README\.md/);
    const md = readFileSync(join(ROOT, 'docs', 'marketplace', 'README.md'), 'utf8');
    const intro = md.split('\n\n')[1] ?? '';
    assert.ok((intro.match(/\p{Script=Han}/gu) ?? []).length > 50, 'the page opens in Chinese');
    assert.ok(md.includes('\n## English\n'), 'English below');
    // vsce rewrites these paths (relative to the repository root) to the repository's raw URLs; the files ship too
    const images = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2);
    for (const img of images) {
      assert.match(img, /^docs\/images\/[\w-]+\.png$/);
      assert.ok(files.includes(img), `${img} is in the package`);
    }
    // the repository's README (for the CLI and the repository) is not packed beside it (the VSIX format allows one)
    assert.ok(!readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!README.md'));
  });

  for (const name of ['huaian-2024.pdf', 'shangwu-2020.pdf', 'huaian-2024.docx']) {
    it(`the packaged io.js reads ${name} as the sources do, with nothing printed`, async () => {
      const script = `require(${JSON.stringify(join(dir, 'dist', 'io.js'))}).readReportBytes(process.argv[1], require('fs').readFileSync(process.argv[1]))
        .then((r) => process.stdout.write(JSON.stringify(r)))`;
      const r = spawnSync(process.execPath, ['-e', script, join(FORMATS, name)], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stderr, '', 'no warnings from pdf.js');
      const packaged = JSON.parse(r.stdout) as { ok: boolean; text?: string; reason?: string };
      const source = await readReportFile(join(FORMATS, name));
      assert.ok(source.ok);
      assert.ok(packaged.ok, packaged.reason);
      assert.strictEqual(packaged.text, source.text);
    });
  }
});
