// Cells run together: text copied from a web page or a crawler where a table collapsed onto one line and each
// row's label is followed by its digits with nothing between them ("（一）予以公开128821005031362").
// The digits are split into the row's cells only where the template's relations on the row (总计 = the sum of
// the six applicant columns; 表四's three totals) and the form of numbers (no leading zeros) admit exactly one
// split. Where several fit, the row is ambiguous and stays unlocated: nothing that depends on it is checked.
// A recovered row balances by construction, and in a table with column relations (表三) it is kept only when a
// column relation over rows all read confirms it; where one fails, its recovered rows are withdrawn. So no
// arithmetic finding can rest on a recovered cell.
import { cmpDec, parseDec, addDec, subDec, ZERO } from '../numbers';
import type { ColumnDef, RelationDef, TableDef } from '../template';
import { rowsOf, tableDef } from '../template';
import type { Cell, Dec, LabelMatch, ReportModel, Span, Table, TableId } from '../types';
import { cellValue } from '../numbers';
import { looseRegex } from './loose';
import { approxFind, editDistance, fold, foldString } from '../text';

/** Most splits tried for one row before giving up (a run of digits far longer than any real row). */
const BUDGET = 200_000;
const MAX_PART = 12;

export interface SplitOutcome {
  /** Up to `max` splits (more than one means: ambiguous). */
  solutions: string[][];
  /** True when the search stopped at its budget (treated as ambiguous). */
  exhausted: boolean;
}

const INT = /^(?:0|[1-9]\d*)$/;
const DEC = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Every way (up to `max`) to cut `digits` into one number per column such that each is well formed and the
 * row relations hold.
 */
export function splitRow(digits: string, columns: ColumnDef[], relations: RelationDef[], max = 2): SplitOutcome {
  const n = columns.length;
  const shape = shapeOf(columns, relations), { forcedBy } = shape;
  const parts: string[] = new Array(n);
  const solutions: string[][] = [];
  let steps = 0;
  let exhausted = false;
  // the usual shape (表三): the last column is the sum of all the others. Taking the total from the end first
  // bounds every other part by what is left of the sum, which makes the search small.
  const last = forcedBy.get(n - 1);
  const integers = columns.every((c) => c.value !== 'decimal');
  if (last && !(last.minus?.length) && last.plus.length === n - 1 && integers) {
    // where each part starts (the parts become strings only in a solution)
    const from = new Int32Array(n);
    for (let lt = 1; lt <= Math.min(MAX_PART, digits.length - (n - 1)) && solutions.length < max && !exhausted; lt++) {
      const ts = digits.slice(digits.length - lt);
      if (!INT.test(ts)) continue;
      // plain numbers: parts of at most MAX_PART (12) digits and what is left of a total of at most 12 digits are
      // integers below 2^53, exact in a double (BigInt arithmetic allocates at every step)
      const total = Number(ts);
      const end = digits.length - lt;
      const body = (i: number, pos: number, rest: number): void => {
        if (solutions.length >= max || exhausted) return;
        if (++steps > BUDGET) { exhausted = true; return; }
        from[i] = pos;
        if (i === n - 2) {
          // the last term is what is left of the total: digits[pos, end) must read it exactly (as many digits as
          // it has, so no leading zero), compared as a number (at most 12 digits)
          if (end - pos !== decimalDigits(rest)) return;
          let v = 0;
          for (let k = pos; k < end; k++) v = v * 10 + digits.charCodeAt(k) - 48;
          if (v === rest) {
            for (let k = 0; k < i; k++) parts[k] = digits.slice(from[k], from[k + 1]);
            parts[i] = digits.slice(pos, end);
            parts[n - 1] = ts;
            solutions.push([...parts]);
          }
          return;
        }
        const maxLen = Math.min(decimalDigits(rest), end - pos - (n - 2 - i));
        // the part's value read digit by digit: a well-formed integer (INT) has no leading zero and no point, and a
        // longer part holds the same point or leading zero, so the first one ends the loop
        let v = 0;
        for (let len = 1; len <= maxLen; len++) {
          const d = digits.charCodeAt(pos + len - 1) - 48;
          if (d < 0 || d > 9 || (len === 2 && v === 0)) break;
          v = v * 10 + d;
          if (v > rest) break;
          // the digits left, D of them, make the parts after this one, c of them, which add up to what is left of
          // the total, r: each part is at most r, so has at most as many digits (D <= c digits(r)); and c parts of D
          // digits add up to less than 10^(D - c + 1) + 9 (c - 1) (one part of all but c - 1 digits, the others of
          // one). Else no split follows from here
          const D = end - pos - len, c = n - 2 - i, r = rest - v;
          if (D > c * decimalDigits(r) || (D - c + 1 < 16 && r > POW10[D - c + 1] - 1 + 9 * (c - 1))) continue;
          body(i + 1, pos + len, r);
          if (solutions.length >= max || exhausted) return;
        }
      };
      body(0, 0, total);
    }
    return { solutions, exhausted };
  }
  const input: SearchInput = { digits, columns, shape, max, parts, solutions };
  exhausted = integers ? search(PLAIN, input) : search(DECIMAL, input);
  return { solutions, exhausted };
}

