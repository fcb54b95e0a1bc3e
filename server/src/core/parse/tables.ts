// Reading a table: value runs are found in the token stream and aligned, in order, with the template's rows
// by label similarity (dynamic programming), so that every layout is read by one algorithm.
import { rowsOf, type ColumnDef, type TableDef } from '../template';
import { approxDistance, approxFind, editDistance, fold, foldedLength, foldSlice, foldString, foldTable, fromCodes, isDigit, isWhite, similarity, unitsOf, LineIndex } from '../text';
import type { Cell, ColumnHeader, LabelMatch, Row, Span, Table } from '../types';
import { tokenize, tokValue, type Tok } from './tokens';
import { Automaton } from '../prose/automaton';

interface Run extends Span {
  toks: Tok[];
  width: number;
  /** Blank cells at the run's start and end (rows between pipes keep them: a blank cell is a cell). */
  lead: number;
  trail: number;
  /** index in toks of the first and last token */
  first: number;
  last: number;
  /** The folded text before the run (its last PRE_CONTEXT characters) and, with usePost, after it. */
  ctx: string;
  /** Where ctx's source offsets start in the runs' shared offset array (Runs.offs). */
  offBase: number;
  /** length of the pre part inside ctx (the rest is text after the run) */
  preLen: number;
  /** ctx before the run */
  pre: string;
}

interface Runs {
  runs: Run[];
  /** The source offset of each character of the runs' contexts, one context after another. */
  offs: Int32Array;
}

const PRE_CONTEXT = 90;
const POST_CONTEXT = 60;
/** Beyond this many value runs a region is not a template table; only the first ones are aligned. */
export const MAX_RUNS = 400;

/**
 * The runs' folded contexts, written one after another into buffers reused between calls (the engine is
 * synchronous) and decoded as one string: a run costs two slices, not a fold of its own.
 */
let ctxCodes = new Uint16Array(1024), ctxOffs = new Int32Array(1024), ctxLen = 0, ctxPrev = 0;
/** Append fold(text, start, end) (labels folded, the previous character carried over) to the contexts. */
function foldIn(text: string, start: number, end: number): void {
  if (ctxLen + end - start > ctxCodes.length) {
    const n = Math.max(ctxCodes.length * 2, ctxLen + end - start);
    const c = new Uint16Array(n), o = new Int32Array(n);
    c.set(ctxCodes.subarray(0, ctxLen)); o.set(ctxOffs.subarray(0, ctxLen));
    ctxCodes = c; ctxOffs = o;
  }
  const table = foldTable(), codes = ctxCodes, offs = ctxOffs;
  let k = ctxLen, prev = ctxPrev;
  for (let i = start; i < end; i++) {
    let c = table[text.charCodeAt(i)];
    if (c < 0) continue;
    if ((c === 0x3001 /* 、 */ || c === 0xff0e) && isDigit(prev)) c = 46;
    codes[k] = c;
    offs[k++] = i;
    prev = c;
  }
  ctxLen = k; ctxPrev = prev;
}

function buildRuns(text: string, toks: Tok[], lineOriented: boolean, usePost: boolean, withBlanks = false): Runs {
  const runs: Run[] = [];
  const bounds: number[] = []; // per run: start of its context, its pre part's length, end of its context
  ctxLen = 0;
  let i = 0;
  let prevEnd = 0; // token index after the previous run
  while (i < toks.length) {
    // a run starts at a value (with blanks kept, at a blank cell too: rows between pipes)
    if (toks[i].kind === 'text' || (toks[i].kind === 'empty' && !withBlanks)) { i++; continue; }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < toks.length) {
      const t = toks[j];
      if (lineOriented && t.line !== toks[first].line) break;
      if (t.kind === 'text') break;
      if (t.kind === 'value' || withBlanks) last = j;
      j++;
    }
    // with blanks kept: a run of blank cells alone (a row whose every cell is blank) counts all of them as trailing
    let lead = 0, trail = 0;
    if (withBlanks) {
      while (first + lead <= last && toks[first + lead].kind === 'empty') lead++;
      if (first + lead > last) { trail = last - first + 1; lead = 0; } else while (toks[last - trail].kind === 'empty') trail++;
    }
    // the text before the run (its last PRE_CONTEXT folded characters) and, with usePost, after it
    const base = ctxLen;
    ctxPrev = 0;
    for (let k = prevEnd; k < first; k++) if (toks[k].kind === 'text') foldIn(text, toks[k].start, toks[k].end);
    let preLen = ctxLen - base;
    if (preLen > PRE_CONTEXT) {
      ctxCodes.copyWithin(base, ctxLen - PRE_CONTEXT, ctxLen);
      ctxOffs.copyWithin(base, ctxLen - PRE_CONTEXT, ctxLen);
      ctxLen = base + PRE_CONTEXT;
      preLen = PRE_CONTEXT;
    }
    if (usePost) {
      for (let k = last + 1, got = 0; k < toks.length && toks[k].kind !== 'value' && got < POST_CONTEXT; k++) {
        if (toks[k].kind !== 'text') continue;
        const before = ctxLen;
        foldIn(text, toks[k].start, toks[k].end);
        got += ctxLen - before;
      }
    }
    bounds.push(base, preLen, ctxLen);
    const runToks = toks.slice(first, last + 1);
    runs.push({ toks: runToks, width: runToks.length, lead, trail, first, last, start: runToks[0].start, end: runToks[runToks.length - 1].end, ctx: '', offBase: base, preLen, pre: '' });
    prevEnd = last + 1;
    i = last + 1;
    if (runs.length >= MAX_RUNS) break;
  }
  const all = fromCodes(ctxCodes, ctxLen);
  for (let r = 0; r < runs.length; r++) {
    const base = bounds[3 * r], preLen = bounds[3 * r + 1], end = bounds[3 * r + 2];
    runs[r].ctx = all.slice(base, end);
    runs[r].pre = preLen === end - base ? runs[r].ctx : all.slice(base, base + preLen);
  }
  // the buffer itself, not a copy: it is read only by this readTable, before any other table is read
  return { runs, offs: ctxOffs };
}

