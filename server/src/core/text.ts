// Text utilities: line index (offset <-> LSP position), matching normalisation with an offset map,
// edit-distance similarity and approximate substring search. All linear or bounded by the caller.

export interface Position { line: number; character: number }

/** From this many characters on, a pass reads codeUnits(text) rather than calling charCodeAt. */
export const LONG = 2048;

/** Line starts computed once per document; positions in UTF-16 code units like TextDocument.positionAt. */
export class LineIndex {
  /** Offset of the start of each line. */
  readonly starts: Int32Array;
  /** `starts`: the line starts when they are known already (the engine's prose scan finds them). */
  constructor(readonly text: string, starts?: Int32Array) {
    this.starts = starts ?? lineStarts(text);
  }
  get lineCount(): number { return this.starts.length; }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] > offset) hi = mid; else lo = mid + 1;
    }
    const line = lo - 1;
    return { line, character: this.beforeEol(offset, this.starts[line]) - this.starts[line] };
  }
  /** Like TextDocument: an offset inside or after a line break maps to the end of the line's text. */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 10 || this.text.charCodeAt(offset - 1) === 13)) offset--;
    return offset;
  }
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    if (p.line < 0) return 0;
    const start = this.starts[p.line];
    const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
    return this.beforeEol(Math.max(start, Math.min(start + p.character, next)), start);
  }
  /** [start, end) of line n without its line break. */
  lineSpan(n: number): { start: number; end: number } {
    const start = this.starts[n];
    let end = n + 1 < this.starts.length ? this.starts[n + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return { start, end };
  }
}

/**
 * Offsets of the line starts (\r\n, \r and \n end a line). A function of its own, not the constructor's body: V8
 * compiled the loop in the constructor on the fly (on-stack replacement) and threw the code away at its end, on every
 * call (node --trace-deopt).
 */
function lineStarts(text: string): Int32Array {
  // a typed array grown by doubling: a plain array of a line per 16 characters costs megabytes of garbage per MiB
  let s: Int32Array = new Int32Array((text.length >> 5) + 16), n = 1;
  if (text.length >= LONG) {
    // a document: one pass over its code units (the parse reads them too), measured faster than an indexOf per line
    // break on 10 MB of a report's six-character lines. (The engine takes the prose scan's line starts instead.)
    const u = codeUnits(text), len = u.length;
    for (let i = 0; i < len; i++) {
      const c = u[i];
      if (c > 13 || (c !== 10 && c !== 13)) continue;
      if (c === 13 && i + 1 < len && u[i + 1] === 10) i++;
      if (n === s.length) s = grown(s);
      s[n++] = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 13 && c !== 10) continue;
      if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
      if (n === s.length) s = grown(s);
      s[n++] = i + 1;
    }
  }
  return s.subarray(0, n);
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12;
}