/** A row shape's relations, as splitRow uses them: computed once per columns and relations (template data). */
interface Shape {
  relations: RelationDef[];
  /** A column that is the target of a row relation whose terms all come before it: forced. */
  forcedBy: Map<number, RelationDef>;
  /** For search: the row relations as column indexes; the forced ones (in forcedBy's order) and by column. */
  relIdx: RelIdx[]; forced: RelIdx[]; forcedAt: (RelIdx | undefined)[];
  /** Before column i (i < n): a boundary no relation crosses, and the relations wholly before it. */
  boundary: boolean[]; settled: RelIdx[][];
}
const SHAPES = new WeakMap<ColumnDef[], Shape>();
function shapeOf(columns: ColumnDef[], relations: RelationDef[]): Shape {
  const known = SHAPES.get(columns);
  if (known && known.relations === relations) return known;
  const idx = new Map(columns.map((c, i) => [c.key, i]));
  const rels = relations.filter((r) => r.forEach === 'row' && idx.has(r.target) && r.plus.every((k) => idx.has(k)) && (r.minus ?? []).every((k) => idx.has(k)));
  // a column that is the target of a relation whose terms all come before it is forced
  const forcedBy = new Map<number, RelationDef>();
  for (const r of rels) {
    const t = idx.get(r.target)!;
    if ([...r.plus, ...(r.minus ?? [])].every((k) => idx.get(k)! < t) && columns[t].value !== 'decimal') forcedBy.set(t, r);
  }
  const n = columns.length;
  const asIdx = (r: RelationDef): RelIdx => ({ target: idx.get(r.target)!, plus: r.plus.map((k) => idx.get(k)!), minus: (r.minus ?? []).map((k) => idx.get(k)!) });
  const relIdx = rels.map(asIdx);
  const forced = [...forcedBy.values()].map(asIdx);
  const forcedAt: (RelIdx | undefined)[] = new Array(n).fill(undefined);
  for (const f of forced) forcedAt[f.target] = f;
  const spans = relIdx.map((r) => { const cols = [r.target, ...r.plus, ...r.minus]; return { lo: Math.min(...cols), hi: Math.max(...cols) }; });
  const boundary = Array.from({ length: n + 1 }, (_, i) => i > 0 && i < n && spans.every((sp) => sp.hi < i || sp.lo >= i));
  const settled = boundary.map((b, i) => (b ? relIdx.filter((_, k) => spans[k].hi < i) : []));
  const shape: Shape = { relations, forcedBy, relIdx, forced, forcedAt, boundary, settled };
  SHAPES.set(columns, shape);
  return shape;
}

const POW10 = Array.from({ length: 17 }, (_, k) => 10 ** k);
/** The number of decimal digits of a non-negative integer below 10^16 (rest.toString().length, without the string). */
function decimalDigits(x: number): number {
  let l = 1;
  while (l < 16 && x >= POW10[l]) l++;
  return l;
}

