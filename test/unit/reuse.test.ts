// Tables kept between checks (TableReuse): a check that reuses them finds exactly what a check from scratch finds,
// whatever was edited and wherever; an edit outside a table's region does not read that table again.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReport, parseReport, TableReuse, type Table } from '../../server/src/core';
import { moved } from '../../server/src/core/parse/reuse';
import { loadReport, reportNames } from './helpers';

/** Every number in a value, by path. */
function numbers(x: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof x === 'number') out.set(path, x);
  else if (Array.isArray(x)) x.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) numbers(v, `${path}.${k}`, out);
  return out;
}
const POSITION = /\.(start|end|truncatedAt)$/;

describe('table reuse between checks', () => {
  const reports = reportNames().map(loadReport);
  // a collapsed web page, whose tables are recovered row by row, and a report with the heading of 四 gone (表四 read
  // as an orphan after 表三)
  const collapsed = reports[reportNames().indexOf('huaian-2024-web-collapsed')];
  const noHeading4 = reports[2].replace(/四、政府信息公开行政复议[^\n]*\n/, '');

  it('a check with kept tables finds what a check from scratch finds, over random edit sequences', () => {
    const texts = [...reports, noHeading4];
    const edit = fc.record({
      at: fc.nat(), del: fc.nat({ max: 6 }),
      insert: fc.constantFrom('', '字', '7', '0', '\n', ' ', '\t', '|', '|\n', '四、', '合计', '。', '\r\n'),
    });
    fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
      const reuse = new TableReuse();
      let text = texts[which];
      checkReport(text, { reuse });
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
        const kept = checkReport(text, { reuse }), fresh = checkReport(text);
        assert.deepStrictEqual(kept.model.tables, fresh.model.tables);
        assert.deepStrictEqual(kept.findings, fresh.findings);
      }
    }), { numRuns: 60 });
  });

  it('an edit in the prose reads no table again; an edit in a table reads that one only', () => {
    for (const text of [reports[2], collapsed]) {
      const reuse = new TableReuse();
      const first = parseReport(text, undefined, { reuse });
      const ids = Object.keys(first.tables) as (keyof typeof first.tables)[];
      assert.ok(ids.length >= 3, 'the report has its tables');
      const misses = reuse.misses;
      assert.ok(misses >= ids.length);
      // a character typed in the first paragraph: every table moves by one, none is read
      const at = first.sections[0].body.start + 2;
      const edited = text.slice(0, at) + '字' + text.slice(at);
      const second = parseReport(edited, undefined, { reuse });
      assert.equal(reuse.misses, misses, 'no table read again');
      for (const id of ids) {
        assert.equal(second.tables[id]!.start, first.tables[id]!.start + 1);
        assert.notEqual(second.tables[id], first.tables[id], 'a copy of its own');
      }
      assert.deepStrictEqual(second.tables, parseReport(edited).tables);
      // a figure typed inside 表三: 表三 is read again, the others are not
      const t3 = second.tables.t3!;
      const cell = t3.rows.find((r) => r.status === 'ok')!.cells[0];
      const inTable = edited.slice(0, cell.start) + '1' + edited.slice(cell.start);
      const before = reuse.misses;
      const third = parseReport(inTable, undefined, { reuse });
      assert.ok(reuse.misses > before, '表三 read again');
      assert.equal(third.tables.t2!.start, second.tables.t2!.start, '表二 before the edit stays where it was');
      assert.deepStrictEqual(third.tables, parseReport(inTable).tables);
    }
  });

  it('moving a table moves every position it holds and nothing else', () => {
    for (const text of [reports[0], collapsed, reports[2]]) {
      let positions = 0;
      for (const t of Object.values(parseReport(text).tables) as Table[]) {
        const before = numbers(t), after = numbers(moved(t, 1000, true));
        assert.deepStrictEqual([...after.keys()], [...before.keys()]);
        for (const [path, v] of before) {
          if (POSITION.test(path)) { positions++; assert.equal(after.get(path), v + 1000, path); } else assert.equal(after.get(path), v, path);
        }
        assert.deepStrictEqual(moved(moved(t, 1000, true), -1000, false), t);
      }
      assert.ok(positions > 100, 'cells, labels and spans were walked');
    }
  });

  it('keeps at most the tables its limits allow, the least recently used going first', () => {
    const reuse = new TableReuse({ maxEntries: 8 });
    for (const text of reports) parseReport(text, undefined, { reuse });
    assert.ok(reuse.size <= 8 && reuse.size > 0);
    const last = reports[reports.length - 1];
    const misses = reuse.misses;
    parseReport(last, undefined, { reuse });
    assert.equal(reuse.misses, misses, 'the last report read is still kept');
    parseReport(reports[0], undefined, { reuse });
    assert.ok(reuse.misses > misses, 'the first was evicted');
    const tight = new TableReuse({ maxChars: 100 });
    parseReport(reports[0], undefined, { reuse: tight });
    assert.equal(tight.size, 0, 'no region of more than 100 characters kept');
    reuse.clear();
    assert.equal(reuse.size, 0);
  });
});