/** White space as /\s/ and String.prototype.trim have it. */
export function isWhite(c: number): boolean {
  return isSpace(c) || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Does text[start, end) hold the code unit? */
export function hasCode(text: string, start: number, end: number, code: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

export function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

/** Map one UTF-16 unit to its matching form: full-width ASCII to half width, quote and dash variants unified. Returns -1 to drop. */
export function foldChar(c: number): number {
  if (isSpace(c) || c === 124 /* | */ || c === 0xff5c /* ｜ */) return -1;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  switch (c) {
    case 0x201c: case 0x201d: case 0x201e: case 0x301d: case 0x301e: case 0x2018: case 0x2019: case 39: return 34; // quotes -> "
    case 0x2014: case 0x2013: case 0x2212: return 45; // dashes -> -
    case 0x3002: return c; // 。 stays
    default: return c;
  }
}

export interface Folded {
  /** Normalised text. */
  s: string;
  /** Source offset of each character of s. */
  offs: Int32Array | number[];
}

/**
 * Fold text[start, end) for matching: drop white space and pipes, unify widths, and (for labels) `1、` -> `1.`.
 * Prose keeps its 、 (`12、8 件`) with labels = false.
 */
/** foldChar of every UTF-16 unit, looked up instead of computed (fold runs over all the prose). */
let FOLD: Int32Array | undefined;
export function foldTable(): Int32Array {
  if (!FOLD) {
    FOLD = new Int32Array(65536);
    for (let c = 0; c < 65536; c++) FOLD[c] = foldChar(c);
  }
  return FOLD;
}

export function fold(text: string, start = 0, end = text.length, labels = true): Folded {
  return foldRanges(text, [{ start, end }], labels);
}

/** fold() of several ranges of the text, one after the other, as one folded string; `prev`: the folded character before. */
export function foldRanges(text: string, ranges: readonly { start: number; end: number }[], labels = true, prev = 0): Folded {
  let n = 0;
  for (const r of ranges) n += Math.max(0, r.end - r.start);
  const scratch = n <= SCRATCH_MAX;
  const codes = scratch ? scratchCodes : new Uint16Array(n), offs = scratch ? scratchOffs : new Int32Array(n), table = foldTable();
  // a long fold (the prose of a document) reads the document's code units; a short one (a line) charCodeAt
  const u = n >= LONG ? codeUnits(text) : undefined;
  let k = 0;
  for (const r of ranges) {
    if (u) {
      for (let i = r.start; i < r.end; i++) {
        let c = table[u[i]];
        if (c < 0) continue;
        if (labels && (c === 0x3001 /* 、 */ || c === 0xff0e) && isDigit(prev)) c = 46;
        codes[k] = c;
        offs[k++] = i;
        prev = c;
      }
      continue;
    }
    for (let i = r.start; i < r.end; i++) {
      let c = table[text.charCodeAt(i)];
      if (c < 0) continue;
      if (labels && (c === 0x3001 /* 、 */ || c === 0xff0e) && isDigit(prev)) c = 46;
      codes[k] = c;
      offs[k++] = i;
      prev = c;
    }
  }
  // a small typed array costs more to allocate than a plain array of the same numbers
  let out: Int32Array | number[];
  if (k <= 64) {
    out = new Array<number>(k);
    for (let i = 0; i < k; i++) out[i] = offs[i];
  } else out = scratch ? offs.slice(0, k) : offs.subarray(0, k);
  return { s: fromCodes(codes, k), offs: out };
}

/**
 * fold(text, starts[k], ends[k], false) for each k < n. The results share one folded string (each s a slice of it)
 * and one offset array (each offs a view of it): many short folds (the sentences of a document) cost a slice and a
 * view each rather than a new string and a copy of their offsets.
 */
export function foldEach(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, n: number): Folded[] {
  let total = 0;
  for (let k = 0; k < n; k++) total += Math.max(0, ends[k] - starts[k]);
  // the codes only become the string: scratch when they fit (the offsets are the results' own)
  const codes = total <= SCRATCH_MAX ? scratchCodes : new Uint16Array(total), offs = new Int32Array(total), table = foldTable();
  const at: number[] = new Array<number>(n + 1);
  let j = 0;
  for (let k = 0; k < n; k++) {
    at[k] = j;
    for (let i = starts[k]; i < ends[k]; i++) {
      const c = table[text.charCodeAt(i)];
      if (c < 0) continue;
      codes[j] = c;
      offs[j++] = i;
    }
  }
  at[n] = j;
  const all = fromCodes(codes, j), out: Folded[] = new Array<Folded>(n);
  for (let k = 0; k < n; k++) out[k] = { s: all.slice(at[k], at[k + 1]), offs: offs.subarray(at[k], at[k + 1]) };
  return out;
}

// reused between calls (the engine is synchronous): a small fold allocates only its results; a large one (the
// prose of a big document) gets buffers of its own, so that the server does not keep megabytes after it
const SCRATCH_MAX = 1 << 16;
const scratchCodes = new Uint16Array(SCRATCH_MAX);
const scratchOffs = new Int32Array(SCRATCH_MAX);

let KEEPS: Uint8Array | undefined;
/** 1 for each UTF-16 unit that fold keeps, 0 for those it drops (white space, table bars). */
export function foldKeeps(): Uint8Array {
  if (!KEEPS) {
    const table = foldTable();
    KEEPS = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) KEEPS[c] = table[c] >= 0 ? 1 : 0;
  }
  return KEEPS;
}

/** Length of fold(text, start, end).s; counting stops once it is over `limit`. */
export function foldedLength(text: string, start: number, end: number, limit = Infinity): number {
  const keep = foldKeeps();
  let n = 0;
  for (let i = start; i < end && n <= limit; i++) n += keep[text.charCodeAt(i)];
  return n;
}

const FAST_DECODE = typeof Buffer !== 'undefined' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1; // little-endian

/** The string of the first n code units. */
export function fromCodes(codes: Uint16Array, n: number): string {
  let s = '';
  if (n <= 16) {
    for (let i = 0; i < n; i++) s += String.fromCharCode(codes[i]);
    return s;
  }
  // Node's UTF-16 decoding keeps lone surrogates as they are, like String.fromCharCode
  if (FAST_DECODE) return Buffer.from(codes.buffer, codes.byteOffset, 2 * n).toString('utf16le');
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

/**
 * The UTF-16 code units of a text as a typed array. The passes over a whole document read them instead of calling
 * charCodeAt, which costs about twice as much per character here (bench/bench.mjs). Cached for the last two texts
 * (the engine checks one document version at a time; two, so that a server alternating documents keeps both).
 */
export function codeUnits(text: string): Uint16Array {
  // `===` on strings compares contents when they are not the same object: a new string equal to a cached one (a
  // document checked again unchanged) takes the cached slot, so that the next call finds the same object at once
  // (else every call, hundreds per check, would compare the whole text again)
  if (text === unitsText[0]) { unitsText[0] = text; return unitsArr[0]!; }
  if (text === unitsText[1]) { unitsText[1] = text; return unitsArr[1]!; }
  let a: Uint16Array | undefined;
  if (FAST_DECODE) {
    // Node's encoder (a copy at memory speed); a pooled small buffer may start at an odd byte: then copy by hand
    const b = Buffer.from(text, 'utf16le');
    if (!(b.byteOffset & 1)) a = new Uint16Array(b.buffer, b.byteOffset, b.length >> 1);
  }
  a ??= copyUnits(text);
  unitsText[1] = unitsText[0]; unitsArr[1] = unitsArr[0];
  unitsText[0] = text; unitsArr[0] = a;
  return a;
}
const unitsText: (string | undefined)[] = [undefined, undefined];
const unitsArr: (Uint16Array | undefined)[] = [undefined, undefined];

function copyUnits(text: string): Uint16Array {
  const a = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) a[i] = text.charCodeAt(i);
  return a;
}

/**
 * The code units of any text: a document's (at least LONG characters) from the cache, a short string's from a slot
 * of its own, so that it does not push a document out of that cache (a short document is read by every table and
 * every automaton pass: one copy, not one per call).
 */
export function unitsOf(text: string): Uint16Array {
  if (text.length >= LONG) return codeUnits(text);
  if (text !== shortText) { shortText = text; shortArr = copyUnits(text); }
  return shortArr;
}
let shortText: string | undefined;
let shortArr: Uint16Array = new Uint16Array(0);

/** fold() without the offset map. */
export function foldString(text: string): string {
  return foldSlice(text, 0, text.length);
}

/** fold(text, start, end).s: without the offset map. */
export function foldSlice(text: string, start: number, end: number): string {
  const codes = end - start <= SCRATCH_MAX ? scratchCodes : new Uint16Array(end - start), table = foldTable();
  let prev = 0, k = 0;
  for (let i = start; i < end; i++) {
    let c = table[text.charCodeAt(i)];
    if (c < 0) continue;
    if ((c === 0x3001 || c === 0xff0e) && isDigit(prev)) c = 46;
    codes[k++] = c;
    prev = c;
  }
  return fromCodes(codes, k);
}

/**
 * Levenshtein distance, O(|a|·|b|) with one row of memory. With `max`: any result above max is max + 1, and the
 * computation stops as soon as every entry of a row is above max (the distance only grows from there).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const m = b.length;
  const row = m < ROW.length ? ROW : new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    let least = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const up = row[j];
      let d = prev + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (up + 1 < d) d = up + 1;
      if (row[j - 1] + 1 < d) d = row[j - 1] + 1;
      row[j] = d;
      if (d < least) least = d;
      prev = up;
    }
    if (least > max) return max + 1;
  }
  return Math.min(row[m], max + 1);
}
/** The row editDistance reuses (the engine is synchronous). */
const ROW = new Int32Array(256);

/** Similarity in [0,1]: 1 - distance / length of the longer string. With `min`: 0 when it would be below min. */
export function similarity(a: string, b: string, min = 0): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  const max = Math.floor((1 - min) * n + 1e-9);
  const d = editDistance(a, b, max);
  return d > max ? 0 : 1 - d / n;
}