/**
 * Arithmetic on the parts of a split: plain numbers when every column holds integers (parts of at most MAX_PART
 * digits, so every sum is exact below 2^53; BigInt allocates at every step), decimals otherwise.
 */
interface Arith<T> { zero: T; parse(s: string): T; add(a: T, b: T): T; sub(a: T, b: T): T; eq(a: T, b: T): boolean; negative(a: T): boolean; digits(a: T): string; digitCount(a: T): number }
const PLAIN: Arith<number> = {
  zero: 0, parse: Number, add: (a, b) => a + b, sub: (a, b) => a - b, eq: (a, b) => a === b, negative: (a) => a < 0, digits: (a) => String(a),
  digitCount: (a) => a >= 0 && a < 1e15 ? decimalDigits(a) : String(a).length,
};
const DECIMAL: Arith<Dec> = {
  zero: ZERO, parse: (s) => parseDec(s)!, add: addDec, sub: subDec, eq: (a, b) => cmpDec(a, b) === 0,
  negative: (a) => a.units < 0n, digits: (a) => a.units.toString(), digitCount: (a) => a.units.toString().length,
};

interface SearchInput {
  digits: string; columns: ColumnDef[]; shape: Shape;
  max: number; parts: string[]; solutions: string[][];
}

/** A row relation as column indexes. */
interface RelIdx { target: number; plus: number[]; minus: number[] }

/** The general split search, column by column (forced totals computed, not guessed). Returns true if it gave up. */
function search<T>(A: Arith<T>, { digits, columns, shape, max, parts, solutions }: SearchInput): boolean {
  const n = columns.length;
  const nums: T[] = new Array(n);
  let steps = 0;
  let exhausted = false;
  const { relIdx, forced, forcedAt, boundary, settled } = shape;
  const wellFormed = (s: string, c: ColumnDef) => (c.value === 'decimal' ? DEC : INT).test(s);
  const sumOf = (r: RelIdx): T => {
    let sum = A.zero;
    for (const j of r.plus) sum = A.add(sum, nums[j]);
    for (const j of r.minus) sum = A.sub(sum, nums[j]);
    return sum;
  };
  const holds = () => relIdx.every((r) => A.eq(sumOf(r), nums[r.target]));
  const tooLong = (i: number, after: number): boolean => {
    for (const f of forced) {
      if (f.target <= i) continue;
      let sum = A.zero;
      for (const j of f.plus) if (j <= i) sum = A.add(sum, nums[j]);
      const room = digits.length - after - (n - i - 2);
      if (A.digitCount(sum) > room) return true;
    }
    return false;
  };
  // a boundary before column i that no relation crosses (表四's three blocks of five): what follows it depends only
  // on where it starts, so a start from which no split was found is not tried again with another split before it
  const L = digits.length;
  const dead = new Set<number>();
  const go = (i: number, pos: number): void => {
    if (solutions.length >= max || exhausted) return;
    if (boundary[i]) {
      // the relations before the boundary are settled: if one fails, nothing after it can make a solution
      if (!settled[i].every((r) => A.eq(sumOf(r), nums[r.target]))) return;
      const key = i * (L + 1) + pos;
      if (dead.has(key)) return;
      const found = solutions.length;
      step(i, pos);
      if (solutions.length === found && !exhausted) dead.add(key);
      return;
    }
    step(i, pos);
  };
  // where each part starts (the parts become strings only in a solution)
  const at = new Int32Array(n + 1);
  at[n] = L;
  const plain = (A as Arith<unknown>) === PLAIN;
  const step = (i: number, pos: number): void => {
    if (++steps > BUDGET) { exhausted = true; return; }
    at[i] = pos;
    if (i === n) {
      if (pos === L && holds()) {
        for (let k = 0; k < n; k++) parts[k] = digits.slice(at[k], at[k + 1]);
        solutions.push([...parts]);
      }
      return;
    }
    const left = L - pos;
    if (left < n - i) return;
    const r = forcedAt[i];
    if (r) {
      const sum = sumOf(r);
      if (A.negative(sum)) return;
      let len: number;
      const x = sum as unknown as number;
      if (plain && x < 1e15) {
        // the total's digits must follow: compared as a number, without making its string
        len = decimalDigits(x);
        if (pos + len > L) return;
        let v = 0;
        for (let k = pos; k < pos + len; k++) {
          const d = digits.charCodeAt(k) - 48;
          if (d < 0 || d > 9) return;
          v = v * 10 + d;
        }
        if (v !== x) return;
      } else {
        const s = A.digits(sum);
        if (!digits.startsWith(s, pos)) return;
        len = s.length;
      }
      nums[i] = sum;
      go(i + 1, pos + len);
      return;
    }
    const maxLen = Math.min(MAX_PART, left - (n - i - 1));
    if (plain) {
      // every column holds integers: the part's value read digit by digit; a well-formed integer has no leading zero
      // and no point, and a longer part holds the same point or leading zero, so the first one ends the loop
      let v = 0;
      for (let len = 1; len <= maxLen; len++) {
        const d = digits.charCodeAt(pos + len - 1) - 48;
        if (d < 0 || d > 9 || (len === 2 && v === 0)) break;
        v = v * 10 + d;
        nums[i] = v as T;
        // a forced total still to come needs at least as many digits as the sum of its terms so far
        if (tooLong(i, pos + len)) break;
        go(i + 1, pos + len);
        if (solutions.length >= max || exhausted) return;
      }
      return;
    }
    for (let len = 1; len <= maxLen; len++) {
      const s = digits.slice(pos, pos + len);
      if (!wellFormed(s, columns[i])) { if (s === '0' || s.startsWith('0') && !s.startsWith('0.')) break; continue; }
      nums[i] = A.parse(s);
      if (tooLong(i, pos + len)) break;
      go(i + 1, pos + len);
      if (solutions.length >= max || exhausted) return;
    }
  };
  go(0, 0);
  return exhausted;
}