interface RowSpec {
  key: string; label: string; folded: string; block: number; columns: ColumnDef[]; width: number;
  /** The row's group label, folded ('' without one). */
  group: string;
  /** The code units of folded. */
  codes: Uint16Array;
}

/** A table's row specs, and an automaton over their folded labels (pattern k: the specs byPattern[k]). */
interface Specs { specs: RowSpec[]; labels: Automaton; byPattern: number[][] }
const SPECS = new WeakMap<TableDef, Specs>();
function specsOf(def: TableDef): Specs {
  let r = SPECS.get(def);
  if (r) return r;
  const specs: RowSpec[] = rowsOf(def).map(({ row, block, columns }) => {
    const folded = foldString(row.label);
    return { key: row.key, label: row.label, folded, block, columns, width: columns.length, group: row.group ? foldString(row.group) : '', codes: Uint16Array.from(folded, (ch) => ch.charCodeAt(0)) };
  });
  const patterns: string[] = [], byPattern: number[][] = [], index = new Map<string, number>();
  specs.forEach((spec, j) => {
    if (!spec.folded) return;
    let k = index.get(spec.folded);
    if (k === undefined) { k = patterns.length; index.set(spec.folded, k); patterns.push(spec.folded); byPattern.push([]); }
    byPattern[k].push(j);
  });
  r = { specs, labels: new Automaton(patterns), byPattern };
  SPECS.set(def, r);
  return r;
}

interface Sim { sim: number; start: number; end: number }

const NO_SIM: Sim = { sim: 0, start: 0, end: 0 };

/**
 * The last exact occurrence of each label in the text before each run: one automaton pass over the run's text
 * (not a search per label). last[j] is the start of spec j's label, -1 if absent.
 */
function exactLabels(run: Run, sp: Specs, last: Int32Array): void {
  last.fill(-1);
  sp.labels.scan(run.pre, 0, run.pre.length, (m) => {
    for (const j of sp.byPattern[m.id]) if (m.start > last[j]) last[j] = m.start;
  });
}

/** Marks of the characters of a string (a run's text, a header piece): a new generation each time, never cleared. */
const charMarks = new Int32Array(65536);
let markGen = 0;
function markChars(s: string): number {
  if (++markGen === 0x7fffffff) { charMarks.fill(0); markGen = 1; }
  for (let i = 0; i < s.length; i++) charMarks[s.charCodeAt(i)] = markGen;
  return markGen;
}

/** Approximate label search, for the run whose characters markChars marked (generation gen). */
function approxSim(run: Run, spec: RowSpec, gen: number): Sim {
  if (!spec.folded) return NO_SIM;
  let hits = 0;
  for (let k = 0; k < spec.codes.length; k++) if (charMarks[spec.codes[k]] === gen) hits++;
  if (hits / spec.folded.length < 0.5) return NO_SIM;
  // the similarities from the distances alone (approxDistance: fast), in the text before the run and, unless that
  // is close already, with the text after it
  const len = spec.folded.length;
  const simPre = Math.max(0, 1 - approxDistance(spec.folded, run.pre) / len);
  let sim = simPre, inCtx = false;
  if (simPre < 0.9 && run.ctx.length !== run.preLen) {
    const simAll = Math.max(0, 1 - approxDistance(spec.folded, run.ctx) / len);
    if (simAll > simPre + 0.1) { sim = simAll; inCtx = true; }
  }
  // where the label is matters only for one that can be taken (0.5 or more, see pairScore and readTable): found by
  // the full search then, whose distance is the same
  if (sim < 0.5) return { sim, start: 0, end: 0 };
  const a = approxFind(spec.folded, inCtx ? run.ctx : run.pre);
  return { sim, start: a.start, end: a.end };
}

const NEG = -1e9;
/** The likeness given to a label written wholly before another row's label in a run's context. */
const SHADOWED = 0.6;

/**
 * How many of a run's cells make a row of `width` cells: all of them, or, for a run wider than the row, fewer by its
 * blank cells at the end and then at the start (a converter's empty trailing cells). Returns [from, to) in run.toks.
 */
function fitted(run: Run, width: number): [number, number] {
  if (run.width <= width) return [0, run.width];
  const t = Math.min(run.trail, run.width - width);
  const l = Math.min(run.lead, run.width - t - width);
  return [l, run.width - t];
}

