// Figures stated in the prose, matched to the table cells they describe. Phrasings are data (CLAIMS in claims.ts);
// a claim is only compared when its pattern is unambiguous and every cell it sums was read as a number.
import { addDec, parseDec, ZERO } from '../numbers';
import { codeUnits, foldEach, foldedToSource, foldKeeps, type Folded } from '../text';
import type { Cell, Dec, ReportModel, Span, TemplateVersion } from '../types';
import { CLAIMS, HINTS, SENTENCE_WORDS, type CellRef, type ClaimDef } from './claims';
import { proseScan } from '../prose/scan';

export type { ClaimDef } from './claims';

export interface Claim {
  def: ClaimDef;
  /** The number in the prose (for zero claims: the phrase). */
  span: Span;
  sentence: Span;
  stated: Dec;
  /** The cells summed for the comparison, and their sum; undefined when a cell was not read as a number. */
  cells: Cell[];
  table?: Dec;
  /** The alternative reading (受理 … 含结转), when it applies. */
  altCells?: Cell[];
  alt?: Dec;
}

/** Spans of the text outside the tables. */
export function proseSpans(model: ReportModel): Span[] {
  const tables = Object.values(model.tables).filter((t) => t && !t.absent).map((t) => ({ start: t!.start, end: t!.end })).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const t of tables) { if (t.start > at) out.push({ start: at, end: t.start }); at = Math.max(at, t.end); }
  if (at < model.text.length) out.push({ start: at, end: model.text.length });
  return out;
}

const claimCache = new WeakMap<ReportModel, Claim[]>();

/** Sentence marks: 。！？ end a sentence, and with clauses ；too (lists of shares, …，占6%；…, need whole sentences). */
const SENTENCE_MARKS = '。！!？?', CLAUSE_ONLY = '；;';
const END_SENTENCE = new RegExp(`[${SENTENCE_MARKS}]`, 'g'), END_CLAUSE = new RegExp(`[${SENTENCE_MARKS}${CLAUSE_ONLY}]`, 'g');
/** 1: ends a sentence, 2: ends a clause. */
const MARK = new Uint8Array(65536);
for (const ch of SENTENCE_MARKS) MARK[ch.charCodeAt(0)] = 1;
for (const ch of CLAUSE_ONLY) MARK[ch.charCodeAt(0)] = 2;

/** The words, their code units, and for each first character (group[c] > 0) the words that start with it. */
interface Words { index: Map<string, number>; codes: Uint16Array[]; group: Uint8Array; byGroup: number[][] }
let WORDS: Words | undefined;
function sentenceWords(): Words {
  if (!WORDS) {
    const group = new Uint8Array(65536), byGroup: number[][] = [[]];
    SENTENCE_WORDS.forEach((w, k) => {
      const c = w.charCodeAt(0);
      if (!group[c]) { group[c] = byGroup.length; byGroup.push([]); }
      byGroup[group[c]].push(k);
    });
    WORDS = { index: new Map(SENTENCE_WORDS.map((w, k) => [w, k])), codes: SENTENCE_WORDS.map((w) => new Uint16Array(w.length).map((_, k) => w.charCodeAt(k))), group, byGroup };
  }
  return WORDS;
}

interface WordHits { start: Int32Array; end: Int32Array; id: Int32Array; n: number }
let HIT_START: Int32Array = new Int32Array(256), HIT_END: Int32Array = new Int32Array(256), HIT_ID: Int32Array = new Int32Array(256);
const hitCache = new WeakMap<ReportModel, WordHits>();

/**
 * Where the words are in the prose, in order; once per model. What fold drops (white space, table bars) may stand
 * inside a word. Only where the prose scan found a word's first character is a word tried.
 */
