// Text collapsed from a web page, cells run together ("（一）予以公开128821005031362"): the cells are recovered
// only where the template's relations admit exactly one split, and never so that an arithmetic finding could
// rest on a guessed split. Then the table can be normalised like any other.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDec, cmpDec, parseDec, parseReport, subDec, tableDef, ZERO, type Dec, type ReportModel, type Table } from '../../server/src/core';
import { normalizeReport } from '../../server/src/core/normalize';
import { recoverCollapsedRows, recoverCollapsedTables, splitRow } from '../../server/src/core/parse/collapsed';
import { loadReport, reportNames } from './helpers';

const T3 = tableDef('2021', 't3');
const T4 = tableDef('2021', 't4');
const T2 = tableDef('2021', 't2');
const cols = (def: typeof T3, b = 0) => def.blocks[b].columns;

/** Every relation of a table that can be evaluated on its located rows, with whether it holds. */
function relations(table: Table, def: typeof T3): { id: string; ok: boolean; rows: string[] }[] {
  const out: { id: string; ok: boolean; rows: string[] }[] = [];
  const val = (rk: string, ck: string): Dec | undefined => table.rows.find((r) => r.key === rk && r.status === 'ok')?.cells.find((c) => c.colKey === ck)?.value.num;
  for (const rel of def.relations) {
    const terms = [rel.target, ...rel.plus];
    if (rel.forEach === 'row') {
      for (const row of table.rows) {
        const v = terms.map((k) => val(row.key, k));
        if (v.some((x) => !x) || rel.minus?.length) continue;
        const sum = v.slice(1).reduce((a, b) => addDec(a!, b!), ZERO)!;
        out.push({ id: rel.id, ok: cmpDec(sum, v[0]!) === 0, rows: [row.key] });
      }
    } else {
      for (const c of def.blocks[0].columns) {
        const v = terms.map((k) => val(k, c.key));
        const m = (rel.minus ?? []).map((k) => val(k, c.key));
        if (v.some((x) => !x) || m.some((x) => !x)) continue;
        let sum = v.slice(1).reduce((a, b) => addDec(a!, b!), ZERO)!;
        for (const x of m) sum = addDec(sum, { units: -x!.units, scale: x!.scale });
        out.push({ id: rel.id, ok: cmpDec(sum, v[0]!) === 0, rows: [...terms, ...(rel.minus ?? [])] });
      }
    }
  }
  return out;
}