function pairScore(run: Run, spec: RowSpec, sim: number, labelEnd: number): number {
  const [from, to] = fitted(run, spec.width);
  const width = to - from;
  // blank cells alone are a row only under its label
  if (run.trail === run.width && sim < 0.5) return NEG;
  if (width > spec.width) return NEG;
  if (width === spec.width) return sim >= 0.5 ? 1 + sim : 0.3;
  // too few values: only under its own label (before it; a label after the run is the next row's)
  return sim >= 0.6 && labelEnd <= run.preLen ? 0.5 + sim : NEG;
}

/**
 * Label similarity of run i and spec j at i * m + j (m specs), with where the label was found in the run's context:
 * three parallel arrays, reused between calls (the engine is synchronous; readTable reads them before the next
 * table is aligned). 0 where not computed (no chance), as for no label.
 */
interface Sims { sim: Float64Array; start: Int32Array; end: Int32Array }
let SIMS: Sims = { sim: new Float64Array(1024), start: new Int32Array(1024), end: new Int32Array(1024) };
function simsFor(size: number): Sims {
  if (SIMS.sim.length < size) {
    const n = Math.max(size, SIMS.sim.length * 2);
    SIMS = { sim: new Float64Array(n), start: new Int32Array(n), end: new Int32Array(n) };
  } else {
    SIMS.sim.fill(0, 0, size); SIMS.start.fill(0, 0, size); SIMS.end.fill(0, 0, size);
  }
  return SIMS;
}
/** The Sim at index k of sims (for a label that can be taken: made only for the rows read). */
function simAt(sims: Sims, k: number): Sim {
  return sims.sim[k] === 0 && sims.end[k] === 0 ? NO_SIM : { sim: sims.sim[k], start: sims.start[k], end: sims.end[k] };
}

/** Arrays align reuses between calls (the engine is synchronous), grown as needed: typed arrays cost to allocate. */
const I32: Int32Array[] = [new Int32Array(64), new Int32Array(64)];
const F64: Float64Array[] = [new Float64Array(64), new Float64Array(64)];
let U8 = new Uint8Array(4096);
function scratchI32(k: number, n: number): Int32Array { if (I32[k].length < n) I32[k] = new Int32Array(n * 2); return I32[k]; }
function scratchF64(k: number, n: number): Float64Array { if (F64[k].length < n) F64[k] = new Float64Array(n * 2); return F64[k]; }
function scratchU8(n: number): Uint8Array { if (U8.length < n) U8 = new Uint8Array(n * 2); return U8; }

/** Align runs with row specs in order, maximising the total score. Returns run index per spec (-1 = none). */
function align(runs: Run[], sp: Specs): { assign: number[]; sims: Sims } {
  const specs = sp.specs;
  const n = runs.length, m = specs.length;
  const sims = simsFor(n * m);
  // exact label matches first; each run's most specific exact match anchors the alignment
  const anchor = scratchI32(0, n), last = scratchI32(1, m);
  anchor.fill(-1, 0, n);
  for (let i = 0; i < n; i++) {
    let bestLen = 0, nearest = -1;
    exactLabels(runs[i], sp, last);
    for (let j = 0; j < m; j++) {
      if (last[j] < 0) continue;
      sims.sim[i * m + j] = 1; sims.start[i * m + j] = last[j]; sims.end[i * m + j] = last[j] + specs[j].folded.length;
      if (specs[j].folded.length > bestLen) { bestLen = specs[j].folded.length; anchor[i] = j; }
      if (last[j] > nearest) nearest = last[j];
    }
    // a label wholly before another row's label (a row whose values are not there, then the next row's label) is
    // not this run's: it stays a candidate, ranked below the label nearest the values
    for (let j = 0; j < m; j++) {
      if (last[j] < 0 || last[j] + specs[j].folded.length > nearest) continue;
      sims.sim[i * m + j] = SHADOWED;
      if (anchor[i] === j) anchor[i] = -1;
    }
    if (anchor[i] < 0) for (let j = 0, len = 0; j < m; j++) if (last[j] >= 0 && sims.sim[i * m + j] === 1 && specs[j].folded.length > len) { len = specs[j].folded.length; anchor[i] = j; }
  }
  // the edit-distance search only for runs without an exact label, and only against the rows
  // between the rows of the nearest exactly matched runs before and after it
  let prevAnchor = -1;
  for (let i = 0; i < n; i++) {
    if (anchor[i] >= 0) { prevAnchor = anchor[i]; continue; }
    let nextAnchor = m;
    for (let k = i + 1; k < n; k++) if (anchor[k] >= 0) { nextAnchor = anchor[k]; break; }
    const lo = prevAnchor < nextAnchor ? prevAnchor + 1 : 0, hi = prevAnchor < nextAnchor ? nextAnchor : m;
    if (lo >= hi) continue;
    const gen = markChars(runs[i].ctx);
    for (let j = lo; j < hi; j++) {
      const a = approxSim(runs[i], specs[j], gen);
      sims.sim[i * m + j] = a.sim; sims.start[i * m + j] = a.start; sims.end[i * m + j] = a.end;
    }
  }
  // dynamic programming over (runs, specs): two rows of scores, and every step taken
  const W = m + 1;
  let prev = scratchF64(0, W), cur = scratchF64(1, W);
  prev.fill(0, 0, W);
  const how = scratchU8((n + 1) * W); // 1 = skip run, 2 = skip spec, 3 = match
  for (let j = 1; j <= m; j++) how[j] = 2;
  for (let i = 1; i <= n; i++) {
    how[i * W] = 1;
    cur[0] = 0;
    const run = runs[i - 1];
    for (let j = 1; j <= m; j++) {
      let best = prev[j], h = 1;
      if (cur[j - 1] > best) { best = cur[j - 1]; h = 2; }
      const sc = pairScore(run, specs[j - 1], sims.sim[(i - 1) * m + (j - 1)], sims.end[(i - 1) * m + (j - 1)]);
      if (sc > 0 && prev[j - 1] + sc > best) { best = prev[j - 1] + sc; h = 3; }
      cur[j] = best; how[i * W + j] = h;
    }
    const t = prev; prev = cur; cur = t;
  }
  const assign = new Array<number>(m).fill(-1);
  let i = n, j = m;
  while (i > 0 && j > 0) {
    const h = how[i * W + j];
    if (h === 3) { assign[j - 1] = i - 1; i--; j--; } else if (h === 1) i--; else j--;
  }
  return { assign, sims };
}