export interface Recovery {
  table: Table;
  /** Keys of the rows whose cells were recovered. */
  recovered: string[];
  /** Keys of the rows where more than one split fits (left unlocated). */
  ambiguous: string[];
}

const DIGIT_RUN = /[0-9][0-9.]*/y;
/** Candidate splits kept for a row that the row relations leave ambiguous (the column relations may decide). */
const MAX_CANDIDATES = 16;

interface Pending {
  k: number; anchor: Span; labelled: boolean; parts: string[][];
  /** The label's likeness (1: as written). */
  sim: number;
  /** Where the row's digits end. */
  end: number;
}

/** How far after the last row read a misspelt label is looked for (characters, besides twice the label's length). */
const APPROX_WINDOW = 120;
/** Least likeness of a misspelt label taken as its row's (the same as for a label read in any other layout). */
const APPROX_MIN = 0.7;

/**
 * The place in text[from, to) most like `label` (widths, white space and bars aside) that is followed right away by a
 * digit (a character or two more may end the label: a misspelt last character), when it is like enough.
 */
function approxAnchor(text: string, label: string, from: number, to: number): (Span & { sim: number }) | undefined {
  if (to <= from) return undefined;
  const want = foldString(label);
  const f = fold(text, from, to);
  if (!f.s.length) return undefined;
  const a = approxFind(want, f.s);
  if (a.end <= a.start) return undefined;
  let end = f.offs[a.end - 1] + 1;
  for (let extra = 0; extra < 2 && end < to && !/[0-9]/.test(text[end]); extra++) end++;
  if (!/[0-9]/.test(text[end] ?? '')) return undefined;
  const start = f.offs[a.start];
  const sim = 1 - editDistance(foldString(text.slice(start, end)), want) / Math.max(want.length, 1);
  return sim >= APPROX_MIN && sim < 1 ? { start, end, sim } : undefined;
}

