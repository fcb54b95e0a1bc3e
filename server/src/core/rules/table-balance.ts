// table-balance: the arithmetic relations of the template (勾稽关系), compared exactly.
import { tableDef, type RelationDef } from '../template';
import { addDec, cmpDec, formatDec, subDec, ZERO } from '../numbers';
import type { Cell, Dec, Row, Table } from '../types';
import type { ReportRule, RuleContext } from './rule';
import { cellName, columnLabel } from './util';

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

/** An instance of a relation as evaluated: its cells (target first), the rows they are in, the sign of each, the result. */
interface Evaluated {
  rel: RelationDef;
  cells: Cell[];
  rows: Row[];
  /** Cells 1 … plus are added, the rest subtracted. */
  plus: number;
  /** Σ plus − Σ minus: what the target should be. */
  expected: Dec;
  holds: boolean;
}

/** A cell that alone explains every failing relation of a table: its value that makes them all hold. */
export interface Culprit { cell: Cell; row: Row; value: Dec }

/**
 * The one cell whose value, changed, makes every failing instance hold without breaking one that holds: it is in
 * every failing instance, in none that holds, and each failing instance asks for the same value (a count, so not
 * negative). Undefined when no cell or more than one does (then nobody can say which cell is wrong).
 */
export function culpritOf(instances: readonly Evaluated[]): Culprit | undefined {
  const failing = instances.filter((i) => !i.holds);
  if (!failing.length) return undefined;
  const inHolding = new Set<Cell>();
  for (const i of instances) if (i.holds) for (const c of i.cells) inHolding.add(c);
  let found: Culprit | undefined;
  const first = failing[0]!;
  for (let k = 0; k < first.cells.length; k++) {
    const cell = first.cells[k]!;
    if (inHolding.has(cell)) continue;
    let value: Dec | undefined;
    for (const inst of failing) {
      const at = inst.cells.indexOf(cell);
      if (at < 0) { value = undefined; break; }
      // the target should be `expected`; an added cell should be off by (target − expected), a subtracted one by its negation
      const target = inst.cells[0]!.value.num!;
      const gap = subDec(target, inst.expected);
      const v = at === 0 ? inst.expected : at <= inst.plus ? addDec(cell.value.num!, gap) : subDec(cell.value.num!, gap);
      if (value !== undefined && cmpDec(value, v) !== 0) { value = undefined; break; }
      value = v;
    }
    if (value === undefined || value.units < 0n || cmpDec(value, cell.value.num!) === 0) continue;
    if (found) return undefined; // two cells would do: say neither
    found = { cell, row: first.rows[k]!, value };
  }
  return found;
}

/** One side of a relation with its values: "178 + 0"; long sums of zeros shortened ("50 + 3, 19 more 0"). */
function side(values: readonly string[], t: RuleContext['t']): string {
  if (values.length <= 6) return values.join(' + ');
  const nonzero = values.filter((v) => !/^0+(\.0+)?$/.test(v));
  const zeros = values.length - nonzero.length;
  if (!zeros) return values.join(' + ');
  const shown = nonzero.length ? nonzero.join(' + ') : '0';
  return t(`${shown}（另 ${zeros} 项为 0）`, `${shown} (and ${zeros} zeros)`);
}