/** Least label similarity of a row taken out of the template's order (a block a converter moved). */
const OUT_OF_ORDER_MIN = 0.7;
/** Beyond this many runs left over, rows out of order are not looked for (the region is not a table). */
const MAX_LEFT_OVER = 64;

/**
 * Rows the alignment left without a run, taken from the runs it left over when one of them carries the row's label
 * (OUT_OF_ORDER_MIN) and its width: a block written out of the template's order (a converter that moved 表二's
 * 第二十条第（一）项 after the other blocks) is read too. The alignment keeps the order; this is the exception.
 */
function rescueOutOfOrder(runs: Run[], sp: Specs, assign: number[], sims: Sims): void {
  const { specs } = sp, m = specs.length;
  const used = new Uint8Array(runs.length);
  for (const a of assign) if (a >= 0) used[a] = 1;
  const free: number[] = [];
  for (let i = 0; i < runs.length; i++) if (!used[i]) free.push(i);
  if (!free.length || free.length > MAX_LEFT_OVER || !assign.some((a) => a < 0)) return;
  for (let j = 0; j < m; j++) {
    if (assign[j] >= 0 || !specs[j].folded) continue;
    let best = -1, bestSim = OUT_OF_ORDER_MIN;
    for (const i of free) {
      if (used[i]) continue;
      const [from, to] = fitted(runs[i], specs[j].width);
      if (to - from !== specs[j].width) continue;
      const a = approxSim(runs[i], specs[j], markChars(runs[i].ctx));
      if (a.sim >= bestSim && (a.sim > bestSim || best < 0)) {
        best = i; bestSim = a.sim;
        sims.sim[i * m + j] = a.sim; sims.start[i * m + j] = a.start; sims.end[i * m + j] = a.end;
      }
    }
    if (best >= 0) { assign[j] = best; used[best] = 1; }
  }
}

/** The most pieces an unlabelled row is found split into (表四 written as three tables of five). */
const MAX_PIECES = 5;

/**
 * An unlabelled row (表四's one data row) the alignment left without a run, found split over consecutive runs of
 * values that together are exactly as wide as it, with only header words between them (a converter that wrote 表四
 * as three tables of five: 行政复议, 未经复议直接起诉, 复议后起诉). The first run becomes the joined row; the others
 * are returned (taken).
 */
function joinSplitRows(runs: Run[], sp: Specs, assign: number[]): number[] {
  const taken: number[] = [];
  sp.specs.forEach((spec, j) => {
    if (spec.folded || assign[j] >= 0 || spec.width < 2) return;
    const used = new Set(assign.filter((a) => a >= 0));
    for (let i = 0; i < runs.length; i++) {
      let w = 0, k = i;
      for (; k < runs.length && k - i < MAX_PIECES && w < spec.width; k++) {
        if (used.has(k) || runs[k].width >= spec.width || runs[k].lead || runs[k].trail) break;
        w += runs[k].width;
      }
      if (w !== spec.width || k - i < 2) continue;
      const parts = runs.slice(i, k);
      const toks = parts.flatMap((r) => r.toks);
      runs[i] = Object.assign({}, runs[i], { toks, width: toks.length, last: parts[parts.length - 1].last, end: parts[parts.length - 1].end });
      assign[j] = i;
      for (let x = i + 1; x < k; x++) taken.push(x);
      return;
    }
  });
  return taken;
}

/** How far before its first row a row-group label is looked for. */
const GROUP_WINDOW = 300;

/**
 * The row-group labels written right before their group's first row (between the row before it and its label), by
 * likeness (a heading `### (六) 其他` of a converter's Markdown for （六）其他处理), on one line. Labels set beside a
 * later row of their group (a PDF centres them) or broken over lines are not looked for: they are layout.
 */