/**
 * Recover the cells of the rows of `table` that were not located, where their label is followed directly by
 * a run of digits that splits in exactly one way: by the row relations, or, where those leave several splits,
 * by the column relations with the other rows of the table (all of them read).
 * Returns a new table; rows already read are not touched.
 */
export function recoverCollapsedRows(text: string, def: TableDef, table: Table): Recovery {
  const specs = rowsOf(def);
  const rows = table.rows.slice();
  const { start: regionStart, end: regionEnd } = table.region;
  // nothing past the region is read (not even digits running on): the recovery depends on the region's text alone
  const within = regionEnd < text.length ? text.slice(0, regionEnd) : text;
  const pending: Pending[] = [];
  let cursor = regionStart;
  rows.forEach((row, k) => {
    if (row.status === 'ok') { if (row.span) cursor = Math.max(cursor, row.span.end); return; }
    const spec = specs[k];
    if (!spec || spec.row.key !== row.key) return;
    // where the row's digits begin: right after its label (表四's unlabelled row: after the last header word)
    const anchors: Span[] = [];
    const re = looseRegex(row.label || '总计');
    re.lastIndex = row.label ? cursor : regionStart;
    let m: RegExpExecArray | null;
    while ((m = re.exec(within))) {
      const e = m.index + m[0].length;
      if (/[0-9]/.test(within[e] ?? '')) { anchors.push({ start: m.index, end: e }); if (row.label) break; }
      if (m[0].length === 0) re.lastIndex++;
    }
    // a misspelt label: the text after the last row read most like it, followed by digits
    let sim = 1;
    if (!anchors.length && row.label) {
      const near = approxAnchor(within, row.label, cursor, Math.min(within.length, cursor + APPROX_WINDOW + 2 * row.label.length));
      if (near) { anchors.push(near); sim = near.sim; }
    }
    if (!anchors.length) return;
    const anchor = row.label ? anchors[0] : anchors[anchors.length - 1];
    DIGIT_RUN.lastIndex = anchor.end;
    const run = DIGIT_RUN.exec(within);
    if (!run) return;
    let digits = run[0];
    let after = within[anchor.end + digits.length] ?? '';
    if (digits.endsWith('.')) { digits = digits.slice(0, -1); after = '.'; }
    // a following row's numbering (`2.` of `2.重复申请`) is glued to the digits: it is not part of them (the next
    // row's, or a later one's when a row is missing: its label follows the numbering)
    if (/^[.、．]/.test(after)) {
      for (let j = k + 1; j < Math.min(specs.length, k + 4); j++) {
        const label = specs[j].row.label, num = label.match(/^(\d+)[.、．]/)?.[1];
        if (!num || !digits.endsWith(num) || digits.length <= num.length) continue;
        const at = anchor.end + digits.length - num.length;
        const re = looseRegex(label);
        re.lastIndex = at;
        const m = re.exec(within);
        if (j === k + 1 || (m && m.index === at)) { digits = digits.slice(0, -num.length); break; }
      }
    }
    const r = splitRow(digits, spec.columns, def.relations, MAX_CANDIDATES);
    if (!r.solutions.length && !r.exhausted) return;
    // a search that gave up counts as ambiguous: the row stays unread
    pending.push({ k, anchor, labelled: !!row.label, sim, parts: r.exhausted ? [] : r.solutions, end: anchor.end + digits.length });
    cursor = anchor.end + digits.length;
  });

  // rows the row relations leave ambiguous: the column relations may admit one split, given the other rows
  const colRels = def.relations.filter((r) => r.forEach === 'column');
  // lookups made once: a row by its key, a row's pending split, a column's place in a row, a split's values
  const rowAt = new Map<string, number>();
  rows.forEach((row, i) => { if (!rowAt.has(row.key)) rowAt.set(row.key, i); });
  const rowOf = (key: string) => rowAt.get(key) ?? -1;
  const pendingAt = new Map<number, Pending>();
  for (const p of pending) if (!pendingAt.has(p.k)) pendingAt.set(p.k, p);
  const colAt = (i: number, col: string) => specs[i]?.columns.findIndex((c) => c.key === col) ?? -1;
  const parsed = new Map<string[], (Dec | undefined)[]>();
  const decOf = (parts: string[], j: number): Dec | undefined => {
    let d = parsed.get(parts);
    if (!d) { d = parts.map(parseDec); parsed.set(parts, d); }
    return d[j];
  };
  /** The value of row i in column col: read, or recovered with one split left (undefined if withdrawn). */
  const valueAt = (i: number, col: string, withdrawn?: Set<number>): Dec | undefined => {
    if (withdrawn?.has(i)) return undefined;
    let known = memo.get(i);
    if (!known) memo.set(i, known = new Map());
    if (known.has(col)) return known.get(col);
    const v = valueOf(i, col);
    known.set(col, v);
    return v;
  };
  /** valueAt's answers by row (a row's entry is dropped when its splits change). */
  const memo = new Map<number, Map<string, Dec | undefined>>();
  const valueOf = (i: number, col: string): Dec | undefined => {
    const row = rows[i];
    if (row?.status === 'ok') return row.cells.find((c) => c.colKey === col)?.value.num;
    const p = pendingAt.get(i);
    if (!p || p.parts.length !== 1) return undefined;
    const j = colAt(i, col);
    return j >= 0 ? decOf(p.parts[0], j) : undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const p of pending) {
      if (p.parts.length < 2 || !colRels.length) continue;
      const key = rows[p.k].key;
      const cols = specs[p.k].columns;
      let checked = 0;
      const fits = p.parts.filter((parts) => {
        for (const rel of colRels) {
          const terms = [rel.target, ...rel.plus, ...(rel.minus ?? [])];
          if (!terms.includes(key)) continue;
          for (let j = 0; j < cols.length; j++) {
            const val = (rk: string) => (rk === key ? decOf(parts, j) : valueAt(rowOf(rk), cols[j].key));
            const vals = terms.map(val);
            if (vals.some((v) => !v)) continue;
            checked++;
            if (!relationHolds(rel, vals as Dec[])) return false;
          }
        }
        return true;
      });
      if (checked && fits.length === 1) { p.parts = fits; memo.delete(p.k); changed = true; }
    }
  }

  // never an arithmetic finding on recovered cells: a column relation that fails withdraws the recovered
  // rows in it (the split fitted the row, but the table says otherwise; the rows are left unread)
  const withdrawn = new Set<number>();
  // each relation's rows, found once (the rows do not change here, only which are withdrawn)
  const relRows = colRels.map((rel) => [rel.target, ...rel.plus, ...(rel.minus ?? [])].map(rowOf));
  for (let changed = true; changed;) {
    changed = false;
    colRels.forEach((rel, r) => {
      const idxs = relRows[r];
      const mine = pending.filter((p) => idxs.includes(p.k) && p.parts.length === 1 && !withdrawn.has(p.k));
      if (!mine.length) return;
      const cols = specs[idxs[0]]?.columns ?? [];
      for (const col of cols) {
        const vals = idxs.map((i) => valueAt(i, col.key, withdrawn));
        if (vals.some((v) => !v)) continue;
        if (!relationHolds(rel, vals as Dec[])) { for (const p of mine) withdrawn.add(p.k); changed = true; break; }
      }
    });
  }

  // and where the table has column relations, a recovered row must be confirmed by one: all its rows read and
  // holding in every column (a row with an error of its own may split, wrongly, in one balancing way)
  if (colRels.length) {
    // whether relation r holds in a column, by column key: the same for every row of the relation, so computed once
    // (and again after a row is withdrawn)
    const holdsIn = colRels.map(() => new Map<string, boolean>());
    const confirmed = (k: number) => colRels.some((rel, r) => {
      const idxs = relRows[r];
      if (!idxs.includes(k)) return false;
      return specs[k].columns.every((col) => {
        let ok = holdsIn[r].get(col.key);
        if (ok === undefined) {
          const vals = idxs.map((i) => valueAt(i, col.key, withdrawn));
          ok = !vals.some((v) => !v) && relationHolds(rel, vals as Dec[]);
          holdsIn[r].set(col.key, ok);
        }
        return ok;
      });
    });
    for (let changed = true; changed;) {
      changed = false;
      for (const p of pending) {
        if (p.parts.length !== 1 || withdrawn.has(p.k)) continue;
        if (!confirmed(p.k)) {
          withdrawn.add(p.k);
          for (const m of holdsIn) m.clear();
          changed = true;
        }
      }
    }
  }

  const recovered: string[] = [];
  const ambiguous: string[] = [];
  for (const p of pending) {
    const row = rows[p.k];
    if (p.parts.length !== 1 || withdrawn.has(p.k)) {
      // several splits, or the search gave up: the row stays unread, but where it is is known (its label and digits)
      ambiguous.push(row.key);
      const a = p.anchor;
      if (!row.span && p.labelled) rows[p.k] = Object.assign({}, row, { labelMatch: row.labelMatch ?? labelAt(text, a, p.sim), span: { start: a.start, end: p.end } });
      continue;
    }
    let at = p.anchor.end;
    const cells: Cell[] = p.parts[0].map((s, i) => {
      const cell = { rowKey: row.key, colKey: specs[p.k].columns[i].key, start: at, end: at + s.length, value: cellValue(s) };
      at += s.length;
      return cell;
    });
    const a = p.anchor;
    const labelMatch = p.labelled ? labelAt(text, a, p.sim) : undefined;
    rows[p.k] = Object.assign({}, row, { status: 'ok' as const, cells, labelMatch: row.labelMatch ?? labelMatch, span: { start: p.labelled ? a.start : a.end, end: at } });
    recovered.push(row.key);
  }
  if (!recovered.length && rows.every((r, k) => r === table.rows[k])) return { table, recovered, ambiguous };
  let start = table.absent ? Infinity : table.start, end = table.absent ? -Infinity : table.end;
  for (const r of rows) if (r.span) { start = Math.min(start, r.span.start); end = Math.max(end, r.span.end); }
  // not { ...table, … }: object spread is slow in Node 20's V8 (the keys keep their order either way)
  return { table: Object.assign({}, table, { rows, absent: table.absent && !recovered.length, start, end }), recovered, ambiguous };
}

