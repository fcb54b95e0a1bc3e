// The `nianbao check` command, run as a user runs it: formats, exit codes and bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('folders are searched for *.md too (reports only, not a README); .md is read as text', () => {
    const r = run(['check', '--format', 'json', join(FIXTURES, 'corpus')]);
    const out = JSON.parse(r.stdout);
    const names = out.files.map((f: { path: string }) => f.path.split(/[\\/]/).pop()).sort();
    assert.deepEqual(names.filter((n: string) => n.endsWith('.md')), ['shanghai-kewei-2024-converted.md', 'shanghai-office-2025-converted.md', 'shuyang-2025-converted.md']);
    assert.equal(names.length, 7);
    const md = out.files.find((f: { path: string }) => f.path.endsWith('shuyang-2025-converted.md'));
    assert.equal(md.template, '2021');
    assert.ok(!md.diagnostics.some((d: { rule: string }) => ['missing-row', 'table-unreadable', 'missing-table', 'table-balance'].includes(d.rule)));
  });

  it('sarif: 2.1.0 with rules, levels, 1-based regions, relative URIs and fixes', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'sarif', 'test/fixtures/reports/003_b5a011f3d089b4ff.txt'], { cwd: ROOT, encoding: 'utf8' });
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'nianbao');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.ok(ids.includes('table-balance') && ids.includes('label-typo'));
    const balance = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'table-balance');
    assert.equal(balance.shortDescription.text, '表格勾稽关系不成立');
    assert.match(balance.fullDescription.text, /^表格勾稽关系不成立（/);
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'label-typo');
    assert.equal(res.level, 'warning');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'label-typo');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/reports/003_b5a011f3d089b4ff.txt');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 34, startColumn: 13, endLine: 34, endColumn: 19 });
    assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '本年废止件数');
    assert.ok(run0.results.some((x: { level: string }) => x.level === 'error'));
  });

  it('sarif: partialFingerprints that stay when lines are inserted above and differ between findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const text = readFileSync(report('000_3d3a2a252aa442c3'), 'utf8');
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), '\n\n' + text);
    const results = (name: string) => JSON.parse(run(['check', '--format', 'sarif', join(dir, name)]).stdout).runs[0].results as
      { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
    const a = results('a.txt'), b = results('b.txt');
    assert.ok(a.length >= 5, String(a.length));
    const print = (r: (typeof a)[number]) => r.partialFingerprints['nianbao/lineHash/v1'];
    assert.ok(a.every((r) => /^[0-9a-f]{16}:\d+$/.test(print(r))));
    assert.equal(new Set(a.map(print)).size, a.length, 'one fingerprint per finding');
    assert.deepEqual(b.map((r) => [r.ruleId, print(r)]), a.map((r) => [r.ruleId, print(r)]));
    assert.deepEqual(b.map((r) => r.locations[0].physicalLocation.region.startLine), a.map((r) => r.locations[0].physicalLocation.region.startLine + 2));
  });

  it('exit 2 with a clear message for unreadable input; other files are still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const bin = join(dir, 'binary.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x41, 0x80, 0xff, 0x81, 0x20, 0xfe])); // neither UTF-8 nor GB18030
    const r = run(['check', bin, bad, join(dir, 'nope.txt'), report('001_205104d3919f452a')]);
    assert.equal(r.status, 2);
    // in the output's language (zh-CN here; --locale en gives them in English)
    assert.match(r.stderr, /binary\.txt: 二进制文件（含 NUL 字节），不是文本报告/);
    assert.match(r.stderr, /bad\.txt: 不是有效的 UTF-8、UTF-16 或 GB18030\/GBK 文本/);
    assert.match(r.stderr, /nope\.txt: 文件或文件夹不存在/);
    const en = run(['check', '--locale', 'en', bin, bad]);
    assert.match(en.stderr, /binary\.txt: binary file/);
    assert.match(en.stderr, /bad\.txt: not valid UTF-8, UTF-16 or GB18030\/GBK text/);
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

  it('issue 18: reads .nianbao.json beside the reports (rules off and ignored rules are not reported)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    for (const n of ['000_3d3a2a252aa442c3', '002_b67df828cb4a1735']) copyFileSync(report(n), join(dir, n + '.txt'));
    const rules = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout).files as { diagnostics: { rule: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.rule));
    const plain = rules(run(['check', '--format', 'json', dir]));
    // the reports do hold typo and punctuation findings (else the test below would prove nothing)
    assert.ok(plain.includes('typo') && plain.includes('punctuation'), plain.join(' '));
    writeFileSync(join(dir, '.nianbao.json'), JSON.stringify({ rules: { typo: 'off' }, ignore: ['punctuation'] }));
    const configured = rules(run(['check', '--format', 'json', dir]));
    assert.ok(!configured.includes('typo') && !configured.includes('punctuation'), configured.join(' '));
    // everything else stays
    assert.deepEqual(configured, plain.filter((r) => r !== 'typo' && r !== 'punctuation'));
  });

  it('--config FILE for every report, --no-config for none; the nearest .nianbao.json otherwise; a broken one exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(report('002_b67df828cb4a1735'), join(dir, 'sub', 'r.txt'));
    const rules = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout).files as { diagnostics: { rule: string; severity: string }[] }[]).flatMap((f) => f.diagnostics);
    writeFileSync(join(dir, '.nianbao.json'), JSON.stringify({ rules: { typo: 'off' } }));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ rules: { 'injected-content': 'hint' } }));
    const nearest = rules(run(['check', '--format', 'json', dir]));
    assert.ok(!nearest.some((d) => d.rule === 'typo') && nearest.some((d) => d.rule === 'injected-content' && d.severity === 'error'));
    const given = rules(run(['check', '--format', 'json', '--config', join(dir, 'other.json'), dir]));
    assert.ok(given.some((d) => d.rule === 'typo') && given.filter((d) => d.rule === 'injected-content').every((d) => d.severity === 'hint'));
    const none = rules(run(['check', '--format', 'json', '--no-config', dir]));
    assert.ok(none.some((d) => d.rule === 'typo') && none.some((d) => d.rule === 'injected-content' && d.severity === 'error'));
    // the nearest file only: one in sub/ replaces the one above (not merged)
    writeFileSync(join(dir, 'sub', '.nianbao.json'), JSON.stringify({ ignore: ['punctuation'] }));
    const inner = rules(run(['check', '--format', 'json', dir]));
    assert.ok(inner.some((d) => d.rule === 'typo') && !inner.some((d) => d.rule === 'punctuation'));
    assert.equal(run(['check', '--config', join(dir, 'missing.json'), dir]).status, 2);
    assert.equal(run(['check', '--config', join(dir, 'other.json'), '--no-config', dir]).status, 2);
    writeFileSync(join(dir, 'sub', '.nianbao.json'), '{ "rules": ');
    const broken = run(['check', '--format', 'json', dir]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.nianbao\.json: not a valid config file/);
    assert.ok(rules(broken).some((d) => d.rule === 'typo'), 'checked without it');
  });

  it('usage errors exit 2', () => {
    assert.equal(run([]).status, 2);
    assert.equal(run(['check']).status, 2);
    assert.equal(run(['check', '--format', 'xml', 'x']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
    assert.equal(run(['--help']).status, 0);
  });
});
