// The `nianbao check` command, run as a user runs it: formats, exit codes and bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
const report = (name: string) => join(FIXTURES, 'reports', name + '.txt');

describe('nianbao check (CLI)', () => {
  it('text: path:line:col severity rule message, grouped per file, with a summary; exit 1 on errors', () => {
    const r = run(['check', report('003_b5a011f3d089b4ff'), report('001_205104d3919f452a')]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /003_b5a011f3d089b4ff\.txt:34:13 warning label-typo 与官方表述不一致，应为“本年废止件数”/);
    assert.match(r.stdout, /003_b5a011f3d089b4ff\.txt:73:3 error missing-row /);
    // the summary counts the lines above it (the number of findings grows with the rules)
    const lines = r.stdout.split('\n').filter((l) => / (error|warning|information|hint) [a-z-]+ /.test(l));
    const n = (sev: RegExp) => lines.filter((l) => sev.test(l)).length;
    assert.match(r.stdout, new RegExp(`共检查 2 个文件，发现 ${lines.length} 个问题：错误 ${n(/ error /)}，警告 ${n(/ warning /)}，提示 ${n(/ (information|hint) /)}\n$`));
    assert.ok(n(/ error /) >= 3);
  });

  it('exit 0 when there is no error-severity finding, English with --locale en', () => {
    const r = run(['check', '--locale', 'en', report('004_ba2cc9ced20f5da6'), report('huaian-2024-pdf-text')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /warning missing-title Missing title/);
    const lines = r.stdout.split('\n').filter((l) => / (error|warning|information|hint) [a-z-]+ /.test(l));
    const n = (sev: RegExp) => lines.filter((l) => sev.test(l)).length;
    assert.match(r.stdout, new RegExp(`${lines.length} finding\\(s\\) in 2 file\\(s\\): 0 error\\(s\\), ${n(/ warning /)} warning\\(s\\), ${n(/ (information|hint) /)} note\\(s\\)`));
  });

  it('json: version 1, template, LSP ranges (0-based, UTF-16) and fixes', () => {
    const r = run(['check', '--format', 'json', report('003_b5a011f3d089b4ff')]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.files[0].template, '2021');
    const typo = out.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'label-typo');
    assert.deepEqual(typo.range, { start: { line: 33, character: 12 }, end: { line: 33, character: 18 } });
    assert.equal(typo.severity, 'warning');
    assert.deepEqual(typo.fixes[0].edits, [{ range: typo.range, newText: '本年废止件数' }]);
  });

  it('folders are searched for *.txt', () => {
    const r = run(['check', '--format', 'json', join(FIXTURES, 'reports')]);
    const out = JSON.parse(r.stdout);
    assert.ok(out.files.length >= 9);
    assert.ok(out.files.every((f: { path: string }) => f.path.endsWith('.txt')));
  });

  it('sarif: 2.1.0 with rules, levels, 1-based regions, relative URIs and fixes', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'sarif', 'test/fixtures/reports/003_b5a011f3d089b4ff.txt'], { cwd: ROOT, encoding: 'utf8' });
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'nianbao');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.ok(ids.includes('table-balance') && ids.includes('label-typo'));
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'label-typo');
    assert.equal(res.level, 'warning');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'label-typo');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/reports/003_b5a011f3d089b4ff.txt');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 34, startColumn: 13, endLine: 34, endColumn: 19 });
    assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '本年废止件数');
    assert.ok(run0.results.some((x: { level: string }) => x.level === 'error'));
  });

  it('exit 2 with a clear message for unreadable input; other files are still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const bin = join(dir, 'binary.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x41, 0x80, 0xff, 0x81, 0x20, 0xfe])); // neither UTF-8 nor GB18030
    const r = run(['check', bin, bad, join(dir, 'nope.txt'), report('001_205104d3919f452a')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /binary\.txt: binary file/);
    assert.match(r.stderr, /bad\.txt: not valid UTF-8, UTF-16 or GB18030\/GBK text/);
    assert.match(r.stderr, /nope\.txt: no such file/);
    assert.match(r.stdout, /共检查 1 个文件/);
  });

  it('reads GBK text (many government files are GBK)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a])); // 一、总体情况 in GBK
    const r = run(['check', '--format', 'json', gbk]);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files.length, 1, r.stderr);
    // the heading was read: section 一 is not reported missing
    assert.ok(!out.files[0].diagnostics.some((d: { rule: string; message: string }) => d.rule === 'missing-section' && /总体情况/.test(d.message)));
  });

  it('reads UTF-8 with BOM and UTF-16 with BOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const text = '一、总体情况\n无\n';
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = run(['check', '--format', 'json', dir]);
    const out = JSON.parse(r.stdout);
    for (const f of out.files) assert.ok(f.diagnostics.some((d: { rule: string }) => d.rule === 'missing-section'), f.path);
  });

  it('usage errors exit 2', () => {
    assert.equal(run([]).status, 2);
    assert.equal(run(['check']).status, 2);
    assert.equal(run(['check', '--format', 'xml', 'x']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
    assert.equal(run(['--help']).status, 0);
  });
});