function wordHits(model: ReportModel): WordHits {
  let h = hitCache.get(model);
  if (h) return h;
  const { codes, group, byGroup } = sentenceWords();
  const u = codeUnits(model.text), keep = foldKeeps(), firsts = proseScan(model).words;
  // filled in scratch arrays kept between models, then copied into one array of three times their count
  let cap = HIT_START.length, n = 0;
  let start = HIT_START, end = HIT_END, id = HIT_ID;
  let f = 0;
  for (const span of proseSpans(model)) {
    while (f < firsts.length && firsts[f] < span.start) f++;
    for (; f < firsts.length && firsts[f] < span.end; f++) {
      const i = firsts[f];
      const ks = byGroup[group[u[i]]];
      for (let q = 0; q < ks.length; q++) {
        const k = ks[q];
        const w = codes[k];
        let j = i + 1, m = 1;
        for (; m < w.length && j < span.end; j++) {
          const c = u[j];
          if (c === w[m]) m++;
          else if (keep[c]) break;
        }
        if (m < w.length) continue;
        if (n === cap) {
          cap *= 2;
          const s2 = new Int32Array(cap), e2 = new Int32Array(cap), i2 = new Int32Array(cap);
          s2.set(start); e2.set(end); i2.set(id);
          start = s2; end = e2; id = i2;
        }
        start[n] = i; end[n] = j; id[n] = k; n++;
      }
    }
  }
  if (cap <= 1 << 16) { HIT_START = start; HIT_END = end; HIT_ID = id; }
  const all = new Int32Array(3 * n);
  all.set(start.subarray(0, n), 0); all.set(end.subarray(0, n), n); all.set(id.subarray(0, n), 2 * n);
  h = { start: all.subarray(0, n), end: all.subarray(n, 2 * n), id: all.subarray(2 * n), n };
  hitCache.set(model, h);
  return h;
}

/**
 * The sentences of the prose that contain one of the words (white space allowed inside a word, as PDF lines wrap),
 * each once, in order, folded (white space removed, widths unified; offs maps back to the text). A sentence is the run of characters between two
 * sentence marks, the closing mark included. Only the text around the words is looked at, and only sentences of at
 * most maxLength folded characters (longer runs are tables or lists, not prose) and, with `anyOf`, holding one of
 * its characters are folded. The words must be claim hints or listed in OTHER_WORDS.
 */
export function sentencesWith(model: ReportModel, words: readonly string[], opts: SentenceOptions): Folded[] {
  return sentencesAt(model, words, opts).map((x) => x.folded);
}

interface SentenceOptions { clauses?: boolean; maxLength: number; anyOf?: string }

/** A sentence of sentencesWith, and the word hits inside it: wordHits(model) from `first` to before `end`. */
interface Sentence { folded: Folded; first: number; end: number }

const ANY_OF = new Map<string, Uint8Array>();
/** A table of the characters of `chars`, built once per string. */
function charTable(chars: string): Uint8Array {
  let t = ANY_OF.get(chars);
  if (!t) {
    t = new Uint8Array(65536);
    for (let k = 0; k < chars.length; k++) t[chars.charCodeAt(k)] = 1;
    ANY_OF.set(chars, t);
  }
  return t;
}

