// large-change: a key figure more than five times last year's or under a fifth of it (information). Built from the
// copying pair (test/fixtures/copying: the real 淮安市人民政府 2024 report and its "2023" made from it, the same
// figures), changing last year's figure; and the real 洪泽区 pair (本年新收 21 → 95: 4.5 times, not reported).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, parseReport, type CheckOptions, type Finding } from '../../server/src/core';
import { isLargeChange, KEY_FIGURES, LARGE_CHANGE_FLOOR } from '../../server/src/core/rules/large-change';
import { readReportFile } from '../../server/src/io';
import { applyEdits, FIXTURES } from './helpers';

const read = (f: string) => readFileSync(join(FIXTURES, 'copying', f), 'utf8');
const now = read('2024.txt'), last = read('2023.txt');
const large = (fs: Finding[]) => fs.filter((f) => f.rule === 'large-change');

function withCell(text: string, table: 't2' | 't3' | 't4', row: string, col: string, value: string): string {
  const c = parseReport(text).tables[table]!.rows.find((r) => r.key === row)!.cells.find((x) => x.colKey === col)!;
  return applyEdits(text, [{ start: c.start, end: c.end, newText: value }]);
}
const run = (a: string, b: string, options?: CheckOptions) => large(checkWorkspace([{ id: 'now', text: a, options }, { id: 'last', text: b, options }])[0].findings);

describe('large-change: a key figure far from last year\'s', () => {
  it('the same figures both years: nothing', () => {
    assert.deepEqual(run(now, last), []);
  });

  it('the bounds: over five times, under a fifth; nothing when last year\'s is 0 or both are under the floor', () => {
    assert.equal(LARGE_CHANGE_FLOOR, 10);
    const cases: [number, number, boolean][] = [[51, 10, true], [50, 10, false], [1, 10, true], [2, 10, false], [0, 10, true], [0, 9, false],
      [12, 2, true], [9, 1, false], [100, 0, false], [0, 0, false], [95, 21, false], [3119, 500, true]];
    for (const [a, b, want] of cases) assert.equal(isLargeChange(BigInt(a), BigInt(b)), want, `${a} against ${b}`);
  });

  it('本年新收 last year a seventh of this year\'s: information on this year\'s cell, last year\'s related', () => {
    const hits = run(now, withCell(last, 't3', 'new', 'total', '440'));
    assert.equal(hits.length, 1);
    const [f] = hits;
    assert.equal(f.severity, 'information');
    assert.equal(now.slice(f.start, f.end), '3119');
    assert.match(f.message, /^本年新收政府信息公开申请（总计）为 3119，是上年（440）的 7\.1 倍/);
    assert.equal(f.related![0].file, 'last');
  });

  it('every key figure is watched, in both directions; 现行有效件数 only with 2021 tables on both sides', () => {
    assert.deepEqual(KEY_FIGURES.map((k) => `${k.table}/${k.row}/${k.col}`), ['t3/new/total', 't3/granted/total', 't4/cases/review-total', 't2/rules/in-force', 't2/normative/in-force']);
    const granted = run(now, withCell(last, 't3', 'granted', 'total', '9000'));
    assert.match(granted[0].message, /^予以公开（总计）为 1362，仅为上年（9000）的 15\.1%/);
    const review = run(withCell(now, 't4', 'cases', 'review-total', '0'), last);
    assert.match(review[0].message, /^行政复议总计为 0，上年为 351/);
    const inForce = run(now, withCell(last, 't2', 'normative', 'in-force', '500'));
    assert.match(inForce[0].message, /^现行有效行政规范性文件件数为 66，仅为上年（500）的 13\.2%/);
  });

  it('a cell that is not a whole number is not compared', () => {
    assert.deepEqual(run(now, withCell(last, 't3', 'new', 'total', '/')), []);
  });

  it('the real 洪泽区 pair: 本年新收 21 → 95 is under five times, nothing', async () => {
    const texts = await Promise.all(['hongze-2024.pdf', 'hongze-2023.pdf'].map(async (f) => {
      const r = await readReportFile(join(FIXTURES, 'corpus', f));
      assert.ok(r.ok);
      return r.text;
    }));
    const [r] = checkWorkspace([{ id: '2024', text: texts[0] }, { id: '2023', text: texts[1] }]);
    assert.deepEqual(large(r.findings), []);
    // the pair is read: 95 and 21
    const cell = (t: string) => parseReport(t).tables.t3!.rows.find((x) => x.key === 'new')!.cells.find((c) => c.colKey === 'total')!.value.raw;
    assert.deepEqual(texts.map(cell), ['95', '21']);
  });

  it('goes through the runner: off, another severity', () => {
    const b = withCell(last, 't3', 'new', 'total', '440');
    assert.deepEqual(run(now, b, { severity: { 'large-change': 'off' } }), []);
    assert.deepEqual(run(now, b, { severity: { 'large-change': 'warning' } }).map((f) => f.severity), ['warning']);
  });
});
