// Table variants: forms of a table that real reports use besides the template's own (template.json `variants`: the
// 2019 single row （六）其他处理 kept in a 2021 表三, 表三's local 法人或其他组织 小计 column). A variant is tried only
// where the text calls for it (the rows it replaces are not written and its own row is; a header word only it has),
// and taken only when the table reads better with it: more of its rows read under their own labels.
import { foldString } from '../text';
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

/** Does the text of the table's region call for the variant? */
function calledFor(v: TableVariantDef, t: Table, regionFold: () => string): boolean {
  if (v.replaceRows) {
    // the rows it replaces are not written (none read under a label like its own) and its row is
    const written = t.rows.some((r) => v.replaceRows!.rows.includes(r.key) && r.labelMatch && r.labelMatch.similarity >= 0.6);
    if (written || !regionFold().includes(foldString(v.replaceRows.by.label))) return false;
  }
  if (v.headerMarkers?.length && !v.headerMarkers.some((m) => regionFold().includes(foldString(m)))) return false;
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
  for (const v of base.variants) {
    if (!calledFor(v, best, regionFold)) continue;
    const ids = [...applied, v.id];
    const t = read(ids);
    const sc = readScore(t);
    if (sc > score + BETTER) { best = Object.assign({}, t, { variant: ids }); score = sc; applied = ids; }
  }
  return best;
}
