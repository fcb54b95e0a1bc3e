// Cross-checks: prose figures against the tables, percentages against counts, this year against last year.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport, checkWorkspace, findClaims, parseReport, type CheckOptions, type Finding } from '../../server/src/core';
import { sentencesWith } from '../../server/src/core/cross/figures';
import { applyEdits, loadReport, ROOT } from './helpers';

const rule = (fs: Finding[], id: string) => fs.filter((f) => f.rule === id);
/** Replace the n-th occurrence of `from` (which must exist). */
function swap(text: string, from: string, to: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) { at = text.indexOf(from, at + 1); assert.ok(at >= 0, `"${from}" #${i} not found`); }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('cross-checks: prose against tables', () => {
  for (const name of ['huaian-2024-pdf-tabs', 'huaian-2024-pdf-text', 'huaian-2024-web-spaces']) {
    it(`淮安 (${name}): every prose figure is matched to its cell and agrees`, () => {
      const model = parseReport(loadReport(name));
      const claims = findClaims(model);
      assert.equal(claims.length, 15, claims.map((c) => c.def.id).join());
      for (const c of claims) assert.ok(c.table && c.cells.length, c.def.id);
      assert.equal(rule(checkReport(model).findings, 'text-table-mismatch').length, 0);
    });
  }

  it('a changed prose figure fires on the number, with the cell as related information', () => {
    const text = swap(loadReport('huaian-2024-pdf-tabs'), '申请 3119 件', '申请 3120 件');
    const hits = rule(checkReport(text).findings, 'text-table-mismatch');
    assert.equal(hits.length, 1);
    assert.equal(text.slice(hits[0].start, hits[0].end), '3120');
    assert.equal(hits[0].expected, '3119');
    const cell = parseReport(text).tables.t3!.rows.find((r) => r.key === 'new')!.cells[6];
    assert.equal(hits[0].related![0].start, cell.start);
    assert.match(hits[0].message, /本年新收申请 3120.*3119/);
  });

  it('a hint word wrapped across lines (受 line break 理) still finds its sentence; a word the sentence search does not know is refused', () => {
    const text = swap(loadReport('huaian-2024-pdf-tabs'), '共受理政府信息公开申请 3119 件', '共受\n理政府信息公开申请 3120 件');
    const hits = rule(checkReport(text).findings, 'text-table-mismatch');
    assert.deepEqual(hits.map((h) => [text.slice(h.start, h.end), h.expected]), [['3120', '3119']]);
    assert.throws(() => sentencesWith(parseReport(text), ['公开'], { maxLength: 600 }), /not one of the sentence words/);
  });

  it('行政复议 results and 行政诉讼 totals are compared with 表四 (lawsuits = both kinds)', () => {
    const base = loadReport('huaian-2024-pdf-text');
    let hits = rule(checkReport(swap(base, '其他结果 178 件', '其他结果 177 件')).findings, 'text-table-mismatch');
    assert.deepEqual(hits.map((h) => h.expected), ['178']);
    hits = rule(checkReport(swap(base, '行政诉讼 46 件', '行政诉讼 45 件')).findings, 'text-table-mismatch');
    assert.deepEqual(hits.map((h) => h.expected), ['46']);
    assert.equal(hits[0].related!.length, 2);
  });

  it('"均获维持" while the table shows other results', () => {
    const text = swap(loadReport('huaian-2024-pdf-tabs'), '其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件', '均获维持');
    const hits = rule(checkReport(text).findings, 'text-table-mismatch');
    assert.equal(hits.length, 1);
    assert.match(text.slice(hits[0].start, hits[0].end), /行政复议.*均获维持/s);
  });

  it('"未收到…申请" while the table has requests; seed 001 mutated; nothing on the seeds as they are', () => {
    const t002 = loadReport('002_b67df828cb4a1735');
    const cell = parseReport(t002).tables.t3!.rows.find((r) => r.key === 'new')!.cells[6];
    assert.equal(rule(checkReport(applyEdits(t002, [{ start: cell.start, end: cell.end, newText: '2' }])).findings, 'text-table-mismatch').length, 1);
    const t001 = swap(loadReport('001_205104d3919f452a'), '7 项结转下年答复', '8 项结转下年答复');
    assert.deepEqual(rule(checkReport(t001).findings, 'text-table-mismatch').map((h) => h.actual), ['8']);
    for (const n of ['000_3d3a2a252aa442c3', '001_205104d3919f452a', '002_b67df828cb4a1735', '003_b5a011f3d089b4ff', '004_ba2cc9ced20f5da6']) {
      assert.equal(rule(checkReport(loadReport(n)).findings, 'text-table-mismatch').length, 0, n);
    }
  });

  it('an ambiguous sentence says nothing (the same phrasing twice)', () => {
    const text = swap(loadReport('001_205104d3919f452a'), '共受理政府信息公开申请 78 项', '共受理政府信息公开申请 80 项，区本级受理政府信息公开申请 50 项');
    assert.equal(rule(checkReport(text).findings, 'text-table-mismatch').length, 0);
  });
});

