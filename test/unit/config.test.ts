// The configuration module (core/config.ts): the nearest config file, the editor's settings layered over it, the
// ignores it resolves for a report; and the same folder resolved by the CLI and by the language server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkOptionsFor, checkWorkspace, ConfigLoader, ignoresFor, lineTextAt, LineIndex, type CheckOptions, type ConfigHost } from '../../server/src/core';
import { cliCheckOptions } from '../../server/src/cli/check';
import { resolveDocumentConfig } from '../../server/src/lsp/configResolver';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { nodeConfigHost } from '../../server/src/configHost';
import { loadReport } from './helpers';

/** A file system in memory ('/'-separated paths), counting reads. */
function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(p) { reads.push(p); return files[p]; },
    dirname: posix.dirname, join: posix.join, relative: posix.relative,
  };
}

describe('configuration: the nearest config file', () => {
  const files = {
    '/ws/.nianbao.json': JSON.stringify({ rules: { typo: 'off' }, words: ['甲'] }),
    '/ws/a/b/.nianbao.json': JSON.stringify({ rules: { punctuation: 'hint' } }),
    '/ws/bad/.nianbao.json': '{ "rules": ',
  };

  it('the nearest file wins and files further up are not merged in', () => {
    const loader = new ConfigLoader(memoryHost(files));
    assert.equal(loader.nearest('/ws/a/b/c')?.path, '/ws/a/b/.nianbao.json');
    assert.deepEqual(loader.nearest('/ws/a/b/c')?.config, { rules: { punctuation: 'hint' } });
    assert.equal(loader.nearest('/ws/a')?.path, '/ws/.nianbao.json');
    assert.equal(loader.nearest('/ws')?.path, '/ws/.nianbao.json');
    assert.equal(loader.nearest('/elsewhere/x'), undefined);
  });

  it('stops at the given folder (the workspace folder), included', () => {
    const loader = new ConfigLoader(memoryHost(files));
    assert.equal(loader.nearest('/ws/a/x', '/ws/a'), undefined, 'the workspace root file is above the folder');
    assert.equal(loader.nearest('/ws/a/b/x', '/ws/a/b')?.path, '/ws/a/b/.nianbao.json');
    assert.equal(loader.nearest('/ws/x', '/ws')?.path, '/ws/.nianbao.json');
  });

  it('reads each file and searches each folder once until cleared', () => {
    const host = memoryHost(files);
    const loader = new ConfigLoader(host);
    for (let i = 0; i < 3; i++) { loader.nearest('/ws/a/q'); loader.nearest('/ws/a/r'); loader.nearest('/ws/a/q/z'); }
    const counts = new Map<string, number>();
    for (const r of host.reads) counts.set(r, (counts.get(r) ?? 0) + 1);
    assert.ok([...counts.values()].every((n) => n === 1), JSON.stringify([...counts]));
    loader.clear();
    loader.nearest('/ws/a/q');
    assert.equal(host.reads.filter((r) => r === '/ws/.nianbao.json').length, 2);
  });

  it('a file that is not valid JSON applies, empty, with its error (it is the nearest one)', () => {
    const c = new ConfigLoader(memoryHost(files)).nearest('/ws/bad/x');
    assert.equal(c?.path, '/ws/bad/.nianbao.json');
    assert.deepEqual(c?.config, {});
    assert.ok(c?.error);
  });
});

describe('configuration: options of a report', () => {
  it('the editor\'s rules replace the file\'s rule by rule; its words are added; ignores come from the file', () => {
    const o = checkOptionsFor(
      { rules: { typo: 'off', punctuation: 'hint' }, words: ['甲'], ignore: [{ rule: 'blank-cell' }] },
      'r.txt', { rules: { typo: 'error' }, words: ['乙'] }, 'en');
    assert.deepEqual(o, { severity: { typo: 'error', punctuation: 'hint' }, words: ['乙', '甲'], ignore: { rules: ['blank-cell'], lines: [] }, locale: 'en' });
  });

  it('ignores: rule-wide, by file glob relative to the config file\'s folder, and "ignore here" lines', () => {
    const entries = [
      { rule: 'typo' }, { rule: 'punctuation', file: 'sub/*.txt' }, { rule: 'blank-cell', file: '**/2023*.txt' },
      { rule: 'label-typo', file: 'sub/a.txt', line: '本年度止件数 1' }, { rule: 'carry-over', line: '二、上年结转 34' },
    ];
    assert.deepEqual(ignoresFor(entries, 'sub/a.txt'), { rules: ['typo', 'punctuation'], lines: [{ rule: 'label-typo', line: '本年度止件数 1' }, { rule: 'carry-over', line: '二、上年结转 34' }] });
    assert.deepEqual(ignoresFor(entries, 'x/y/2023年报.txt'), { rules: ['typo', 'blank-cell'], lines: [{ rule: 'carry-over', line: '二、上年结转 34' }] });
    assert.deepEqual(ignoresFor(entries, undefined), { rules: ['typo'], lines: [{ rule: 'carry-over', line: '二、上年结转 34' }] });
  });

  it('the runner applies them: off, ignored, "*", and "ignore here" by the text of the finding\'s line', () => {
    const text = loadReport('003_b5a011f3d089b4ff');
    const [plain] = checkWorkspace([{ id: 'r', text }]);
    const labels = plain.findings.filter((f) => f.rule === 'label-typo');
    assert.ok(labels.length >= 1 && plain.findings.some((f) => f.rule === 'missing-row'));
    const idx = new LineIndex(text);
    const here = lineTextAt(idx, labels[0].start);
    const onLine = (rule: string) => plain.findings.filter((f) => f.rule === rule && lineTextAt(idx, f.start) === here).length;
    const run = (options: CheckOptions) => checkWorkspace([{ id: 'r', text, options }])[0].findings;
    assert.equal(run({ severity: { 'label-typo': 'off' } }).filter((f) => f.rule === 'label-typo').length, 0);
    assert.equal(run({ ignore: { rules: ['label-typo'] } }).filter((f) => f.rule === 'label-typo').length, 0);
    assert.equal(run({ ignore: { rules: ['*'] } }).length, 0);
    const ignoredHere = run({ ignore: { lines: [{ rule: 'label-typo', line: here }] } });
    assert.equal(ignoredHere.length, plain.findings.length - onLine('label-typo'));
    assert.ok(!ignoredHere.some((f) => f.rule === 'label-typo' && lineTextAt(idx, f.start) === here));
  });
});