describe('collapsed web text: cells run together', () => {
  it('splits a row in the one way its total allows', () => {
    assert.deepEqual(splitRow('128821005031362', cols(T3), T3.relations).solutions, [['1288', '21', '0', '0', '50', '3', '1362']]);
    assert.deepEqual(splitRow('0000000', cols(T3), T3.relations).solutions, [['0', '0', '0', '0', '0', '0', '0']]);
    // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both balance: ambiguous
    assert.equal(splitRow('110000011', cols(T3), T3.relations).solutions.length, 2);
    // no split balances
    assert.equal(splitRow('1234567', cols(T3), T3.relations).solutions.length, 0);
    // 表四: three groups, each total the sum of the four before it
    assert.deepEqual(splitRow('72641783735113481261211620', cols(T4), T4.relations, 5).solutions.length, 3);
    // no relation: a single column is unique, three columns usually are not
    assert.deepEqual(splitRow('96171.6', cols(T2, 3), T2.relations).solutions, [['96171.6']]);
    assert.equal(splitRow('1011', cols(T2, 0), T2.relations).solutions.length, 2);
    // no leading zeros: 0|0|0 is the only way to read 000
    assert.deepEqual(splitRow('000', cols(T2, 0), T2.relations).solutions, [['0', '0', '0']]);
    // a run of digits far too long gives up rather than searching for ever
    const r = splitRow('1'.repeat(200), cols(T3), T3.relations);
    assert.ok(r.exhausted || r.solutions.length === 0);
  });

  it('finds exactly the splits a brute-force enumeration finds (表二, 表三 and 表四 rows; random and balancing digits)', () => {
    // every way to cut the digits into one well-formed part of at most 12 characters per column, kept where every row
    // relation on the columns holds (computed exactly, each as soon as its last column is cut)
    const brute = (digits: string, columns: typeof T3.blocks[0]['columns'], def: typeof T3): string[][] => {
      const at = new Map(columns.map((c, i) => [c.key, i]));
      const rels = def.relations.filter((r) => r.forEach === 'row' && [r.target, ...r.plus, ...(r.minus ?? [])].every((k) => at.has(k)))
        .map((r) => ({ target: at.get(r.target)!, plus: r.plus.map((k) => at.get(k)!), minus: (r.minus ?? []).map((k) => at.get(k)!) }));
      const lastColumn = rels.map((r) => Math.max(r.target, ...r.plus, ...r.minus));
      const out: string[][] = [];
      const parts: string[] = [], values: Dec[] = [];
      const go = (i: number, pos: number): void => {
        if (i === columns.length) { if (pos === digits.length) out.push([...parts]); return; }
        for (let len = 1; len <= 12 && pos + len <= digits.length; len++) {
          const s = digits.slice(pos, pos + len);
          if (!(columns[i].value === 'decimal' ? /^(?:0|[1-9]\d*)(?:\.\d+)?$/ : /^(?:0|[1-9]\d*)$/).test(s)) continue;
          parts[i] = s;
          values[i] = parseDec(s)!;
          const holds = rels.every((r, k) => {
            if (lastColumn[k] !== i) return true;
            let sum = ZERO;
            for (const j of r.plus) sum = addDec(sum, values[j]);
            for (const j of r.minus) sum = subDec(sum, values[j]);
            return cmpDec(sum, values[r.target]) === 0;
          });
          if (holds) go(i + 1, pos + len);
        }
      };
      go(0, 0);
      return out;
    };
    const rows = [T3, T4, T2].flatMap((def) => def.blocks.map((_, b) => ({ def, columns: cols(def, b) }))).filter((r) => r.columns.length > 0);
    // values that balance (each group's last column the sum of the others, as 表三 and 表四 have them), or any digits
    const balancing = (columns: number, values: number[]) => {
      const groups = columns === 15 ? 3 : 1, w = columns / groups, v = values.slice(0, columns);
      for (let g = 0; g < groups && w > 1; g++) v[g * w + w - 1] = v.slice(g * w, g * w + w - 1).reduce((a, b) => a + b, 0);
      return v.join('');
    };
    const value = fc.oneof(fc.constant(0), fc.nat(9), fc.nat(99), fc.nat(3000));
    const digitString = fc.oneof(fc.stringMatching(/^[0-9]{1,20}$/), fc.array(value, { minLength: 15, maxLength: 15 }));
    let compared = 0;
    fc.assert(fc.property(fc.nat(rows.length - 1), digitString, (r, d) => {
      const { def, columns } = rows[r];
      const digits = typeof d === 'string' ? d : balancing(columns.length, d);
      if (digits.length > 24) return;
      const got = splitRow(digits, columns, def.relations, 100000);
      if (got.exhausted) return;
      compared++;
      const want = brute(digits, columns, def);
      assert.deepEqual(got.solutions.map((p) => p.join('|')).sort(), want.map((p) => p.join('|')).sort(), `${def.id}, ${columns.length} columns: ${digits}`);
    }), { numRuns: 400 });
    assert.ok(compared > 200, `only ${compared} cases compared`);
  });

  it('the 淮安 page: every row of 表三 recovered, as the PDF has them; ambiguous rows left unread', () => {
    const text = loadReport('huaian-2024-web-collapsed');
    const { model, recovered, ambiguous } = recoverCollapsedTables(text, parseReport(text, undefined, { recoverCollapsed: false }));
    const ref = parseReport(loadReport('huaian-2024-pdf-tabs'));
    assert.equal(recovered.t3!.length, 25);
    assert.deepEqual(recovered.t2, ['licensing', 'penalty', 'enforcement', 'fees']);
    assert.deepEqual(ambiguous, { t2: ['rules', 'normative'], t4: ['cases'] });
    for (const id of ['t2', 't3'] as const) {
      for (const row of model.tables[id]!.rows.filter((r) => r.status === 'ok')) {
        const refRow = ref.tables[id]!.rows.find((r) => r.key === row.key)!;
        assert.deepEqual(row.cells.map((c) => c.value.raw), refRow.cells.map((c) => c.value.raw), row.key);
        for (const c of row.cells) assert.equal(text.slice(c.start, c.end), c.value.raw, 'cells point at their digits');
      }
    }
    assert.ok(model.tables.t4!.rows.every((r) => r.status === 'unlocated'));
    assert.ok(relations(model.tables.t3!, T3).every((r) => r.ok));
  });

  it('the other fixtures are left exactly as the reader read them', () => {
    for (const name of reportNames().filter((n) => n !== 'huaian-2024-web-collapsed')) {
      const text = loadReport(name);
      const m = parseReport(text);
      const r = recoverCollapsedTables(text, m);
      assert.deepEqual(r.recovered, {}, name);
      assert.deepEqual(r.model.tables, m.tables, name);
    }
  });

  it('the recovered 表三 normalises to the canonical layout and reads back with the same values', () => {
    const text = loadReport('huaian-2024-web-collapsed');
    const { model } = recoverCollapsedTables(text, parseReport(text));
    const res = normalizeReport(text, model);
    assert.deepEqual(res.tables.map((t) => t.status), ['skipped', 'rewritten', 'skipped']);
    assert.ok(res.text.includes('\n（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362\n'));
    const again = parseReport(res.text);
    assert.ok(again.tables.t3!.rows.every((r) => r.status === 'ok'), 'read without recovery once normalised');
    assert.deepEqual(again.tables.t3!.rows.map((r) => r.cells.map((c) => c.value.raw)), model.tables.t3!.rows.map((r) => r.cells.map((c) => c.value.raw)));
  });

  describe('property: never a wrong split, never an arithmetic error on a recovered cell', () => {
    const base = loadReport('huaian-2024-web-collapsed');
    const baseModel = parseReport(base);
    const t3 = baseModel.tables.t3!;
    const section = base.slice(t3.region.start, t3.region.end);
    const labels = T3.blocks[0].rows.map((r) => r.label);
    /** The collapsed section 三 with other numbers: labels followed by their digits, nothing between. */
    const collapse = (values: number[][]) => {
      let s = section.slice(0, section.indexOf(labels[0]));
      labels.forEach((l, i) => { s += l + values[i].join(''); });
      return s;
    };
    const table = fc.array(fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 9 }), fc.nat({ max: 3000 })), { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 })
      .chain((detail) => fc.record({ detail: fc.constant(detail), newer: fc.array(fc.nat({ max: 500 }), { minLength: 6, maxLength: 6 }), broken: fc.option(fc.record({ row: fc.nat({ max: 24 }), col: fc.nat({ max: 6 }), delta: fc.integer({ min: 1, max: 9 }) })) }));

    it('on random 表三 tables, balanced or with one error, collapsed onto a line', function () {
      this.timeout(120000);
      fc.assert(fc.property(table, ({ detail, newer, broken }) => {
        // rows: new, carried-over, 21 result rows, handled-total, carry-forward; every column balancing
        const sumRow = (r: number[]) => [...r, r.reduce((a, b) => a + b, 0)];
        const handled = detail[0].map((_, j) => detail.reduce((a, r) => a + r[j], 0));
        const carried = newer.map((n, j) => Math.max(0, handled[j] - n + (j % 2)));
        const forward = handled.map((h, j) => newer[j] + carried[j] - h);
        const truth = [sumRow(newer), sumRow(carried), ...detail.map(sumRow), sumRow(handled), sumRow(forward)];
        const values = truth.map((r) => [...r]);
        if (broken) values[broken.row][broken.col] += broken.delta; // one wrong cell: some relation fails
        const sectionText = collapse(values);
        const text = base.slice(0, t3.region.start) + sectionText + base.slice(t3.region.end);
        const model: ReportModel = parseReport(text);
        const r = recoverCollapsedRows(text, T3, parseReport(text, undefined, { recoverCollapsed: false }).tables.t3!);
        r.table.rows.forEach((row, i) => {
          if (row.status !== 'ok') return;
          // a recovered row is what was written
          assert.deepEqual(row.cells.map((c) => Number(c.value.raw)), values[i], row.key);
        });
        // no relation fails on recovered cells
        for (const rel of relations(r.table, T3)) {
          if (!rel.ok) assert.ok(rel.rows.every((k) => !r.recovered.includes(k)), `${rel.id} fails on recovered ${rel.rows.filter((k) => r.recovered.includes(k))}`);
        }
        if (!broken) assert.ok(r.recovered.length + r.ambiguous.length === 25, 'a balanced table: every row is recovered or said ambiguous');
      }), { numRuns: 100 });
    });
  });
});