function sentencesAt(model: ReportModel, words: readonly string[], opts: SentenceOptions): Sentence[] {
  const found = SpanList.reused();
  const { index } = sentenceWords();
  const wanted = new Uint8Array(index.size);
  for (const w of words) {
    const k = index.get(w);
    if (k === undefined) throw new Error(`sentencesWith: "${w}" is not one of the sentence words`);
    wanted[k] = 1;
  }
  const hits = wordHits(model);
  const text = model.text, u = codeUnits(text), clauses = opts.clauses ?? true, max = opts.maxLength, keep = foldKeeps();
  const endMask = clauses ? 3 : 1, anyOf = opts.anyOf === undefined ? undefined : charTable(opts.anyOf);
  let h = 0;
  for (const span of proseSpans(model)) {
    let reached = span.start; // end of the last sentence found: a boundary
    for (; h < hits.n && hits.start[h] < span.end; h++) {
      const i = hits.start[h];
      if (i < reached || !wanted[hits.id[h]]) continue;
      // back to the previous mark, counting what folding keeps: past maxLength, the sentence is too long (a table)
      let a = i, before = 0;
      while (a > reached && !(MARK[u[a - 1]] & endMask) && before <= max) { a--; before += keep[u[a]]; }
      // on to the next mark (a word holds none), the mark included; else the end of the span. A sentence of prose
      // ends within a few dozen characters: past those, a regular expression finds the mark faster
      let e = hits.end[h];
      const near = Math.min(span.end, e + 64);
      while (e < near && !(MARK[u[e]] & endMask)) e++;
      if (e === near && e < span.end) {
        const endRe = clauses ? END_CLAUSE : END_SENTENCE;
        endRe.lastIndex = e;
        e = endRe.test(text) ? Math.min(endRe.lastIndex - 1, span.end) : span.end;
      }
      if (e < span.end) e++;
      reached = e;
      if (before > max) continue;
      if (e - a > max) {
        // what folding keeps of the rest, counted until it is too long
        let after = 0;
        for (let j = i; j < e && before + after <= max; j++) after += keep[u[j]];
        if (before + after > max) continue;
      }
      if (anyOf) {
        let any = false;
        for (let j = a; j < e && !any; j++) any = anyOf[u[j]] === 1;
        if (!any) continue;
      }
      // (its folded length is at most max now) the hits inside the sentence: those before this one that were not
      // wanted, this one, and those after it
      let first = h;
      while (first > 0 && hits.start[first - 1] >= a) first--;
      let last = h + 1;
      while (last < hits.n && hits.start[last] < e) last++;
      found.push(a, e, first, last);
    }
  }
  const folded = foldEach(text, found.a, found.e, found.n), out: Sentence[] = new Array<Sentence>(found.n);
  for (let k = 0; k < found.n; k++) out[k] = { folded: folded[k], first: found.first[k], end: found.last[k] };
  return out;
}

/** The sentences found: source span and word hits, in typed arrays grown by doubling. */
class SpanList {
  a: Int32Array = new Int32Array(64); e: Int32Array = new Int32Array(64);
  first: Int32Array = new Int32Array(64); last: Int32Array = new Int32Array(64);
  n = 0;
  private static scratch = new SpanList();
  /** The one list, emptied: read only before the next call (the engine is synchronous; four typed arrays per call
   * were allocations off the heap). One grown past 65536 sentences is not kept. */
  static reused(): SpanList {
    const l = SpanList.scratch.a.length > 1 << 16 ? (SpanList.scratch = new SpanList()) : SpanList.scratch;
    l.n = 0;
    return l;
  }
  push(a: number, e: number, first: number, last: number): void {
    if (this.n === this.a.length) {
      const grow = (x: Int32Array): Int32Array => { const y = new Int32Array(x.length * 2); y.set(x); return y; };
      this.a = grow(this.a); this.e = grow(this.e); this.first = grow(this.first); this.last = grow(this.last);
    }
    this.a[this.n] = a; this.e[this.n] = e; this.first[this.n] = first; this.last[this.n++] = last;
  }
}

function cellsOf(model: ReportModel, version: TemplateVersion, refs: CellRef[]): { cells: Cell[]; sum?: Dec } {
  const cells: Cell[] = [];
  let sum: Dec = ZERO;
  for (const ref of refs) {
    const table = model.tables[ref.table];
    for (const rowKey of ref.rows) {
      const row = table?.rows.find((r) => r.key === rowKey && r.status === 'ok');
      const cell = row?.cells.find((c) => c.colKey === ref.col);
      if (!cell || !cell.value.num) return { cells };
      cells.push(cell);
      sum = addDec(sum, cell.value.num);
    }
  }
  void version;
  return { cells, sum };
}

/** Longer than any sentence of prose: a run of numbers or text without full stops, not searched for claims. */
const MAX_SENTENCE = 600;

/** A claim can only match a sentence holding a digit, or one of the words of the zero and "all upheld" phrasings. */
const MAY_CLAIM = '0123456789０１２３４５６７８９无未没均全都';

/** Every claim found in the prose, with the cells it refers to (computed once per model). */
export function findClaims(model: ReportModel): Claim[] {
  let c = claimCache.get(model);
  if (!c) { c = computeClaims(model); claimCache.set(model, c); }
  return c;
}

