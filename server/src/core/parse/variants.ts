// Table variants: forms of a table that real reports use besides the template's own (template.json `variants`: the
// 2019 single row （六）其他处理 kept in a 2021 表三, 表三's local 法人或其他组织 小计 column). A variant is tried only
// where the text calls for it (the rows it replaces are not written and its own row is; a header word only it has),
// and taken only when the table reads better with it: more of its rows read under their own labels.
import { addDec, cmpDec, subDec, ZERO } from '../numbers';
import { foldString } from '../text';
import { findLoose } from './loose';
import type { TableDef, TableVariantDef } from '../template';
import type { Table } from '../types';

/** How much better (a share of the rows) a variant must read to be taken. */
const BETTER = 0.02;

/** The share of a table's rows read under their own label (a row read without one counts half; a missing one, less). */
export function readScore(t: Table): number {
  if (!t.rows.length) return 0;
  let s = 0;
  for (const r of t.rows) {
    if (r.status === 'ok') s += !r.label || (r.labelMatch && r.labelMatch.similarity >= 0.8) ? 1 : 0.5;
    else if (r.status === 'missing') s -= 0.5;
  }
  return s / t.rows.length;
}

/** Least share of the instances of a variant's own relations (among those with every cell a number) that must hold. */
const RELATIONS_HOLD = 0.8;

/**
 * Do the variant's own row relations hold in the table read with it (小计 = the sum of the five kinds of
 * organisation)? A column put in the wrong place reads as many values but breaks them.
 */
function relationsHold(v: TableVariantDef, t: Table): boolean {
  let checked = 0, held = 0;
  for (const rel of v.relations ?? []) {
    if (rel.forEach !== 'row') continue;
    for (const r of t.rows) {
      const val = (k: string) => r.cells.find((c) => c.colKey === k)?.value.num;
      const target = val(rel.target), terms = rel.plus.map(val), minus = (rel.minus ?? []).map(val);
      if (!target || terms.some((x) => !x) || minus.some((x) => !x)) continue;
      let sum = ZERO;
      for (const x of terms) sum = addDec(sum, x!);
      for (const x of minus) sum = subDec(sum, x!);
      checked++;
      if (cmpDec(sum, target) === 0) held++;
    }
  }
  return checked === 0 || held >= RELATIONS_HOLD * checked;
}

/**
 * Are the columns a variant inserts where its headers are written? The inserted column's header must follow the header
 * of the column it comes after, and precede the header of the one after it, where they are on one line (a column put
 * in the wrong place reads as well as the right one when its values are all 0).
 */
function headerOrderFits(text: string, v: TableVariantDef, base: TableDef, t: Table): boolean {
  const at = (key: string) => t.columns.find((c) => c.key === key)?.match;
  const sameLine = (a: { end: number }, b: { start: number }) => !/[\r\n]/.test(text.slice(Math.min(a.end, b.start), Math.max(a.end, b.start)));
  for (const ins of v.insertColumns ?? []) {
    const own = at(ins.column.key);
    if (!own) continue;
    const cols = base.blocks[0].columns, k = cols.findIndex((c) => c.key === ins.after);
    const before = at(ins.after), after = k >= 0 && k + 1 < cols.length ? at(cols[k + 1].key) : undefined;
    if (before && sameLine(before, own) && before.start > own.start) return false;
    if (after && sameLine(own, after) && after.start < own.start) return false;
  }
  return true;
}

/** Does the text of the table's region call for the variant? */
function calledFor(text: string, v: TableVariantDef, t: Table, regionFold: () => string): boolean {
  if (v.replaceRows) {
    // the rows it replaces are not written (none read under a label like its own) and its row is
    const written = t.rows.some((r) => v.replaceRows!.rows.includes(r.key) && r.labelMatch && r.labelMatch.similarity >= 0.6);
    if (written || !regionFold().includes(foldString(v.replaceRows.by.label))) return false;
  }
  if (v.headerMarkers?.length && !v.headerMarkers.some((m) => findLoose(text, m, t.region.start, t.region.end))) return false;
  return true;
}

/**
 * The table read in the form that reads best: its own, or with one or more of its variants (tried one by one, each
 * kept when it reads better). `read` reads the table's region with a definition.
 */
export function bestVariant(text: string, base: TableDef, table: Table, read: (variants: string[]) => Table): Table {
  if (!base.variants?.length || table.absent) return table;
  let folded: string | undefined;
  const regionFold = () => (folded ??= foldString(text.slice(table.region.start, table.region.end)));
  let best = table, score = readScore(table), applied: string[] = [];
  const columns = new Set<string>();
  for (const v of base.variants) {
    if (!calledFor(text, v, best, regionFold)) continue;
    // two variants that add the same column are alternatives (小计 after the five kinds, or before them)
    if (v.insertColumns?.some((c) => columns.has(c.column.key))) continue;
    const ids = [...applied, v.id];
    const t = read(ids);
    const sc = readScore(t);
    if (sc > score + BETTER && relationsHold(v, t) && headerOrderFits(text, v, base, t)) {
      best = Object.assign({}, t, { variant: ids }); score = sc; applied = ids;
      for (const c of v.insertColumns ?? []) columns.add(c.column.key);
    }
  }
  return best;
}