describe('cross-checks: percentages', () => {
  const base = loadReport('004_ba2cc9ced20f5da6');
  it('seed 004: 200 items by category, every share right, parts add up', () => {
    assert.equal(rule(checkReport(base).findings, 'percent-mismatch').length, 0);
  });
  it('a wrong share fires on it, with the computed value', () => {
    const hits = rule(checkReport(swap(base, '占57.5%', '占55.7%')).findings, 'percent-mismatch');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].expected, '57.5%');
    assert.equal(hits[0].actual, '55.7%');
  });
  it('counts that no longer add up to the total while the shares still make 100%', () => {
    const hits = rule(checkReport(swap(base, '人事信息6条', '人事信息7条')).findings, 'percent-mismatch');
    assert.ok(hits.some((h) => /合计 100%/.test(h.message)), JSON.stringify(hits.map((h) => h.message)));
  });
});

describe('cross-checks: fees, length, other handling', () => {
  it('fee-report: seed 000 (2021, 六 says only 无) fires; 001 and 淮安 report the fee; 2019 reports are exempt', () => {
    assert.equal(rule(checkReport(loadReport('000_3d3a2a252aa442c3')).findings, 'fee-report').length, 1);
    assert.equal(rule(checkReport(loadReport('001_205104d3919f452a')).findings, 'fee-report').length, 0);
    assert.equal(rule(checkReport(loadReport('huaian-2024-pdf-tabs')).findings, 'fee-report').length, 0);
    assert.equal(rule(checkReport(loadReport('002_b67df828cb4a1735')).findings, 'fee-report').length, 0);
  });
  it('fee-report: a fee reported elsewhere but not in 六 is pointed at', () => {
    const t = loadReport('huaian-2024-pdf-tabs');
    const moved = swap(t, '2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。', '无。')
      .replace('均在法定期限内予以答复。', '均在法定期限内予以答复，全年收取信息处理费 3940 元。');
    const hits = rule(checkReport(moved).findings, 'fee-report');
    assert.equal(hits.length, 1);
    assert.match(moved.slice(hits[0].related![0].start, hits[0].related![0].end), /收取信息处理费 3940 元/);
  });
  it('summary-length counts characters of text, not punctuation or page footers', () => {
    const f = rule(checkReport(loadReport('huaian-2024-pdf-tabs')).findings, 'summary-length');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /约 1159 字/);
    assert.equal(rule(checkReport(loadReport('001_205104d3919f452a')).findings, 'summary-length').length, 0);
  });
  it('other-share: 11 of 71 in seed 001; 187 of 3050 in 淮安 is not flagged', () => {
    assert.match(rule(checkReport(loadReport('001_205104d3919f452a')).findings, 'other-share')[0].message, /11 件.*71 件的 15\.5%/);
    assert.equal(rule(checkReport(loadReport('huaian-2024-pdf-tabs')).findings, 'other-share').length, 0);
  });
});

