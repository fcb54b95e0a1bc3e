// sum-of-parts: a city's 表三 and 表四 against its districts' (test/fixtures/sums, made by generate.mjs from the real
// 淮安市人民政府 2024 report: the city unchanged, two districts that add up to it cell by cell). The failing cases are
// built here: one part's figure changed, a part missing, a part twice, a declaration that does not hold at all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, declaredParts, parseConfigFile, parseReport, checkOptionsFor, type CheckOptions, type Finding, type WorkspaceInput } from '../../server/src/core';
import { applyEdits, FIXTURES } from './helpers';

const DIR = join(FIXTURES, 'sums');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const CITY = '淮安市人民政府.txt', QJP = '清江浦区.txt', HY = '淮阴区.txt';
const config = parseConfigFile(read('.nianbao.json'));
const options: CheckOptions = checkOptionsFor(config.config, undefined);
const sums = (r: { findings: Finding[] }) => r.findings.filter((f) => f.rule === 'sum-of-parts');

/** The three reports of the set, with `edit` applied to one of them. */
function set(change?: { file: string; edit: (text: string) => string }, files = [CITY, QJP, HY]): WorkspaceInput[] {
  return files.map((id) => ({ id, text: change?.file === id ? change.edit(read(id)) : read(id), options }));
}

/** The text with the cell of a table, row and column set to `value`. */
function setCell(text: string, table: 't3' | 't4', row: string, col: string, value: (old: number) => number): string {
  const c = parseReport(text).tables[table]!.rows.find((r) => r.key === row)!.cells.find((x) => x.colKey === col)!;
  return applyEdits(text, [{ start: c.start, end: c.end, newText: String(value(Number(c.value.raw))) }]);
}