function groupLabels(text: string, def: TableDef, rows: Row[], region: Span): NonNullable<Table['groups']> {
  const out: NonNullable<Table['groups']> = [];
  const seen = new Set<string>();
  const all = rowsOf(def);
  for (let j = 0; j < all.length; j++) {
    const group = all[j].row.group;
    if (!group || seen.has(group)) continue;
    seen.add(group);
    const first = rows[j].labelMatch;
    if (!first || group.length < 4) continue;
    let from = region.start;
    for (let p = j - 1; p >= 0; p--) if (rows[p].span) { from = rows[p].span!.end; break; }
    from = Math.max(from, first.start - GROUP_WINDOW);
    if (from >= first.start) continue;
    const f = fold(text, from, first.start);
    const want = foldedLabel(group);
    if (f.s.length < 2) continue;
    if (f.s.includes(want)) continue; // as written
    const a = approxFind(want, f.s);
    if (a.end <= a.start) continue;
    let start = f.offs[a.start], end = f.offs[a.end - 1] + 1;
    // on the line where it starts (a converter's heading line)
    const br = text.slice(start, end).search(/[\r\n]/);
    if (br >= 0) end = start + br;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const src = text.slice(start, end);
    const sim = 1 - editDistance(foldString(src), want) / Math.max(want.length, foldString(src).length);
    if (sim < 0.6 || sim >= 1) continue;
    out.push({ official: group, match: { start, end, text: src, similarity: sim, singleLine: true } });
  }
  return out;
}

function labelMatchOf(text: string, run: Run, offs: Int32Array, sim: Sim, spec: RowSpec, spaceSeparated: boolean, regionStart: number): LabelMatch | undefined {
  if (sim.end <= sim.start) return undefined;
  let start = offs[run.offBase + sim.start], end = offs[run.offBase + sim.end - 1] + 1;
  let src = text.slice(start, end);
  const singleLine = !/[\r\n]/.test(src);
  const wrapped = sim.end > run.preLen;
  let similarity = sim.sim;
  if (similarity < 1 && singleLine && !wrapped) {
    // a garbled label in tab-separated cells: take whole cells, so that a fix replaces all of it (never reaching
    // out of the table's region: text run together before it is not the label's)
    const boundary = spaceSeparated ? /[\t\r\n| \u3000]/ : /[\t\r\n|]/;
    while (start > regionStart && !boundary.test(text[start - 1])) start--;
    while (end < text.length && !boundary.test(text[end])) end++;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > run.start) end = run.start;
    src = text.slice(start, end);
    similarity = similarity === 0 ? 0 : Math.max(0, 1 - editDistance(foldString(src), spec.folded) / Math.max(spec.folded.length, foldString(src).length));
  }
  if (similarity < 1 && sameButSeparators(foldString(src), spec.folded)) similarity = 1;
  // a label broken over lines with pieces of its group's label between them (（六）其 / 2.申请人… / 他处理, a PDF
  // centring the group label beside it): the label is as written, interleaved
  if (similarity < 1 && !singleLine && spec.group && interleaved(foldString(src), spec.folded, spec.group)) similarity = 1;
  // whole characters: a label ending in (or starting with) half of a surrogate pair takes the whole pair
  ({ start, end } = wholeCodePoints(text, start, end));
  src = text.slice(start, end);
  return { start, end, text: src, similarity, singleLine, wrapped };
}

/** [start, end) widened so that it never splits a surrogate pair. */
export function wholeCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const lo = (c: number) => c >= 0xdc00 && c <= 0xdfff, hi = (c: number) => c >= 0xd800 && c <= 0xdbff;
  if (start > 0 && start < text.length && lo(text.charCodeAt(start)) && hi(text.charCodeAt(start - 1))) start--;
  if (end > 0 && end < text.length && hi(text.charCodeAt(end - 1)) && lo(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Positional reading of an under-width tab row: fill the template columns from the table's usual value columns. */
function positional(run: Run, spec: RowSpec, modalStart: number | undefined, lineToks: Tok[] | undefined, labelEndCol: number): Tok[] | undefined {
  if (modalStart === undefined || !lineToks) return undefined;
  const cols = run.toks.map((t) => t.col);
  if (cols.some((c) => c < 0 || c < modalStart || c >= modalStart + spec.width)) return undefined;
  if (labelEndCol >= modalStart) return undefined;
  const out: Tok[] = [];
  for (let c = 0; c < spec.width; c++) {
    const t = lineToks.find((x) => x.col === modalStart + c);
    if (t && (t.kind === 'value' || t.kind === 'empty')) out.push(t);
    else if (!t) {
      const lastTok = lineToks[lineToks.length - 1];
      out.push({ kind: 'empty', start: lastTok.end, end: lastTok.end, line: lastTok.line, col: modalStart + c });
    } else return undefined;
  }
  return out;
}

function cellsOf(text: string, toks: Tok[], spec: RowSpec): Cell[] {
  return toks.map((t, k) => ({ rowKey: spec.key, colKey: spec.columns[k].key, start: t.start, end: t.end, value: tokValue(text, t) }));
}

interface Piece extends Span {
  /** The length of the piece folded. */
  len: number;
  /** The piece folded: made only when a header is not spelt exactly (foldedPiece). */
  f?: string;
}

function foldedPiece(text: string, p: Piece): string {
  return (p.f ??= foldSlice(text, p.start, p.end));
}

/**
 * Is fold(text, start, end) (labels folded) the string f? Compared character by character, without making the
 * folded string: most header pieces are not the label they are compared with, and differ at once.
 */
function foldsTo(text: string, start: number, end: number, f: string): boolean {
  const table = foldTable();
  let k = 0, prev = 0;
  for (let i = start; i < end; i++) {
    let c = table[text.charCodeAt(i)];
    if (c < 0) continue;
    if ((c === 0x3001 || c === 0xff0e) && isDigit(prev)) c = 46;
    if (k === f.length || f.charCodeAt(k) !== c) return false;
    k++;
    prev = c;
  }
  return k === f.length;
}

/**
 * The text tokens of toks[from, to), folded, each followed by its words when it holds several (pdftotext merges
 * space-separated header words into one token). Pieces folded to more than 40 characters are left out: no header is
 * that long.
 */
function headerPieces(text: string, toks: Tok[], from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  const add = (start: number, end: number) => {
    const len = foldedLength(text, start, end, 40);
    if (len && len <= 40) pieces.push({ start, end, len });
  };
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.kind !== 'text') continue;
    add(t.start, t.end);
    // its words (runs of non-white characters), when there are several
    let words = 0;
    for (let i = t.start; i < t.end; i++) if (!isWhite(text.charCodeAt(i)) && (i === t.start || isWhite(text.charCodeAt(i - 1)))) words++;
    if (words < 2) continue;
    for (let i = t.start; i < t.end;) {
      while (i < t.end && isWhite(text.charCodeAt(i))) i++;
      const s = i;
      while (i < t.end && !isWhite(text.charCodeAt(i))) i++;
      if (i > s) add(s, i);
    }
  }
  return pieces;
}

