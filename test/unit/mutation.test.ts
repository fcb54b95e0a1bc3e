// Mutation tests: one defect put into a real report, in each layout; the right rule fires at the right place.
import assert from 'node:assert/strict';
import { checkReport, formatDec, parseReport, type Finding, type ReportModel } from '../../server/src/core';
import { applyEdits, loadReport } from './helpers';

const LAYOUTS: [string, string][] = [
  ['001_205104d3919f452a', 'tab-separated'],
  ['huaian-2024-pdf-tabs', 'tab-separated (淮安)'],
  ['002_b67df828cb4a1735', 'one cell per line between |'],
  ['004_ba2cc9ced20f5da6', 'Markdown-like pipes'],
  ['huaian-2024-pdf-text', 'pdftotext, space-separated'],
  ['layouts/huaian-2024-pipes-blank-zeros', 'HTML flattened to | … | rows, merged labels once, blanks for zeros'],
  ['layouts/001-pipes-blank-zeros', 'HTML flattened to | … | rows, merged labels once, blanks for zeros (a 0-heavy table)'],
  ['corpus/shuyang-2025-converted.md', 'Markdown from a converter: a pipe table per row, generic heads'],
  ['layouts/huaian-2024-t3-8col', 'an 8-column 表三 with a 法人或其他组织 小计 column'],
  ['layouts/001-t3-8col-subtotal-first', 'an 8-column 表三 with 小计 before the five kinds'],
  ['layouts/huaian-2024-t3-2019-other', 'a 2021 表三 keeping the 2019 row （六）其他处理'],
];
/** A row's cell of a column. */
const cellOf = (r: { cells: { colKey: string }[] }, col: string) => r.cells.find((c) => c.colKey === col)!;

function row(model: ReportModel, key: string) {
  const r = model.tables.t3!.rows.find((x) => x.key === key);
  assert.ok(r && r.status === 'ok', key);
  return r;
}

function only(findings: Finding[], rule: string): Finding[] { return findings.filter((f) => f.rule === rule); }