describe('sum-of-parts: a total declared the sum of other reports', () => {
  it('the config file declares it, and the fixture set is consistent: nothing is said', () => {
    assert.equal(config.error, undefined);
    assert.equal(config.warnings, undefined);
    assert.deepEqual(options.settings?.sums, [{ total: '淮安市人民政府', parts: ['淮安市清江浦区人民政府', '淮安市淮阴区人民政府'], year: 2024, tables: ['t3', 't4'] }]);
    const results = checkWorkspace(set());
    for (const r of results) assert.deepEqual(sums(r), [], r.id);
    // the parts were found and compared: each one's 表三 differs from the city's
    const city = results.find((r) => r.id === CITY)!;
    const parts = declaredParts(city, results, options.settings?.sums)!;
    assert.deepEqual(parts.parts.map((p) => [p.name, p.found?.id]), [['淮安市清江浦区人民政府', QJP], ['淮安市淮阴区人民政府', HY]]);
    // and no table of the districts is out of balance (the split keeps them whole)
    for (const r of results) assert.deepEqual(r.findings.filter((f) => f.rule === 'table-balance'), [], r.id);
  });

  it('one part\'s figure changed: one warning on the city\'s cell, expected the new sum, the parts\' cells related', () => {
    const results = checkWorkspace(set({ file: HY, edit: (t) => setCell(t, 't3', 'granted', 'natural', (v) => v + 5) }));
    const city = results.find((r) => r.id === CITY)!;
    const hits = sums(city);
    assert.equal(hits.length, 1);
    const [f] = hits;
    const cell = city.model.tables.t3!.rows.find((r) => r.key === 'granted')!.cells.find((c) => c.colKey === 'natural')!;
    assert.equal(f.start, cell.start);
    assert.equal(f.severity, 'warning');
    assert.equal(f.actual, cell.value.raw);
    assert.equal(f.expected, String(Number(cell.value.raw) + 5));
    assert.match(f.message, /表三“（一）予以公开 \/ 自然人”为 1288，但 2 个组成部分之和为 1293（515 \+ 778）/);
    assert.deepEqual(f.related!.map((r) => r.file), [QJP, HY]);
    const hy = results.find((r) => r.id === HY)!;
    assert.equal(hy.model.text.slice(f.related![1].start, f.related![1].end), '778');
    // the district itself is not a total: nothing of this rule in it
    assert.deepEqual(sums(hy), []);
  });

  it('a figure of 表四 changed in a part: the city\'s 表四 cell', () => {
    const results = checkWorkspace(set({ file: QJP, edit: (t) => setCell(t, 't4', 'cases', 'review-upheld', (v) => v + 1) }));
    const hits = sums(results.find((r) => r.id === CITY)!);
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /^表四“行政复议·结果维持”为 72，但 2 个组成部分之和为 73/);
  });

  it('the city\'s own figure changed: the same cell, with the parts\' sum as expected', () => {
    const results = checkWorkspace(set({ file: CITY, edit: (t) => setCell(t, 't3', 'new', 'total', () => 3100) }));
    const hits = sums(results.find((r) => r.id === CITY)!);
    assert.deepEqual(hits.map((f) => [f.expected, f.actual]), [['3119', '3100']]);
  });

  it('a part missing: information naming it, and no cell compared', () => {
    const results = checkWorkspace(set({ file: HY, edit: (t) => setCell(t, 't3', 'granted', 'natural', (v) => v + 5) }, [CITY, HY]));
    const hits = sums(results.find((r) => r.id === CITY)!);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].severity, 'information');
    assert.match(hits[0].message, /未能唯一找到 2024 年的：淮安市清江浦区人民政府；未核对/);
    assert.equal(read(CITY).slice(hits[0].start, hits[0].end).replace(/\s+/g, ''), '淮安市人民政府2024年政府信息公开工作年度报告');
  });

  it('a part given twice (two reports of one district): not compared, and said', () => {
    const inputs = [...set(), { id: 'copy.txt', text: read(HY), options }];
    const hits = sums(checkWorkspace(inputs).find((r) => r.id === CITY)!);
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /淮安市淮阴区人民政府（2 份）/);
  });

  it('a declaration the reports do not follow at all: one finding per table instead of a flood', () => {
    // the city declared the sum of one district only: nearly every cell differs
    const decl = parseConfigFile(JSON.stringify({ sums: [{ total: '淮安市人民政府', parts: ['淮安市清江浦区人民政府'] }] }));
    const o = checkOptionsFor(decl.config, undefined);
    const results = checkWorkspace([CITY, QJP, HY].map((id) => ({ id, text: read(id), options: o })));
    const hits = sums(results.find((r) => r.id === CITY)!);
    assert.equal(hits.length, 2);
    assert.match(hits[0].message, /^表三有 \d+ 个单元格（共核对 175 个）不等于 1 个组成部分之和/);
    assert.match(hits[1].message, /^表四有 \d+ 个单元格（共核对 15 个）/);
    assert.equal(hits[0].related!.length, 10);
  });

  it('the declaration matches a short form of the names (洪泽区人民政府 for 淮安市洪泽区人民政府), but not another city\'s district', () => {
    const decl = parseConfigFile(JSON.stringify({ sums: [{ total: '淮安市人民政府', parts: ['清江浦区人民政府', '淮阴区人民政府'], tables: ['表三'] }] }));
    const o = checkOptionsFor(decl.config, undefined);
    const results = checkWorkspace(set({ file: HY, edit: (t) => setCell(t, 't3', 'granted', 'natural', (v) => v + 5) }).map((i) => ({ ...i, options: o })));
    assert.equal(sums(results.find((r) => r.id === CITY)!).length, 1);
    const other = parseConfigFile(JSON.stringify({ sums: [{ total: '淮安市人民政府', parts: ['宿迁市清江浦区人民政府', '淮阴区人民政府'] }] }));
    const o2 = checkOptionsFor(other.config, undefined);
    const hits = sums(checkWorkspace(set().map((i) => ({ ...i, options: o2 }))).find((r) => r.id === CITY)!);
    assert.match(hits[0].message, /未能唯一找到 2024 年的：宿迁市清江浦区人民政府；/);
  });

  it('another year than the declared one: the declaration does not apply', () => {
    const decl = parseConfigFile(JSON.stringify({ sums: [{ total: '淮安市人民政府', parts: ['淮安市清江浦区人民政府'], year: 2023 }] }));
    const o = checkOptionsFor(decl.config, undefined);
    assert.deepEqual(checkWorkspace([{ id: CITY, text: read(CITY), options: o }]).flatMap(sums), []);
  });

  it('goes through the runner: the severity set by the user, ignores and "ignore here"', () => {
    const change = { file: HY, edit: (t: string) => setCell(t, 't3', 'granted', 'natural', (v) => v + 5) };
    const run = (extra: CheckOptions) => sums(checkWorkspace(set(change).map((i) => ({ ...i, options: { ...options, ...extra } }))).find((r) => r.id === CITY)!);
    assert.deepEqual(run({ severity: { 'sum-of-parts': 'error' } }).map((f) => f.severity), ['error']);
    assert.deepEqual(run({ severity: { 'sum-of-parts': 'off' } }), []);
    assert.deepEqual(run({ ignore: { rules: ['sum-of-parts'] } }), []);
    const line = read(CITY).split('\n').find((l) => l.includes('（一）予以公开'))!.trim();
    assert.deepEqual(run({ ignore: { lines: [{ rule: 'sum-of-parts', line }] } }), []);
    assert.equal(run({ ignore: { lines: [{ rule: 'table-balance', line }] } }).length, 1);
  });

  it('bad declarations are left out with a warning, the rest of the file applies', () => {
    const r = parseConfigFile(JSON.stringify({
      words: ['淮安'],
      sums: [{ total: '', parts: ['a'] }, { total: 'A市人民政府', parts: [] }, { total: 'A市人民政府', parts: ['A市人民政府'] },
        { total: 'A市人民政府', parts: ['B区人民政府'], tables: ['表二'] }, { total: 'A市人民政府', parts: ['B区人民政府'], year: 'x' },
        { total: 'A市人民政府', parts: ['B区人民政府', 'B区人民政府', 3], tables: ['t3'] }],
    }));
    assert.equal(r.error, undefined);
    assert.deepEqual(r.config.words, ['淮安']);
    assert.deepEqual(r.config.sums, [{ total: 'A市人民政府', parts: ['B区人民政府'], tables: ['t3'] }]);
    assert.equal(r.warnings?.length, 5);
    assert.ok(r.warnings!.every((w) => /^sums\[\d\]/.test(w) && w.endsWith('(ignored)')), r.warnings!.join('\n'));
  });
});
