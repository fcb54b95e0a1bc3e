// `nianbao extract`: one record per report and cell, CSV or JSON, in input order whatever --jobs is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineIndex, parseReport } from '../../server/src/core';
import { CSV_HEADER, formatRecords } from '../../server/src/cli/extract';
import { FIXTURES, loadReport, ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
const report = (name: string) => join(FIXTURES, 'reports', name + '.txt');

/** Minimal RFC 4180 reader for the tests. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c; continue; }
    if (c === '"') q = true; else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('nianbao extract', () => {
  it('one record per cell: 200 for a 2021 report, 198 for a 2019 one', () => {
    for (const [name, n] of [['huaian-2024-pdf-text', 200], ['002_b67df828cb4a1735', 198]] as const) {
      const text = loadReport(name);
      const lines = new LineIndex(text);
      const r = formatRecords(name, parseReport(text, lines), lines, 'csv');
      assert.equal(r.cells, n, name);
      assert.deepEqual(r.notes, []);
    }
  });

  it('CSV: header, agency, year, template, keys and official labels, the value and the line of the cell', () => {
    const r = run(['extract', report('huaian-2024-pdf-tabs')]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.equal(rows[0].join(','), CSV_HEADER);
    assert.equal(rows.length, 201);
    const rec = (row: string, col: string) => rows.find((x) => x[5] === row && x[7] === col)!;
    const granted = rec('granted', 'natural');
    assert.deepEqual(granted.slice(1, 11), ['淮安市人民政府', '2024', '2021', 't3', 'granted', '三、本年度办理结果·（一）予以公开', 'natural', '自然人', '1288', 'integer']);
    const text = loadReport('huaian-2024-pdf-tabs');
    assert.match(text.split('\n')[Number(granted[11]) - 1], /（一）予以公开.*1288/);
    assert.deepEqual(rec('fees', 'fee-amount').slice(8, 11), ['本年收费金额（单位：万元）', '96171.6', 'decimal']);
    assert.equal(rec('cases', 'direct-upheld')[8], '行政诉讼·未经复议直接起诉·结果维持');
    assert.equal(rec('denied-1', 'total')[6], '（三）不予公开·1.属于国家秘密');
  });

  it('JSON: numbers as numbers, a blank cell as null, fields named as in CSV', () => {
    const r = run(['extract', '--format', 'json', report('000_3d3a2a252aa442c3')]);
    assert.equal(r.status, 0, r.stderr);
    const recs = JSON.parse(r.stdout);
    assert.equal(recs.length, 200);
    const blank = recs.find((x: { kind: string }) => x.kind === 'blank');
    assert.equal(blank.value, null);
    assert.equal(blank.row, 'handled-total');
    const num = recs.find((x: { kind: string }) => x.kind === 'integer');
    assert.equal(typeof num.value, 'number');
    assert.deepEqual(Object.keys(num), ['path', 'agency', 'year', 'template', 'table', 'row', 'rowLabel', 'column', 'columnLabel', 'value', 'kind', 'line']);
  });

  it('quotes fields with commas and quotes; --bom and --output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-x-'));
    const odd = join(dir, 'a,"b".txt');
    copyFileSync(report('001_205104d3919f452a'), odd);
    const out = join(dir, 'out.csv');
    const r = run(['extract', '--bom', '--output', out, odd]);
    assert.equal(r.status, 0, r.stderr);
    const csv = readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('\ufeff' + CSV_HEADER));
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows[1][0], odd);
    assert.ok(csv.includes('"' + odd.replace(/"/g, '""') + '"'));
  });

  it('--jobs N gives the same output, in input order, as one thread', function () {
    this.timeout(120_000); // four CLI runs over every fixture, PDFs included: a guard against a hang, not a measure
    const args = [join(FIXTURES, 'reports'), join(FIXTURES, 'formats')];
    const one = run(['extract', ...args]);
    const four = run(['extract', '--jobs', '4', ...args]);
    assert.equal(four.stdout, one.stdout);
    assert.equal(four.status, one.status);
    const json1 = run(['extract', '-f', 'json', ...args]), json3 = run(['extract', '-f', 'json', '-j', '3', ...args]);
    assert.equal(json3.stdout, json1.stdout);
    assert.ok(JSON.parse(json3.stdout).length > 3000);
  });

  it('lists on stderr the reports whose tables were not fully read; exit 2 for files it cannot read, the rest still extracted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-x-'));
    const bad = join(dir, 'bad.doc');
    writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = run(['extract', '--jobs', '2', bad, report('003_b5a011f3d089b4ff'), report('huaian-2024-web-collapsed')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.doc: an old binary Office file/);
    assert.match(r.stderr, /003_b5a011f3d089b4ff\.txt: 表三 7 of 25 row\(s\) not read/);
    // the collapsed web text: its run-together cells are split where exactly one split fits (表三, four rows of 表二)
    assert.match(r.stderr, /huaian-2024-web-collapsed\.txt: 表二 2 of 6 row\(s\) not read; 表四 1 of 1 row\(s\) not read/);
    assert.match(r.stderr, /1 file\(s\) could not be read/);
    assert.equal(parseCsv(r.stdout).length, 1 + (10 + 18 * 7 + 15) + (4 + 25 * 7));
  });

  it('a progress bar on stderr only when asked for (or on a terminal)', () => {
    const quiet = run(['extract', join(FIXTURES, 'reports')]);
    assert.doesNotMatch(quiet.stderr, /\r/);
    const bar = run(['extract', '--progress', join(FIXTURES, 'reports')]);
    assert.match(bar.stderr, /\rnianbao extract \[#+-*\] \d+\/9 /);
    assert.match(bar.stderr, /9\/9 100%/);
    assert.equal(bar.stdout, quiet.stdout);
  });

  it('reads standard input with -', () => {
    const r = run(['extract', '-f', 'json', '-'], loadReport('huaian-2024-pdf-text'));
    assert.equal(r.status, 0, r.stderr);
    const recs = JSON.parse(r.stdout);
    assert.equal(recs.length, 200);
    assert.equal(recs[0].path, '<stdin>');
  });

  it('usage errors exit 2', () => {
    assert.equal(run(['extract']).status, 2);
    assert.equal(run(['extract', '--format', 'xml', 'x']).status, 2);
    assert.equal(run(['extract', '--jobs', 'many', 'x']).status, 2);
    assert.equal(run(['extract', '--frobnicate', 'x']).status, 2);
    assert.equal(run(['extract', '--help']).status, 0);
  });
});

describe('nianbao format', () => {
  it('prints the report with its tables in the canonical layout; --check exits 1 until --write has rewritten it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-f-'));
    const file = join(dir, 'r.txt');
    copyFileSync(report('huaian-2024-pdf-text'), file);
    const printed = run(['format', file]);
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(printed.stdout.includes('\n规章\t1\t0\t11\n'));
    assert.equal(readFileSync(file, 'utf8'), loadReport('huaian-2024-pdf-text'), 'printing changes nothing');
    assert.equal(run(['format', '--check', file]).status, 1);
    const w = run(['format', '--write', file]);
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stderr, /表二 rewritten, 表三 rewritten, 表四 rewritten/);
    assert.equal(readFileSync(file, 'utf8'), printed.stdout);
    assert.equal(run(['format', '--check', file]).status, 0);
  });

  it('--write keeps a GBK file GBK; a .docx becomes NAME.txt beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-f-'));
    const gbk = join(dir, 'gbk.txt');
    copyFileSync(join(FIXTURES, 'formats', '001-gbk.txt'), gbk);
    assert.equal(run(['format', '--write', gbk]).status, 0);
    const bytes = readFileSync(gbk);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    assert.equal(run(['format', '--check', gbk]).status, 0);
    const docx = join(dir, 'report.docx');
    copyFileSync(join(FIXTURES, 'formats', 'huaian-2024.docx'), docx);
    const r = run(['format', '--write', docx]);
    assert.equal(r.status, 0, r.stderr);
    const txt = readFileSync(join(dir, 'report.txt'), 'utf8');
    assert.ok(txt.includes('\n（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362\n'));
    assert.equal(run(['format', '--write', docx]).status, 2, 'does not overwrite report.txt');
    assert.equal(run(['format', '--write', '--force', docx]).status, 0);
    const check = run(['check', join(dir, 'report.txt')]);
    assert.equal(check.status, 0, check.stdout);
  });

  it('says which tables it left and why', () => {
    const r = run(['format', report('003_b5a011f3d089b4ff')]);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /表三 skipped \(7 row\(s\) not located\)/);
  });
});
