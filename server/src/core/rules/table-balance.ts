// table-balance: the arithmetic relations of the template (勾稽关系), compared exactly.
import { tableDef, type RelationDef } from '../template';
import { addDec, cmpDec, formatDec, subDec, ZERO } from '../numbers';
import type { Cell, Dec, Row, Table } from '../types';
import type { Rule, RuleContext } from './rule';
import { cellName } from './util';

const cellAt = (row: Row | undefined, colKey: string): Cell | undefined => {
  if (!row) return undefined;
  for (const c of row.cells) if (c.colKey === colKey) return c;
  return undefined;
};
const numeric = (c: Cell | undefined): c is Cell => !!c && !!c.value.num;

/**
 * One instance of a relation: its cells and their rows, the target first, then the cells added, then those
 * subtracted. Filled in place for each instance (most add up and are dropped): arrays reused between instances.
 */
interface Instance { cells: Cell[]; rows: Row[]; n: number; plus: number }

/** Fill inst with the cells of the relation in row (forEach row) or column col; false if one is not numeric. */
function fill(inst: Instance, rel: RelationDef, rowByKey: Map<string, Row>, row: Row | undefined, col: string | undefined): boolean {
  const minus = rel.minus ?? [];
  inst.plus = rel.plus.length; inst.n = 1 + inst.plus + minus.length;
  for (let k = 0; k < inst.n; k++) {
    const key = k === 0 ? rel.target : k <= inst.plus ? rel.plus[k - 1] : minus[k - 1 - inst.plus];
    const r = row ?? rowByKey.get(key)!;
    const c = col === undefined ? cellAt(r, key) : cellAt(r, col);
    if (!numeric(c)) return false;
    inst.cells[k] = c; inst.rows[k] = r;
  }
  return true;
}

/** Every instance of a relation in a table whose cells are all located and numeric; others cannot be checked. */
function eachInstance(table: Table, rowByKey: Map<string, Row>, rel: RelationDef, inst: Instance, fn: () => void): void {
  if (rel.forEach === 'row') {
    for (const row of table.rows) if (row.status === 'ok' && fill(inst, rel, rowByKey, row, undefined)) fn();
    return;
  }
  const targetRow = rowByKey.get(rel.target);
  if (!targetRow || targetRow.status !== 'ok') return;
  const ok = (k: string) => rowByKey.get(k)?.status === 'ok';
  if (!rel.plus.every(ok) || !(rel.minus ?? []).every(ok)) return;
  for (const cell of targetRow.cells) if (fill(inst, rel, rowByKey, undefined, cell.colKey)) fn();
}

function check(ctx: RuleContext, table: Table): void {
  const { model, t, report } = ctx;
  const version = model.tableVersion;
  const def = tableDef(version, table.id);
  const rowByKey = new Map<string, Row>();
  for (const r of table.rows) rowByKey.set(r.key, r);
  const inst: Instance = { cells: [], rows: [], n: 0, plus: 0 };
  for (const rel of def.relations) {
    eachInstance(table, rowByKey, rel, inst, () => {
      const { cells, rows, n } = inst;
      let expected: Dec = ZERO;
      for (let k = 1; k < n; k++) expected = k <= inst.plus ? addDec(expected, cells[k].value.num!) : subDec(expected, cells[k].value.num!);
      const target = cells[0], actual = target.value.num!;
      if (cmpDec(expected, actual) === 0) return;
      const exp = formatDec(expected), act = formatDec(actual), diff = formatDec(subDec(actual, expected));
      const name = cellName(table, version, rows[0], target);
      const related = cells.slice(1, n).map((c, i) => ({ start: c.start, end: c.end, message: `${i < inst.plus ? '+' : '−'} ${cellName(table, version, rows[i + 1], c)} = ${c.value.raw}` }));
      report({
        start: target.start, end: target.end,
        message: t(`勾稽关系不成立（${rel.name['zh-CN']}）：“${name}”应为 ${exp}，实为 ${act}，相差 ${diff}`,
          `Totals do not add up (${rel.name.en}): "${name}" should be ${exp} but is ${act} (difference ${diff})`),
        expected: exp, actual: act, related,
        // offered, never preferred: nobody knows which cell is wrong
        fixes: expected.units >= 0n ? [{ title: t(`将“${name}”改为计算值 ${exp}（请先核实哪一格有误）`, `Set "${name}" to the computed ${exp} (check which cell is wrong first)`), edits: [{ start: target.start, end: target.end, newText: exp }], preferred: false }] : undefined,
      });
    });
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
