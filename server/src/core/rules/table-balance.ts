// table-balance: the arithmetic relations of the template (勾稽关系), compared exactly.
import { tableDef, type RelationDef } from '../template';
import { addDec, cmpDec, formatDec, subDec, ZERO } from '../numbers';
import type { Cell, Dec, Row, Table } from '../types';
import type { Rule, RuleContext } from './rule';
import { cellName } from './util';

interface Instance { target: Cell; plus: Cell[]; minus: Cell[]; targetRow: Row; plusRows: Row[]; minusRows: Row[] }

const cellAt = (row: Row | undefined, colKey: string): Cell | undefined => {
  if (!row) return undefined;
  for (const c of row.cells) if (c.colKey === colKey) return c;
  return undefined;
};
const numeric = (c: Cell | undefined): c is Cell => !!c && !!c.value.num;

/** Every instance of a relation in a table whose cells are all located and numeric; others cannot be checked. */
function instances(table: Table, rowByKey: Map<string, Row>, rel: RelationDef): Instance[] {
  const out: Instance[] = [];
  const minusKeys = rel.minus ?? [];
  if (rel.forEach === 'row') {
    for (const row of table.rows) {
      if (row.status !== 'ok') continue;
      const target = cellAt(row, rel.target);
      const plus = rel.plus.map((k) => cellAt(row, k));
      const minus = minusKeys.map((k) => cellAt(row, k));
      if (!numeric(target) || !plus.every(numeric) || !minus.every(numeric)) continue;
      out.push({ target, plus: plus as Cell[], minus: minus as Cell[], targetRow: row, plusRows: plus.map(() => row), minusRows: minus.map(() => row) });
    }
  } else {
    const targetRow = rowByKey.get(rel.target);
    if (!targetRow || targetRow.status !== 'ok') return out;
    const plusRows = rel.plus.map((k) => rowByKey.get(k));
    const minusRows = minusKeys.map((k) => rowByKey.get(k));
    if (!plusRows.every((r) => r?.status === 'ok') || !minusRows.every((r) => r?.status === 'ok')) return out;
    for (const cell of targetRow.cells) {
      const col = cell.colKey;
      const plus = plusRows.map((r) => cellAt(r, col));
      const minus = minusRows.map((r) => cellAt(r, col));
      if (!numeric(cell) || !plus.every(numeric) || !minus.every(numeric)) continue;
      out.push({ target: cell, plus: plus as Cell[], minus: minus as Cell[], targetRow, plusRows: plusRows as Row[], minusRows: minusRows as Row[] });
    }
  }
  return out;
}

function check(ctx: RuleContext, table: Table): void {
  const { model, t, report } = ctx;
  const version = model.tableVersion;
  const def = tableDef(version, table.id);
  const rowByKey = new Map<string, Row>();
  for (const r of table.rows) rowByKey.set(r.key, r);
  for (const rel of def.relations) {
    for (const inst of instances(table, rowByKey, rel)) {
      let expected: Dec = ZERO;
      for (const c of inst.plus) expected = addDec(expected, c.value.num!);
      for (const c of inst.minus) expected = subDec(expected, c.value.num!);
      const actual = inst.target.value.num!;
      if (cmpDec(expected, actual) === 0) continue;
      const exp = formatDec(expected), act = formatDec(actual), diff = formatDec(subDec(actual, expected));
      const name = cellName(table, version, inst.targetRow, inst.target);
      const related = [
        ...inst.plus.map((c, i) => ({ start: c.start, end: c.end, message: `+ ${cellName(table, version, inst.plusRows[i], c)} = ${c.value.raw}` })),
        ...inst.minus.map((c, i) => ({ start: c.start, end: c.end, message: `− ${cellName(table, version, inst.minusRows[i], c)} = ${c.value.raw}` })),
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