/** For each claim (same order as CLAIMS), the indices of its hints in HINTS. */
const CLAIM_HINTS = CLAIMS.map((d) => d.hint.map((h) => HINTS.indexOf(h)));
/** Claims whose figure is a number in the text (not a zero phrasing, not "all upheld"): only a sentence with a digit can hold one. */
const NEEDS_DIGIT = CLAIMS.map((d) => !d.zero && !d.equals);
/** Which hints a sentence holds (reused: the engine is synchronous). */
const present = new Uint8Array(HINTS.length);

const GLOBAL = new Map<ClaimDef, RegExp>();
/** The claim's pattern with the g flag (compiled once), to look for a second match. */
function globalOf(def: ClaimDef): RegExp {
  let g = GLOBAL.get(def);
  if (!g) { g = new RegExp(def.re.source, 'g'); GLOBAL.set(def, g); }
  return g;
}

function computeClaims(model: ReportModel): Claim[] {
  const version = model.template;
  if (!version) return [];
  const out: Claim[] = [];
  const hits = wordHits(model);
  for (const { folded: sen, first, end } of sentencesAt(model, HINTS, { maxLength: MAX_SENTENCE, anyOf: MAY_CLAIM })) {
    const text = sen.s;
    // the hints the sentence holds, from the word hits inside it (a sentence word's id is its hint's index)
    present.fill(0);
    for (let q = first; q < end; q++) if (hits.id[q] < HINTS.length) present[hits.id[q]] = 1;
    // folded: full-width digits are ASCII here
    let digit = false;
    for (let k = 0; k < text.length && !digit; k++) { const c = text.charCodeAt(k); digit = c >= 48 && c <= 57; }
    for (let d = 0; d < CLAIMS.length; d++) {
      if (!digit && NEEDS_DIGIT[d]) continue;
      const def = CLAIMS[d], hints = CLAIM_HINTS[d];
      let hinted = false;
      for (let k = 0; k < hints.length && !hinted; k++) hinted = present[hints[k]] === 1;
      if (!hinted) continue;
      const refs = def.cells[version];
      if (!refs) continue;
      let from = 0, to = text.length;
      if (def.after) { const a = def.after.exec(text); if (!a) continue; from = a.index + a[0].length; }
      if (def.before) { const b = def.before.exec(text.slice(from)); if (b) to = from + b.index; }
      const part = text.slice(from, to);
      const m = def.re.exec(part);
      if (!m) continue;
      // the same phrasing twice in one sentence is ambiguous: say nothing
      const g = globalOf(def);
      g.lastIndex = m.index + Math.max(1, m[0].length);
      if (g.test(part)) continue;
      let a: number, b: number, stated: Dec | undefined;
      if (def.equals) { a = m.index; b = m.index + m[0].length; stated = cellsOf(model, version, def.equals).sum; } else if (def.zero) { a = m.index; b = m.index + m[0].length; stated = ZERO; } else {
        a = m.index + m[0].lastIndexOf(m[1]); b = a + m[1].length;
        stated = parseDec(m[1]);
      }
      if (!stated) continue;
      const span = foldedToSource(sen, from + a, from + b);
      const { cells, sum } = cellsOf(model, version, refs);
      const claim: Claim = { def, span, sentence: foldedToSource(sen, 0, text.length), stated, cells, table: sum };
      if (def.alt && def.alt.when.test(text)) {
        const alt = cellsOf(model, version, def.alt.cells);
        claim.altCells = alt.cells; claim.alt = alt.sum;
      }
      out.push(claim);
    }
  }
  // a claim of one kind made twice with the same number span (handled / handled2) is one claim
  if (out.length < 2) return out;
  const seen = new Set<string>();
  return out.filter((c) => { const k = `${c.span.start}:${cellsKey(c.def, version)}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

const CELLS_KEY = new Map<ClaimDef, Partial<Record<TemplateVersion, string>>>();
/** The cells a claim compares with, as a string (two claims of one number with the same cells are one claim). */
function cellsKey(def: ClaimDef, version: TemplateVersion): string {
  let byVersion = CELLS_KEY.get(def);
  if (!byVersion) CELLS_KEY.set(def, (byVersion = {}));
  return (byVersion[version] ??= def.cells[version]?.map((r) => r.rows.join('+') + r.col).join() ?? '');
}