export interface Approx { start: number; end: number; distance: number }

/**
 * Best approximate occurrence of `pattern` inside `text` (Sellers' algorithm): the substring of `text`
 * with the least edit distance to `pattern`. Returns indices into `text`. O(|pattern|·|text|).
 */
export function approxFind(pattern: string, text: string): Approx {
  const m = pattern.length, n = text.length;
  if (!m) return { start: 0, end: 0, distance: 0 };
  const exact = text.indexOf(pattern);
  if (exact >= 0) return { start: exact, end: exact + m, distance: 0 };
  // D[i][j]: distance of pattern[0,i) to a substring of text ending at j; start tracked alongside. Two rows of each, in
  // arrays reused between calls (the engine is synchronous), and the text's code units copied once
  // (a text of more than APPROX_KEEP characters gets arrays of its own, not kept)
  const keep = n <= APPROX_KEEP;
  if (keep && APPROX[0].length < n + 1) for (let k = 0; k < 4; k++) APPROX[k] = new Int32Array(n + 1);
  if (keep && APPROX_TEXT.length < n) APPROX_TEXT = new Uint16Array(n);
  const rows = keep ? APPROX : Array.from({ length: 4 }, () => new Int32Array(n + 1));
  const t = keep ? APPROX_TEXT : new Uint16Array(n);
  let prevD = rows[0], curD = rows[1], prevS = rows[2], curS = rows[3];
  for (let j = 0; j < n; j++) t[j] = text.charCodeAt(j);
  for (let j = 0; j <= n; j++) { prevD[j] = 0; prevS[j] = j; }
  for (let i = 1; i <= m; i++) {
    curD[0] = i; curS[0] = 0;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prevD[j - 1] + (pc === t[j - 1] ? 0 : 1);
      const del = prevD[j] + 1; // pattern char missing from text
      const ins = curD[j - 1] + 1; // extra text char
      let d = sub, st = prevS[j - 1];
      if (del < d) { d = del; st = prevS[j]; }
      if (ins < d) { d = ins; st = curS[j - 1]; }
      curD[j] = d; curS[j] = st;
    }
    const d = prevD; prevD = curD; curD = d;
    const st = prevS; prevS = curS; curS = st;
  }
  let best = 0, bestD = prevD[0];
  for (let j = 1; j <= n; j++) if (prevD[j] < bestD || (prevD[j] === bestD && j - prevS[j] > best - prevS[best])) { bestD = prevD[j]; best = j; }
  return { start: prevS[best], end: best, distance: bestD };
}
/**
 * approxFind(pattern, text).distance, computed faster: for a pattern of at most 64 code units by Myers' bit-parallel
 * algorithm (one step per character of the text; the pattern's column of the table is held in the bits of two
 * integers per 32 rows: here, and in approxDistance64 for 33 to 64), else by approxFind itself. The least edit
 * distance between the pattern and any substring of the text.
 */
