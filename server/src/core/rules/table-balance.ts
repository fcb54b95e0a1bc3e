// table-balance: the arithmetic relations of the template (勾稽关系), compared exactly.
import { tableDef, type RelationDef } from '../template';
import { addDec, cmpDec, formatDec, subDec, ZERO } from '../numbers';
import type { Cell, Dec, Row, Table } from '../types';
import type { ReportRule, RuleContext } from './rule';
import { cellName } from './util';

/** The row's cell of a column: at index `at` when the cells stand there (nearly always: the template's order), else searched. */
const cellAt = (row: Row | undefined, colKey: string, at: number): Cell | undefined => {
  if (!row) return undefined;
  const guess = row.cells[at];
  if (guess && guess.colKey === colKey) return guess;
  for (const c of row.cells) if (c.colKey === colKey) return c;
  return undefined;
};
const numeric = (c: Cell | undefined): c is Cell => !!c && !!c.value.num;

/**
 * One instance of a relation: its cells and their rows, the target first, then the cells added, then those
 * subtracted. Filled in place for each instance (most add up and are dropped): arrays reused between instances.
 */
interface Instance { cells: Cell[]; rows: Row[]; n: number; plus: number }

/** The relation's terms in order: the target, the rows or columns added, those subtracted. */
function termsOf(rel: RelationDef): string[] {
  return [rel.target, ...rel.plus, ...(rel.minus ?? [])];
}

/**
 * Fill inst with the cells of the relation: in `row` (forEach row: the terms are columns, looked for first at the
 * indices `at`), or in the column `col` at index `at[0]` of the term rows `termRows`. False if one is not numeric.
 */
function fill(inst: Instance, rel: RelationDef, terms: string[], row: Row | undefined, termRows: (Row | undefined)[], col: string | undefined, at: number[]): boolean {
  inst.plus = rel.plus.length; inst.n = terms.length;
  for (let k = 0; k < inst.n; k++) {
    const r = row ?? termRows[k];
    const c = col === undefined ? cellAt(r, terms[k], at[k]) : cellAt(r, col, at[0]);
    if (!numeric(c)) return false;
    inst.cells[k] = c; inst.rows[k] = r!;
  }
  return true;
}

/** Every instance of a relation in a table whose cells are all located and numeric; others cannot be checked. */
function eachInstance(table: Table, rowByKey: Map<string, Row>, rel: RelationDef, inst: Instance, fn: () => void): void {
  const terms = termsOf(rel);
  if (rel.forEach === 'row') {
    // where each column stands in a row's cells, from the first row read (the others have the same order)
    let at: number[] | undefined;
    for (const row of table.rows) {
      if (row.status !== 'ok') continue;
      at ??= terms.map((key) => row.cells.findIndex((c) => c.colKey === key));
      if (fill(inst, rel, terms, row, [], undefined, at)) fn();
    }
    return;
  }
  const termRows = terms.map((k) => rowByKey.get(k));
  if (!termRows.every((r) => r?.status === 'ok')) return;
  const at = [0];
  const cells = termRows[0]!.cells;
  for (let j = 0; j < cells.length; j++) {
    at[0] = j;
    if (fill(inst, rel, terms, undefined, termRows, cells[j].colKey, at)) fn();
  }
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

export const tableBalance: ReportRule = {
  id: 'table-balance',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'error',
  title: { 'zh-CN': '表格勾稽关系不成立', en: 'Table totals do not add up' },
  description: {
    'zh-CN': '表格勾稽关系不成立（行总计；一＋二＝（七）总计＋四；（七）总计＝各项办理结果之和；表四合计），给出应为值、实际值和差额',
    en: 'an arithmetic relation of the template fails (row 总计; 一 + 二 = （七）总计 + 四; （七）总计 = sum of results; 表四 totals), with expected, actual and difference',
  },
  check(ctx) {
    for (const table of Object.values(ctx.model.tables)) if (table) check(ctx, table);
  },
};