describe('cross-checks: last year\'s report', () => {
  const now = loadReport('huaian-2024-pdf-tabs');
  /** Last year's report: the same agency, 2023, carrying forward exactly what 2024 carried over. */
  function lastYear(carryNatural = '34', inForce = '84'): string {
    let t = now.replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告');
    const m = parseReport(t);
    const carry = m.tables.t3!.rows.find((r) => r.key === 'carry-forward')!.cells;
    const inf = m.tables.t2!.rows.find((r) => r.key === 'normative')!.cells[2];
    const edits = [{ start: carry[0].start, end: carry[0].end, newText: carryNatural }, { start: carry[6].start, end: carry[6].end, newText: '34' }, { start: inf.start, end: inf.end, newText: inForce }];
    t = applyEdits(t, edits);
    return t;
  }

  it('consistent carry-over and rewritten sections 一 and 五: nothing across files', () => {
    let last = lastYear();
    const other = loadReport('001_205104d3919f452a');
    const bodyOf = (t: string, n: number) => { const m = parseReport(t); return m.sections.find((x) => x.n === n)!.body; };
    // last year's 五 and 一 written otherwise (seed 001's), from the end so that the offsets hold
    for (const n of [5, 1]) {
      const body = bodyOf(last, n), theirs = bodyOf(other, n);
      last = last.slice(0, body.start) + '\n' + other.slice(theirs.start, theirs.end) + last.slice(body.end);
    }
    const [r] = checkWorkspace([{ id: 'now.txt', text: now }, { id: 'last.txt', text: last }]);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'carry-over' || f.rule === 'copied-text'), []);
  });

  it('carry-over: this year\'s 上年结转 differs from last year\'s 结转下年度 in one column', () => {
    const [r, l] = checkWorkspace([{ id: 'now.txt', text: now }, { id: 'last.txt', text: lastYear('35') }]);
    const hits = rule(r.findings, 'carry-over').filter((f) => f.severity === 'warning');
    assert.equal(hits.length, 1);
    const natural = r.model.tables.t3!.rows.find((x) => x.key === 'carried-over')!.cells[0];
    assert.equal(hits[0].start, natural.start);
    assert.equal(hits[0].related![0].file, 'last.txt');
    assert.equal(l.model.text.slice(hits[0].related![0].start, hits[0].related![0].end), '35');
  });

  it('carry-over: 现行有效件数 that does not follow from last year is information only', () => {
    const [r] = checkWorkspace([{ id: 'now.txt', text: now }, { id: 'last.txt', text: lastYear('34', '80') }]);
    const hits = rule(r.findings, 'carry-over');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].severity, 'information');
    assert.equal(hits[0].expected, '62');
  });

  it('copied-text: a report identical to last year\'s but for its year and carry-over: the whole report, 一 and 五', () => {
    const [r] = checkWorkspace([{ id: 'now.txt', text: now }, { id: 'last.txt', text: lastYear() }]);
    const hits = rule(r.findings, 'copied-text');
    assert.deepEqual(hits.map((f) => now.slice(f.start, f.end).replace(/\s+/g, '')), ['淮安市人民政府2024年政府信息公开工作年度报告', '一、总体情况', '五、存在的主要问题及改进情况']);
    for (const f of hits) assert.match(f.message, /100% 的语句与 2023 年报告相同或几乎相同/);
  });

  it('carry-over findings pass the runner\'s severities and ignores like any other (rule-wide and "ignore here")', () => {
    const inputs = [{ id: 'now.txt', text: now }, { id: 'last.txt', text: lastYear('35', '80') }];
    const [r] = checkWorkspace(inputs);
    const hits = rule(r.findings, 'carry-over');
    assert.equal(hits.length, 2);
    const lineOf = (f: Finding) => { const s = now.lastIndexOf('\n', f.start - 1) + 1, e = now.indexOf('\n', f.start); return now.slice(s, e < 0 ? now.length : e).trim(); };
    const withOptions = (options: CheckOptions) => rule(checkWorkspace(inputs.map((i) => ({ ...i, options })))[0].findings, 'carry-over');
    assert.deepEqual(withOptions({ severity: { 'carry-over': 'hint' } }).map((f) => f.severity), ['hint', 'hint']);
    assert.deepEqual(withOptions({ ignore: { rules: ['carry-over'] } }), []);
    assert.deepEqual(withOptions({ ignore: { lines: [{ rule: 'carry-over', line: lineOf(hits[1]) }] } }).map((f) => f.start), [hits[0].start]);
    assert.equal(withOptions({ ignore: { lines: [{ rule: 'copied-text', line: lineOf(hits[1]) }] } }).length, 2, 'an entry of another rule');
  });

  it('the CLI checks files together and points at the other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    writeFileSync(join(dir, '2024.txt'), now);
    writeFileSync(join(dir, '2023.txt'), lastYear('35'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
    const out = JSON.parse(r.stdout);
    const f2024 = out.files.find((f: { path: string }) => f.path.endsWith('2024.txt'));
    const carry = f2024.diagnostics.find((d: { rule: string }) => d.rule === 'carry-over');
    assert.ok(carry.related[0].path.endsWith('2023.txt'));
  });
});