for (const [name, layout] of LAYOUTS) {
  describe(`mutations in ${layout} (${name})`, () => {
    const text = loadReport(name);
    const model = parseReport(text);
    const baseline = checkReport(text).findings;

    it('a changed total: table-balance on that cell, expected vs actual', () => {
      const cell = cellOf(row(model, 'new'), 'total') as ReturnType<typeof row>['cells'][number];
      const old = formatDec(cell.value.num!);
      const changed = String(Number(old) + 5);
      const mutated = applyEdits(text, [{ start: cell.start, end: cell.end, newText: changed }]);
      const hits = only(checkReport(mutated).findings, 'table-balance').filter((f) => f.start === cell.start);
      assert.equal(hits.length, 1, JSON.stringify(hits));
      assert.equal(hits[0].expected, old);
      assert.equal(hits[0].actual, changed);
      assert.equal(mutated.slice(hits[0].start, hits[0].end), changed);
      assert.equal(hits[0].related?.length, 6);
      assert.ok(hits[0].fixes?.length && !hits[0].fixes[0].preferred);
    });

    it('a changed part: the row total and the column total both fail, never silently', () => {
      const r = row(model, 'granted');
      const cell = r.cells[0];
      const mutated = applyEdits(text, [{ start: cell.start, end: cell.end, newText: String(Number(cell.value.raw) + 1) }]);
      const m2 = parseReport(mutated);
      const got = only(checkReport(mutated).findings, 'table-balance');
      const rowTotal = cellOf(m2.tables.t3!.rows.find((x) => x.key === 'granted')!, 'total') as typeof cell;
      const colTotal = cellOf(m2.tables.t3!.rows.find((x) => x.key === 'handled-total')!, 'natural') as typeof cell;
      assert.ok(got.some((f) => f.start === rowTotal.start), 'row total');
      assert.ok(got.some((f) => f.start === colTotal.start), 'column total');
      assert.equal(only(baseline, 'table-balance').length, 0);
    });

    it('a dropped section heading: missing-section', () => {
      const sec = model.sections.find((s) => s.n === 5)!;
      const mutated = applyEdits(text, [{ start: sec.heading.start, end: sec.heading.end, newText: '' }]);
      const hits = only(checkReport(mutated).findings, 'missing-section');
      assert.equal(hits.length, 1);
      assert.match(hits[0].message, /五、存在的主要问题及改进情况/);
      const fixed = applyEdits(mutated, hits[0].fixes![0].edits);
      assert.deepEqual(parseReport(fixed).sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
    });

    it('a misspelt row label: label-typo on it, and its fix restores the official wording', () => {
      const r = row(model, 'unable-1');
      const at = text.indexOf('掌握', r.labelMatch!.start);
      assert.ok(at > 0 && at < r.labelMatch!.end);
      const mutated = applyEdits(text, [{ start: at, end: at + 2, newText: '掌屋' }]);
      // (the report's own label typos, as they were, aside)
      const own = new Set(only(baseline, 'label-typo').map((f) => `${f.start} ${f.end}`));
      const hits = only(checkReport(mutated).findings, 'label-typo').filter((f) => !own.has(`${f.start} ${f.end}`));
      assert.equal(hits.length, 1, JSON.stringify(hits.map((h) => mutated.slice(h.start, h.end))));
      assert.ok(hits[0].start <= at && hits[0].end >= at + 2);
      const fix = hits[0].fixes!.find((f) => f.preferred)!;
      const fixed = applyEdits(mutated, fix.edits);
      assert.equal(only(checkReport(fixed).findings, 'label-typo').length, own.size);
      assert.deepEqual(parseReport(fixed).tables.t3!.rows.find((x) => x.key === 'unable-1')!.cells.map((c) => c.value.raw), r.cells.map((c) => c.value.raw));
    });

    it('a dropped row: missing-row names it, after the row before it', () => {
      const rows = model.tables.t3!.rows;
      const k = rows.findIndex((x) => x.key === 'denied-7');
      const target = rows[k], next = rows[k + 1];
      let start: number, end: number;
      if (model.tables.t3!.layout === 'pipe') {
        start = target.labelMatch!.start; end = next.labelMatch!.start;
      } else {
        start = text.lastIndexOf('\n', target.labelMatch!.start) + 1; end = text.indexOf('\n', target.span!.end) + 1;
      }
      const mutated = applyEdits(text, [{ start, end, newText: '' }]);
      const hits = only(checkReport(mutated).findings, 'missing-row');
      assert.equal(hits.length, 1, JSON.stringify(hits.map((h) => h.message)));
      assert.match(hits[0].message, /7\.属于行政执法案卷/);
      const prev = parseReport(mutated).tables.t3!.rows.find((x) => x.key === 'denied-6')!;
      assert.equal(hits[0].start, prev.labelMatch!.start);
      // the insertion fix puts the row back, read as a row again
      const fixed = applyEdits(mutated, hits[0].fixes![0].edits);
      assert.equal(parseReport(fixed).tables.t3!.rows.find((x) => x.key === 'denied-7')!.status, 'ok');
    });
  });
}

describe('a column dropped from a whole table (tab layout)', () => {
  it('missing-row names the column; the other columns are still read and checked', () => {
    const text = loadReport('huaian-2024-pdf-tabs');
    // drop 总计 (the last column) from the header and every row of 表三
    const m = parseReport(text);
    const t3 = m.tables.t3!;
    const edits = t3.rows.map((r) => r.cells[6]).map((c) => ({ start: text.lastIndexOf('\t', c.start), end: c.end, newText: '' }));
    const head = t3.columns.find((c) => c.key === 'total')!.match!;
    edits.push({ start: head.start - 1, end: head.end, newText: '' });
    const mutated = applyEdits(text, edits);
    const { findings, model } = checkReport(mutated);
    const col = findings.filter((f) => f.rule === 'missing-row');
    assert.equal(col.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.match(col[0].message, /“总计”列/);
    assert.deepEqual(model.tables.t3!.missingColumns?.map((c) => c.key), ['total']);
    assert.equal(model.tables.t3!.rows.filter((r) => r.status === 'ok').length, 25);
    assert.equal(findings.filter((f) => f.rule === 'table-balance').length, 0);
    assert.equal(findings.filter((f) => f.rule === 'table-unreadable').length, 0);
    // and a wrong number in the remaining columns is still caught
    const natural = model.tables.t3!.rows.find((r) => r.key === 'handled-total')!.cells[0];
    const broken = applyEdits(mutated, [{ start: natural.start, end: natural.end, newText: '2933' }]);
    assert.ok(checkReport(broken).findings.some((f) => f.rule === 'table-balance' && f.start === natural.start));
  });
});