/** The label of a row found at `a` (its likeness to the official label: sim). */
function labelAt(text: string, a: Span, sim: number): LabelMatch {
  const src = text.slice(a.start, a.end);
  return { start: a.start, end: a.end, text: src, similarity: sim, singleLine: !/[\r\n]/.test(src) };
}

/** A column relation on its values: target first, then the plus terms, then the minus terms. */
function relationHolds(rel: RelationDef, vals: Dec[]): boolean {
  let sum = ZERO;
  for (let t = 0; t < rel.plus.length; t++) sum = addDec(sum, vals[1 + t]);
  for (let t = 0; t < (rel.minus?.length ?? 0); t++) sum = subDec(sum, vals[1 + rel.plus.length + t]);
  return cmpDec(sum, vals[0]) === 0;
}

/** The model with the cells of collapsed rows recovered in every table (see recoverCollapsedRows). */
export function recoverCollapsedTables(text: string, model: ReportModel): { model: ReportModel; recovered: Partial<Record<TableId, string[]>>; ambiguous: Partial<Record<TableId, string[]>> } {
  const tables = { ...model.tables };
  const recovered: Partial<Record<TableId, string[]>> = {};
  const ambiguous: Partial<Record<TableId, string[]>> = {};
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const t = tables[id];
    if (!t || t.rows.every((r) => r.status === 'ok')) continue;
    const r = recoverCollapsedRows(text, tableDef(model.tableVersion, id, t.variant), t);
    tables[id] = r.table;
    if (r.recovered.length) recovered[id] = r.recovered;
    if (r.ambiguous.length) ambiguous[id] = r.ambiguous;
  }
  return { model: { ...model, tables }, recovered, ambiguous };
}
