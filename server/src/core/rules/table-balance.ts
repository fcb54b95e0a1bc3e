// table-balance: the arithmetic relations of the template (勾稽关系), compared exactly.
import { tableDef, type RelationDef } from '../template';
import { addDec, cmpDec, formatDec, subDec, ZERO } from '../numbers';
import type { Cell, Dec, Row, Table } from '../types';
import type { Rule, RuleContext } from './rule';
import { cellName } from './util';

interface Instance { target: Cell; plus: Cell[]; minus: Cell[]; targetRow: Row; rows: Map<Cell, Row> }

/** Every instance of a relation in a table whose cells are all located and numeric; others cannot be checked. */
function instances(table: Table, rel: RelationDef): Instance[] {
  const out: Instance[] = [];
  const rowByKey = new Map(table.rows.map((r) => [r.key, r] as const));
  const cellAt = (row: Row | undefined, colKey: string) => row?.cells.find((c) => c.colKey === colKey);
  const numeric = (c: Cell | undefined): c is Cell => !!c && !!c.value.num;
  if (rel.forEach === 'row') {
    for (const row of table.rows) {
      if (row.status !== 'ok') continue;
      const target = cellAt(row, rel.target);
      const plus = rel.plus.map((k) => cellAt(row, k));
      const minus = (rel.minus ?? []).map((k) => cellAt(row, k));
      if (!numeric(target) || !plus.every(numeric) || !minus.every(numeric)) continue;
      const rows = new Map<Cell, Row>([target, ...plus, ...minus].map((c) => [c as Cell, row]));
      out.push({ target, plus: plus as Cell[], minus: minus as Cell[], targetRow: row, rows });
    }
  } else {
    const targetRow = rowByKey.get(rel.target);
    if (!targetRow || targetRow.status !== 'ok') return out;
    for (const cell of targetRow.cells) {
      const col = cell.colKey;
      const plusRows = rel.plus.map((k) => rowByKey.get(k));
      const minusRows = (rel.minus ?? []).map((k) => rowByKey.get(k));
      const plus = plusRows.map((r) => cellAt(r, col));
      const minus = minusRows.map((r) => cellAt(r, col));
      if (!numeric(cell) || !plus.every(numeric) || !minus.every(numeric)) continue;
      const rows = new Map<Cell, Row>([[cell, targetRow]]);
      plus.forEach((c, i) => rows.set(c as Cell, plusRows[i]!));
      minus.forEach((c, i) => rows.set(c as Cell, minusRows[i]!));
      out.push({ target: cell, plus: plus as Cell[], minus: minus as Cell[], targetRow, rows });
    }
  }
  return out;
}

function check(ctx: RuleContext, table: Table): void {
  const { model, t, report } = ctx;
  const version = model.tableVersion;
  const def = tableDef(version, table.id);
  for (const rel of def.relations) {
    for (const inst of instances(table, rel)) {
      let expected: Dec = ZERO;
      for (const c of inst.plus) expected = addDec(expected, c.value.num!);
      for (const c of inst.minus) expected = subDec(expected, c.value.num!);
      const actual = inst.target.value.num!;
      if (cmpDec(expected, actual) === 0) continue;
      const exp = formatDec(expected), act = formatDec(actual), diff = formatDec(subDec(actual, expected));
      const name = cellName(table, version, inst.targetRow, inst.target);
      const related = [
        ...inst.plus.map((c) => ({ start: c.start, end: c.end, message: `+ ${cellName(table, version, inst.rows.get(c)!, c)} = ${c.value.raw}` })),
        ...inst.minus.map((c) => ({ start: c.start, end: c.end, message: `− ${cellName(table, version, inst.rows.get(c)!, c)} = ${c.value.raw}` })),
      ];
      report({
        start: inst.target.start, end: inst.target.end,
        message: t(`勾稽关系不成立（${rel.name['zh-CN']}）：“${name}”应为 ${exp}，实为 ${act}，相差 ${diff}`,
          `Totals do not add up (${rel.name.en}): "${name}" should be ${exp} but is ${act} (difference ${diff})`),
        expected: exp, actual: act, related,
        // offered, never preferred: nobody knows which cell is wrong
        fixes: expected.units >= 0n ? [{ title: t(`将“${name}”改为计算值 ${exp}（请先核实哪一格有误）`, `Set "${name}" to the computed ${exp} (check which cell is wrong first)`), edits: [{ start: inst.target.start, end: inst.target.end, newText: exp }], preferred: false }] : undefined,
      });
    }
  }
}

export const tableBalance: Rule = {
  id: 'table-balance',
  defaultSeverity: 'error',
  title: { 'zh-CN': '表格勾稽关系不成立', en: 'Table totals do not add up' },
  check(ctx) {
    for (const table of Object.values(ctx.model.tables)) if (table) check(ctx, table);
  },
};