export function approxDistance(pattern: string, text: string): number {
  const m = pattern.length;
  if (!m) return 0;
  if (m > 64) return approxFind(pattern, text).distance;
  if (m > 32) return approxDistance64(pattern, text);
  const n = text.length;
  const peq = PEQ;
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] |= 1 << i;
  const high = 1 << (m - 1);
  // vertical deltas of the column (+1 / -1 at each row), and the score of its last row; the top row is 0 all along
  // (a match may start anywhere)
  let pv = -1, mv = 0, score = m, least = m;
  for (let j = 0; j < n && least > 0; j++) {
    const eq = peq[text.charCodeAt(j)];
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    if (score < least) least = score;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0;
  return least;
}
/** Myers' pattern bitmasks by code unit: only the pattern's characters are set, and cleared after each call. */
const PEQ = new Int32Array(65536);
/** The bitmasks of rows 33 to 64. */
const PEQ2 = new Int32Array(65536);

/**
 * approxDistance for a pattern of 33 to 64 code units: two blocks of 32 rows, the first passing the horizontal delta
 * of its last row to the second (Hyyrö's blocks of Myers' algorithm).
 */
function approxDistance64(pattern: string, text: string): number {
  const m = pattern.length, n = text.length;
  for (let i = 0; i < 32; i++) PEQ[pattern.charCodeAt(i)] |= 1 << i;
  for (let i = 32; i < m; i++) PEQ2[pattern.charCodeAt(i)] |= 1 << (i - 32);
  const high = 1 << (m - 33);
  let pv0 = -1, mv0 = 0, pv1 = -1, mv1 = 0, score = m, least = m;
  for (let j = 0; j < n && least > 0; j++) {
    const c = text.charCodeAt(j);
    // rows 1 to 32: the top row is 0 all along
    const eq0 = PEQ[c];
    const xv0 = eq0 | mv0;
    const xh0 = ((((eq0 & pv0) + pv0) | 0) ^ pv0) | eq0;
    let ph0 = mv0 | ~(xh0 | pv0), mh0 = pv0 & xh0;
    const hin = ph0 < 0 ? 1 : mh0 < 0 ? -1 : 0; // the delta of row 32 (its sign bit)
    ph0 <<= 1;
    mh0 <<= 1;
    pv0 = mh0 | ~(xv0 | ph0);
    mv0 = ph0 & xv0;
    // rows 33 to m, below it
    let eq1 = PEQ2[c];
    const xv1 = eq1 | mv1;
    if (hin < 0) eq1 |= 1;
    const xh1 = ((((eq1 & pv1) + pv1) | 0) ^ pv1) | eq1;
    let ph1 = mv1 | ~(xh1 | pv1), mh1 = pv1 & xh1;
    if (ph1 & high) score++;
    else if (mh1 & high) score--;
    if (score < least) least = score;
    ph1 <<= 1;
    mh1 <<= 1;
    if (hin < 0) mh1 |= 1;
    else if (hin > 0) ph1 |= 1;
    pv1 = mh1 | ~(xv1 | ph1);
    mv1 = ph1 & xv1;
  }
  for (let i = 0; i < 32; i++) PEQ[pattern.charCodeAt(i)] = 0;
  for (let i = 32; i < m; i++) PEQ2[pattern.charCodeAt(i)] = 0;
  return least;
}

/** The rows approxFind reuses, and its copy of the text. */
const APPROX: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
const APPROX_KEEP = 1 << 14;
let APPROX_TEXT = new Uint16Array(256);

/** Map a span of folded indices back to source offsets. */
export function foldedToSource(f: Folded, a: number, b: number): { start: number; end: number } {
  if (b <= a) { const o = f.offs[Math.min(a, f.offs.length - 1)] ?? 0; return { start: o, end: o }; }
  return { start: f.offs[a], end: f.offs[b - 1] + 1 };
}