describe('configuration: the same folder checked by the CLI and by the language server', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, 'c'), { recursive: true });
    writeFileSync(join(dir, '.nianbao.json'), JSON.stringify({ rules: { typo: 'off', 'missing-row': 'hint' }, ignore: ['punctuation', { rule: 'label-typo', file: 'c/*.txt' }] }));
    writeFileSync(join(dir, 'a', '.nianbao.json'), JSON.stringify({ rules: { 'blank-cell': 'error' }, words: ['灤'], ignore: [{ rule: 'ocr-debris', file: 'b/**' }] }));
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('gives every report the same options and the same findings (nearest file, globs relative to it)', () => {
    const reports: [string, string][] = [
      ['000_3d3a2a252aa442c3', 'a/b'], ['001_205104d3919f452a', 'a'], ['002_b67df828cb4a1735', 'c'],
      ['003_b5a011f3d089b4ff', '.'], ['003_b5a011f3d089b4ff', 'c'], ['004_ba2cc9ced20f5da6', 'c'],
    ];
    const files = reports.map(([name, sub]) => { const p = join(dir, sub, `${name}.txt`); writeFileSync(p, loadReport(name)); return { path: p, text: loadReport(name) }; });
    const cli = new ConfigLoader(nodeConfigHost), server = new ConfigLoader(nodeConfigHost);
    const settings = normalizeSettings({});
    const folders = [{ uri: pathToFileURL(dir).toString(), fsPath: dir }];
    const byCli = files.map((f) => ({ id: f.path, text: f.text, options: cliCheckOptions(f.path, {}, cli, 'zh-CN').options }));
    const byServer = files.map((f) => {
      const ctx = resolveDocumentConfig({ uri: pathToFileURL(f.path).toString(), settings, folders, trusted: true }, server);
      const { maxFileSizeKB, ...options } = ctx.options;
      assert.equal(maxFileSizeKB, settings.maxFileSizeKB);
      return { id: f.path, text: f.text, options };
    });
    for (let i = 0; i < files.length; i++) assert.deepEqual(byServer[i].options, byCli[i].options, files[i].path);
    const a = checkWorkspace(byCli), b = checkWorkspace(byServer), none = checkWorkspace(files.map((f) => ({ id: f.path, text: f.text })));
    assert.deepEqual(b.map((r) => r.findings), a.map((r) => r.findings));

    // what the config did, report by report (so that the comparison above compares something)
    const count = (r: { findings: { rule: string; severity: string }[] }, rule: string, severity?: string) => r.findings.filter((f) => f.rule === rule && (!severity || f.severity === severity)).length;
    const [r000, r001, r002, r003, r003c, r004] = a;
    const [n000, n001, n002, n003, , n004] = none;
    // a/b: the nearest file is a/'s, the root's is not merged in (typo and punctuation stay); b/** is relative to a/
    assert.ok(count(n000, 'ocr-debris') > 0 && count(r000, 'ocr-debris') === 0);
    assert.equal(count(r000, 'blank-cell', 'error'), count(n000, 'blank-cell'));
    assert.ok(count(r000, 'typo') > 0 && count(r000, 'typo') === count(n000, 'typo') && count(r000, 'punctuation') === count(n000, 'punctuation'));
    // a: its words
    assert.ok(count(r001, 'traditional-char') < count(n001, 'traditional-char'));
    // c and the root: the root's file
    for (const [r, n] of [[r002, n002], [r004, n004]]) {
      assert.ok(count(n, 'typo') + count(n, 'punctuation') > 0 && count(r, 'typo') + count(r, 'punctuation') === 0);
    }
    assert.ok(count(n003, 'missing-row') > 0 && count(r003, 'missing-row', 'hint') === count(n003, 'missing-row'));
    assert.ok(count(r003, 'label-typo') > 0 && count(r003c, 'label-typo') === 0, 'label-typo ignored in c/*.txt only');
  });
});