/** Template labels folded (they are few and constant). */
const FOLDED_LABELS = new Map<string, string>();
function foldedLabel(label: string): string {
  let f = FOLDED_LABELS.get(label);
  if (f === undefined) { f = foldString(label); FOLDED_LABELS.set(label, f); }
  return f;
}

/** Whole-token header matching: each expected label takes the most similar distinct piece. */
function matchHeaders(text: string, pieces: Piece[], labels: string[], min: number, neighbours: ReadonlySet<string> = NO_WORDS): (LabelMatch | undefined)[] {
  const folded = labels.map(foldedLabel);
  const out: (LabelMatch | undefined)[] = labels.map(() => undefined);
  // the usual case first: every label is spelt exactly in some piece. Exact pieces (similarity 1) come first in the
  // greedy choice below, in the same order, so when they give every label its piece the rest cannot change it
  let exact = 0;
  for (let k = 0; k < pieces.length && exact < labels.length; k++) {
    for (let li = 0; li < folded.length; li++) {
      const p = pieces[k];
      if (out[li] || p.len !== folded[li].length || !foldsTo(text, p.start, p.end, folded[li])) continue;
      out[li] = headerMatch(text, pieces[k], 1, false);
      exact++;
      break;
    }
  }
  if (exact === labels.length) return out;
  out.fill(undefined);
  const cands: { k: number; label: number; sim: number }[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const f = foldedPiece(text, pieces[k]);
    const gen = markChars(f);
    for (let li = 0; li < folded.length; li++) {
      const lab = folded[li];
      if (Math.abs(lab.length - f.length) > Math.max(2, lab.length * 0.4)) continue;
      // each character of the label that the piece lacks costs an edit: too many, and the similarity cannot reach min
      let miss = 0;
      for (let i = 0; i < lab.length; i++) if (charMarks[lab.charCodeAt(i)] !== gen) miss++;
      if (miss > Math.floor((1 - min) * Math.max(lab.length, f.length) + 1e-9)) continue; // the bound similarity uses
      const sim = similarity(f, lab, min);
      if (sim >= min) cands.push({ k, label: li, sim });
    }
  }
  cands.sort((a, b) => b.sim - a.sim || a.k - b.k);
  const used = new Set<number>();
  for (const c of cands) {
    if (out[c.label] || used.has(c.k)) continue;
    used.add(c.k);
    const t = pieces[c.k];
    // a header cut by the page width (商业企 / 业) is wrapped, not misspelt; one run together with the cell beside it
    // (信息内容本年收费金额（单位：万元）, a converter's merged cells) holds the label as written
    const tf = foldedPiece(text, t);
    const wrapped = c.sim < 1 && (folded[c.label].startsWith(tf) || folded[c.label].endsWith(tf));
    out[c.label] = headerMatch(text, t, runTogether(tf, folded[c.label], neighbours) ? 1 : c.sim, wrapped);
  }
  return out;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A piece that is the label run together with another header word of the table (信息内容 + 本年收费金额…, 自然人 + 总计). */
function runTogether(piece: string, label: string, neighbours: ReadonlySet<string>): boolean {
  const at = piece.indexOf(label);
  if (at < 0) return false;
  const rest = piece.slice(0, at) + piece.slice(at + label.length);
  // or set in brackets ((自然人), a converter's heading)
  return neighbours.has(rest) || /^[()\[\]【】〔〕<>《》"]*$/.test(rest);
}

/**
 * Is `src` the label's characters (most of them, in order) with, between them, only characters of its group's label
 * (in order)? The longest common subsequence of src and the label must cover most of the label, and what src holds
 * beyond it must be a subsequence of the group label.
 */
function interleaved(src: string, label: string, group: string): boolean {
  const n = src.length, m = label.length;
  if (n > 120 || m > 120) return false;
  const dp: Int32Array[] = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    dp[i][j] = src[i] === label[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  if (dp[0][0] < 0.6 * m) return false;
  let rest = '';
  for (let i = 0, j = 0; i < n;) {
    if (j < m && src[i] === label[j] && dp[i][j] === dp[i + 1][j + 1] + 1) { i++; j++; } else if (j < m && dp[i][j + 1] >= dp[i + 1][j]) j++; else rest += src[i++];
  }
  let g = 0;
  for (const ch of rest) { g = group.indexOf(ch, g); if (g < 0) return false; g++; }
  return true;
}

/** Labels that differ only in their separators (、 for , in a converter's text): the same words. */
const SEPARATORS = /[、,，;；]/g;
function sameButSeparators(a: string, b: string): boolean {
  return a.replace(SEPARATORS, ',') === b.replace(SEPARATORS, ',');
}

/** The header words of a table, folded: block captions, first headers, column labels, the group words. */
const HEADER_WORDS = new WeakMap<TableDef, ReadonlySet<string>>();
function headerWordsOf(def: TableDef): ReadonlySet<string> {
  let w = HEADER_WORDS.get(def);
  if (!w) {
    const words = new Set<string>();
    for (const b of def.blocks) {
      for (const x of [b.caption, b.firstHeader, ...b.columns.map((c) => c.label)]) if (x) words.add(foldString(x));
    }
    for (const h of def.headerLabels ?? []) words.add(foldString(h));
    HEADER_WORDS.set(def, w = words);
  }
  return w;
}

function headerMatch(text: string, t: Piece, similarity: number, wrapped: boolean): LabelMatch {
  const src = text.slice(t.start, t.end);
  return { start: t.start, end: t.end, text: src, similarity, singleLine: !/[\r\n]/.test(src), wrapped };
}

export interface ReadOptions { def: TableDef; region: Span; orphan?: boolean }

export function readTable(text: string, idx: LineIndex, { def, region, orphan }: ReadOptions): Table {
  const { toks, layout, truncatedAt, pipeRows } = tokenize(text, idx, region.start, region.end, unitsOf(text));
  const lineOriented = layout !== 'pipe' || !!pipeRows;
  const { runs, offs } = buildRuns(text, toks, lineOriented, true, !!pipeRows);
  const sp = specsOf(def), specs = sp.specs;
  const { assign, sims } = align(runs, sp);
  // a row matched by its position alone (no label found) is trusted only between rows matched by their labels:
  // a stretch of unlabelled numbers is not a table
  const labelled = (j: number) => assign[j] >= 0 && (specs[j].folded === '' || sims.sim[assign[j] * specs.length + j] >= 0.5);
  for (let j = 0; j < specs.length; j++) {
    if (assign[j] < 0 || labelled(j)) continue;
    let p = j - 1; while (p >= 0 && assign[p] < 0) p--;
    let q = j + 1; while (q < specs.length && assign[q] < 0) q++;
    const before = p < 0 || labelled(p), after = q >= specs.length || labelled(q);
    if (!(before && after) || (p < 0 && q >= specs.length)) assign[j] = -1;
  }
  rescueOutOfOrder(runs, sp, assign, sims);
  const absorbed = joinSplitRows(runs, sp, assign);

  // usual first value column per block (tab layouts), from rows read at full width
  const modal = new Map<number, number>();
  const counts = new Map<number, Map<number, number>>(); // by block, by column
  specs.forEach((spec, j) => {
    const r = assign[j];
    if (r < 0 || runs[r].width !== spec.width || runs[r].toks[0].col < 0) return;
    let inBlock = counts.get(spec.block);
    if (!inBlock) counts.set(spec.block, inBlock = new Map());
    const col = runs[r].toks[0].col;
    inBlock.set(col, (inBlock.get(col) ?? 0) + 1);
  });
  for (const [b, inBlock] of counts) {
    for (const [col, c] of inBlock) {
      const prev = modal.get(b);
      if (prev === undefined || c > (inBlock.get(prev) ?? 0)) modal.set(b, col);
    }
  }
  // the tab-separated tokens by line, gathered the first time a row is read with too few values
  let byLine: Map<number, Tok[]> | undefined;
  const lineToksAt = (line: number): Tok[] | undefined => {
    if (!byLine) {
      byLine = new Map();
      for (const t of toks) if (t.col >= 0) { const a = byLine.get(t.line); if (a) a.push(t); else byLine.set(t.line, [t]); }
    }
    return byLine.get(line);
  };

  let regionFold: string | undefined; // computed only when a row is not found
  const shortRuns = new Map<number, Run>(); // rows read with too few values, by spec index
  const rows: Row[] = specs.map((spec, j) => {
    const r = assign[j];
    // rows are built field by field: object spread is slow in Node 20's V8 (over a microsecond each)
    const row = (status: Row['status'], cells: Cell[], labelMatch?: LabelMatch, span?: Span): Row =>
      ({ key: spec.key, label: spec.label, blockIndex: spec.block, labelMatch, cells, status, span });
    if (r < 0) {
      // 表四's data row has no label: it is present when the table's header words are
      regionFold ??= foldString(text.slice(region.start, region.end));
      const rf = regionFold;
      const present = spec.folded.length >= 2 ? rf.includes(spec.folded) : (def.headerLabels ?? []).some((h) => rf.includes(foldString(h)));
      return row(present ? 'unlocated' : 'missing', []);
    }
    const run = runs[r];
    const sim = simAt(sims, r * specs.length + j);
    const labelMatch = sim.sim >= 0.5 ? labelMatchOf(text, run, offs, sim, spec, run.toks[0].col < 0 && layout !== 'pipe', region.start) : undefined;
    const [from, to] = fitted(run, spec.width);
    let cellToks: Tok[] | undefined = from === 0 && to === run.width ? run.toks : run.toks.slice(from, to);
    if (to - from < spec.width) {
      const lineToks = lineToksAt(run.toks[0].line);
      const labelEndCol = Math.max(-1, ...(lineToks ?? []).filter((t) => t.kind === 'text' && t.start < run.start).map((t) => t.col));
      cellToks = positional(run, spec, modal.get(spec.block), lineToks, labelEndCol);
    }
    const span = { start: Math.min(run.start, labelMatch?.start ?? run.start), end: run.end };
    if (!cellToks) { shortRuns.set(j, run); return row('unlocated', [], labelMatch, span); }
    return row('ok', cellsOf(text, cellToks, spec), labelMatch, span);
  });

  const groups = groupLabels(text, def, rows, region);

  // headers and captions, searched between the previous block's last row and the block's first row
  const columns: ColumnHeader[] = [];
  const captions: Table['captions'] = [];
  const tokIndexAt = (offset: number) => { // first token starting at or after offset (binary search)
    let lo = 0, hi = toks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid].start < offset) lo = mid + 1; else hi = mid; }
    return lo;
  };
  let prevTok = 0;
  def.blocks.forEach((block, b) => {
    const blockRows = rows.filter((row) => row.blockIndex === b && row.span);
    const firstRowStart = blockRows.length ? Math.min(...blockRows.map((row) => row.span!.start)) : undefined;
    const to = firstRowStart === undefined ? prevTok : tokIndexAt(firstRowStart);
    const from = Math.min(prevTok, to);
    const labels = block.columns.map((c) => c.label);
    const isT4 = def.id === 't4';
    const pieces = !isT4 || block.caption ? headerPieces(text, toks, from, to) : [];
    const found = isT4 ? labels.map(() => undefined) : matchHeaders(text, pieces, labels, 0.6, headerWordsOf(def));
    block.columns.forEach((c, k) => columns.push({ key: c.key, label: c.label, blockIndex: b, match: found[k] }));
    if (block.caption) captions.push({ blockIndex: b, official: block.caption, match: matchHeaders(text, pieces, [block.caption], 0.7)[0] });
    if (blockRows.length) prevTok = tokIndexAt(Math.max(...blockRows.map((row) => row.span!.end)));
  });

  // a column absent from the whole table (not just its header lost): most rows are one value short and
  // exactly that column's header is missing; the rows are then read without it
  const missingColumns: NonNullable<Table['missingColumns']> = [];
  // (it takes at least two rows read one value short)
  if (shortRuns.size >= 2) def.blocks.forEach((block, b) => {
    const W = block.columns.length;
    if (W < 2) return;
    const inBlock = specs.map((sp, j) => ({ sp, j })).filter((x) => x.sp.block === b && assign[x.j] >= 0);
    const short = inBlock.filter((x) => shortRuns.get(x.j)?.width === W - 1);
    const heads = columns.filter((c) => c.blockIndex === b);
    const lost = heads.filter((c) => !c.match);
    if (short.length < 2 || short.length < 0.6 * inBlock.length || lost.length !== 1 || heads.length - lost.length < (W - 1) / 2) return;
    const k = block.columns.findIndex((c) => c.key === lost[0].key);
    missingColumns.push({ key: lost[0].key, label: lost[0].label, blockIndex: b });
    for (const { sp, j } of short) {
      const run = shortRuns.get(j)!;
      const cols = sp.columns.filter((_, i) => i !== k);
      rows[j] = Object.assign({}, rows[j], { status: 'ok' as const, cells: run.toks.map((t, i) => ({ rowKey: sp.key, colKey: cols[i].key, start: t.start, end: t.end, value: tokValue(text, t) })) });
    }
  });

  // the table's extent: from the first row, header or caption found to the last row or header found
  let start = Infinity, end = -Infinity, located = 0;
  for (const r of rows) if (r.span) { located++; start = Math.min(start, r.span.start); end = Math.max(end, r.span.end); }
  for (const c of columns) if (c.match) { start = Math.min(start, c.match.start); end = Math.max(end, c.match.end); }
  for (const c of captions) if (c.match) start = Math.min(start, c.match.start);
  if (start === Infinity) start = region.start;
  if (end === -Infinity) end = region.start;
  const absent = located === 0 && !rows.some((r) => r.status === 'unlocated');
  const used = new Uint8Array(runs.length);
  for (const a of assign) if (a >= 0) used[a] = 1;
  for (const a of absorbed) used[a] = 1;
  const strayRuns: Span[] = [];
  for (let i = 0; i < runs.length; i++) if (!used[i]) strayRuns.push({ start: runs[i].start, end: runs[i].end });
  return { id: def.id, start, end, layout, rows, columns, captions, groups, strayRuns, absent, region, orphan, truncatedAt, missingColumns, pipeRows };
}