function check(ctx: RuleContext, table: Table): void {
  const { model, t, report } = ctx;
  const version = model.tableVersion;
  const def = tableDef(version, table.id, table.variant);
  const rowByKey = new Map<string, Row>();
  for (const r of table.rows) rowByKey.set(r.key, r);
  const inst: Instance = { cells: [], rows: [], n: 0, plus: 0 };
  // every instance that can be checked, holding or not: a failing one is explained with the others
  const all: Evaluated[] = [];
  for (const rel of def.relations) {
    eachInstance(table, rowByKey, rel, inst, () => {
      const { cells, n } = inst;
      let expected: Dec = ZERO;
      for (let k = 1; k < n; k++) expected = k <= inst.plus ? addDec(expected, cells[k].value.num!) : subDec(expected, cells[k].value.num!);
      const holds = cmpDec(expected, cells[0].value.num!) === 0;
      // most instances hold: their cells are kept (for the culprit), their rows only when one fails
      all.push({ rel, cells: cells.slice(0, n), rows: holds ? [] : inst.rows.slice(0, n), plus: inst.plus, expected, holds });
    });
  }
  const failing = all.filter((i) => !i.holds);
  if (!failing.length) return;
  const culprit = culpritOf(all);
  const name = (row: Row, cell: Cell) => cellName(table, version, row, cell);
  for (const f of failing) {
    const { rel, cells, rows } = f;
    const target = cells[0], actual = target.value.num!;
    const exp = formatDec(f.expected), act = formatDec(actual);
    const diff = subDec(actual, f.expected);
    const gap = formatDec(diff.units < 0n ? subDec(ZERO, diff) : diff);
    // both sides with their values, in the relation's own order: "总计 = …" or "一 + 二 = （七）总计 + 四"
    const raw = (c: Cell) => c.value.raw;
    const plus = cells.slice(1, 1 + f.plus).map(raw), minus = cells.slice(1 + f.plus).map(raw);
    const [lhs, rhs] = minus.length ? [side(plus, t), side([...minus, raw(target)], t)] : [side([raw(target)], t), side(plus, t)];
    // where the instance is: the row of a row relation, the column of a column relation
    // (表四 has one unlabelled data row: its relations need no place)
    const where = rel.forEach === 'row'
      ? (rows[0].label ? t(`，${rows[0].label}行`, `, row ${rows[0].label}`) : '')
      : t(`，${columnLabel(table, version, rows[0], target.colKey)}列`, `, column ${columnLabel(table, version, rows[0], target.colKey)}`);
    const blame = culprit
      ? t(`；若“${name(culprit.row, culprit.cell)}”为 ${formatDec(culprit.value)}（现为 ${culprit.cell.value.raw}），本表${failing.length > 1 ? ` ${failing.length} 处` : ''}勾稽关系均成立`,
        `; with "${name(culprit.row, culprit.cell)}" at ${formatDec(culprit.value)} (now ${culprit.cell.value.raw}) ${failing.length > 1 ? `all ${failing.length} failing relations of this table hold` : 'it holds'}`)
      : t(`；按公式“${name(rows[0], target)}”应为 ${exp}，实为 ${act}`, `; by the formula "${name(rows[0], target)}" would be ${exp}, it is ${act}`);
    const related = cells.slice(1).map((c, i) => ({ start: c.start, end: c.end, message: `${i < f.plus ? '+' : '−'} ${name(rows[i + 1], c)} = ${c.value.raw}${c === culprit?.cell ? t('（可能有误）', ' (probably the wrong one)') : ''}` }));
    const fixes = [];
    if (culprit && culprit.cell !== target) {
      const cn = name(culprit.row, culprit.cell), v = formatDec(culprit.value);
      fixes.push({ title: t(`将“${cn}”改为 ${v}（本表勾稽关系随之成立，请先核实）`, `Set "${cn}" to ${v} (the table's relations then hold; check first)`), edits: [{ start: culprit.cell.start, end: culprit.cell.end, newText: v }], preferred: false });
    }
    // offered, never preferred: nobody knows for sure which cell is wrong
    // setting the target would break the relations the culprit's fix keeps: offered only when no culprit is named
    if (f.expected.units >= 0n && (!culprit || culprit.cell === target)) fixes.push({ title: t(`将“${name(rows[0], target)}”改为计算值 ${exp}（请先核实哪一格有误）`, `Set "${name(rows[0], target)}" to the computed ${exp} (check which cell is wrong first)`), edits: [{ start: target.start, end: target.end, newText: exp }], preferred: false });
    report({
      start: target.start, end: target.end,
      message: t(`勾稽关系不成立（${rel.name['zh-CN']}${where}）：${lhs} ≠ ${rhs}，两边相差 ${gap}${blame}`,
        `Totals do not add up (${rel.name.en}${where}): ${lhs} ≠ ${rhs}, a difference of ${gap}${blame}`),
      expected: exp, actual: act, related,
      fixes: fixes.length ? fixes : undefined,
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
    'zh-CN': '表格勾稽关系不成立（行总计；一＋二＝（七）总计＋四；（七）总计＝各项办理结果之和；表四合计；八列表三的小计），给出应为值、实际值和差额',
    en: 'an arithmetic relation of the template fails (row 总计; 一 + 二 = （七）总计 + 四; （七）总计 = sum of results; 表四 totals; the 小计 of an 8-column 表三), with expected, actual and difference',
  },
  check(ctx) {
    for (const table of Object.values(ctx.model.tables)) if (table) check(ctx, table);
  },
};
