// Tokenising a table region into text and value tokens, whatever the layout:
// tab-separated rows (PDF extraction), one cell per line between `|` (flattened HTML), Markdown-like pipes,
// or values separated by spaces (pdftotext). Page footers are skipped.
import { isNaText, isNumberText, cellValue } from '../numbers';
import { isDigit, isSpace, isWhite, LineIndex, unitsOf } from '../text';
import type { CellValue, Layout } from '../types';

export interface Tok {
  kind: 'text' | 'value' | 'empty';
  start: number;
  end: number;
  line: number;
  /** Cell index within a tab-separated line (-1 elsewhere). */
  col: number;
}

/** A value token's cell value, computed only for the tokens that become cells. */
export function tokValue(text: string, t: Tok): CellValue {
  return t.kind === 'value' ? cellValue(text.slice(t.start, t.end)) : { kind: 'blank', raw: '' };
}

/** A template table holds at most a few hundred values; a region with far more is not read past this many tokens. */
export const MAX_TOKENS = 20000;

const FOOTER_RE = /^\s*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
/** A number followed by one of these is prose ("78 项", "2023 年"), not a table value. */
const UNIT_AFTER = /^[件项条个篇期场次人名家起年月日号元万亿%％余多倍批部套台户处类宗份]/;

export interface Tokenized {
  toks: Tok[];
  layout: Layout;
  /** Offset where tokenising stopped because the region held more than MAX_TOKENS tokens. */
  truncatedAt?: number;
  /** Rows one per line between pipes (Markdown, a crawler's flattened HTML): read line by line, blank cells counted. */
  pipeRows?: boolean;
}

const DASHES = '-—－–';
const DASH = new Uint8Array(65536);
for (const ch of DASHES) DASH[ch.charCodeAt(0)] = 1;
function isDashChunk(u: Uint16Array, s: number, e: number): boolean {
  return e - s === 1 && DASH[u[s]] === 1;
}
function allDigits(u: Uint16Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isDigit(u[i])) return false;
  return s < e;
}
/** Characters every page footer FOOTER_RE matches holds one of (- 4 -, 第 4 页, 4 / 12): others need no test. */
const FOOTER_MARK = new Uint8Array(65536);
for (const ch of DASHES + '页/') FOOTER_MARK[ch.charCodeAt(0)] = 1;
function isFooter(text: string, u: Uint16Array, s: number, e: number): boolean {
  let i = s;
  while (i < e && !FOOTER_MARK[u[i]]) i++;
  return i < e && FOOTER_RE.test(text.slice(s, e));
}
function hasCodeIn(u: Uint16Array, s: number, e: number, code: number): boolean {
  for (let i = s; i < e; i++) if (u[i] === code) return true;
  return false;
}
/** Nothing but white space (as String.prototype.trim has it). */
function isBlank(u: Uint16Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isWhite(u[i])) return false;
  return true;
}

/**
 * Chunk bounds and kinds, reused between calls (the engine is synchronous): a cell costs no arrays of its own. A line
 * of more chunks grows them (kept up to SCRATCH_KEEP chunks, so that one huge line does not hold megabytes).
 */
let chunkStart = new Int32Array(256), chunkEnd = new Int32Array(256), chunkKind = new Uint8Array(256);
const SCRATCH_KEEP = 1 << 14;
const TEXT = 0, VALUE = 1;
/** Characters a value chunk can start with besides ASCII digits: full-width digits, signs, dashes and slashes. */
const VALUE_FIRST = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) VALUE_FIRST[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) VALUE_FIRST[c] = 1;
for (const ch of '+-/－—–−／＋─') VALUE_FIRST[ch.charCodeAt(0)] = 1;
/** First characters of the chunk after a number that make the number prose: UNIT_AFTER, and . 、 ． */
const PROSE_AFTER = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (UNIT_AFTER.test(String.fromCharCode(c))) PROSE_AFTER[c] = 1;
for (const ch of '.、．') PROSE_AFTER[ch.charCodeAt(0)] = 1;

/** isNumberText(text.slice(s, e)), without the slice for a run of ASCII digits (nearly every cell). */
function isNumberAt(text: string, u: Uint16Array, s: number, e: number): boolean {
  return allDigits(u, s, e) || isNumberText(text.slice(s, e));
}

function pushChunks(text: string, u: Uint16Array, s: number, e: number, line: number, col: number, out: Tok[], wholeCell: boolean): void {
  // split [s,e) on white space
  let cs = chunkStart, ce = chunkEnd, n = 0;
  let i = s;
  while (i < e) {
    while (i < e && isSpace(u[i])) i++;
    if (i >= e) break;
    const a = i;
    while (i < e && !isSpace(u[i])) i++;
    if (n === cs.length) {
      const cs2 = new Int32Array(n * 2), ce2 = new Int32Array(n * 2);
      cs2.set(cs); ce2.set(ce); cs = cs2; ce = ce2;
      if (n * 2 <= SCRATCH_KEEP) { chunkStart = cs; chunkEnd = ce; }
    }
    cs[n] = a; ce[n++] = i;
  }
  // page footers run into the text ("… 769 - 4 - 法提供 …"): a lone dash, one to three digits, a lone dash
  for (let k = 0; k + 2 < n; k++) {
    if (isDashChunk(u, cs[k], ce[k]) && isDashChunk(u, cs[k + 2], ce[k + 2]) && ce[k + 1] - cs[k + 1] <= 3 && allDigits(u, cs[k + 1], ce[k + 1])) {
      cs.copyWithin(k, k + 3, n); ce.copyWithin(k, k + 3, n); n -= 3; k--;
    }
  }
  if (!n) return;
  let kind = chunkKind;
  if (kind.length < n) { kind = new Uint8Array(cs.length); if (kind.length <= SCRATCH_KEEP) chunkKind = kind; }
  for (let k = 0; k < n; k++) {
    kind[k] = TEXT;
    // only chunks that start like a number or a dash/slash can be values
    if (!VALUE_FIRST[u[cs[k]]]) continue;
    if (isNumberAt(text, u, cs[k], ce[k])) {
      if (k + 1 < n && PROSE_AFTER[u[cs[k + 1]]]) continue;
      kind[k] = VALUE;
    } else if (ce[k] - cs[k] <= 2 && isNaText(text.slice(cs[k], ce[k])) && (wholeCell || n === 1 || k > 0)) kind[k] = VALUE;
  }
  // a cell that mixes text and values is read as text unless the values trail the text (label 1 2 3)
  for (let k = 0; k < n; k++) {
    if (kind[k] === VALUE) {
      out.push({ kind: 'value', start: cs[k], end: ce[k], line, col });
    } else {
      const last = out[out.length - 1];
      if (last && last.kind === 'text' && last.line === line && last.col === col && k > 0 && kind[k - 1] === TEXT) last.end = ce[k];
      else out.push({ kind: 'text', start: cs[k], end: ce[k], line, col });
    }
  }
}

/** A cell's lines (start, end, flags) in the pipe layout: reused between cells (kept up to SCRATCH_KEEP entries). */
let segs = new Int32Array(48);

const isAsciiBlank = (c: number) => c === 10 || c === 32 || c === 13 || c === 9;

/** The tokens of the pipe cell text[cs, ce), which starts on line `line`. */
function pipeCell(text: string, u: Uint16Array, starts: Int32Array, count: number, cs: number, ce: number, line: number, toks: Tok[]): void {
  // the usual cell first: ASCII digits alone between blanks (\n0\n), one value. Its line is that of the start of
  // the digits' segment (after the last \n before them), as below
  let d = cs, a = cs;
  while (d < ce && isAsciiBlank(u[d])) if (u[d++] === 10) a = d;
  const ds = d;
  while (d < ce && u[d] >= 48 && u[d] <= 57) d++;
  if (d > ds) {
    const de = d;
    while (d < ce && isAsciiBlank(u[d])) d++;
    if (d === ce) {
      while (line + 1 < count && starts[line + 1] <= a) line++;
      toks.push({ kind: 'value', start: ds, end: de, line, col: -1 });
      return;
    }
  }
  // one pass over the cell: its lines, and which of them are blank or may be a page footer
  let sg = segs, nseg = 0, blankCell = true, segBlank = true, segMark = false;
  for (let i = cs, a = cs; ; i++) {
    if (i === ce || u[i] === 10) {
      if (3 * nseg + 3 > sg.length) {
        const g = new Int32Array(sg.length * 2);
        g.set(sg);
        sg = g;
        if (g.length <= SCRATCH_KEEP) segs = g;
      }
      sg[3 * nseg] = a; sg[3 * nseg + 1] = i; sg[3 * nseg + 2] = (segBlank ? 1 : 0) | (segMark ? 2 : 0);
      nseg++;
      if (i === ce) break;
      a = i + 1; segBlank = true; segMark = false;
      continue;
    }
    const c = u[i];
    if (segBlank && !isWhite(c)) { segBlank = false; blankCell = false; }
    if (FOOTER_MARK[c]) segMark = true;
  }
  if (blankCell) { toks.push({ kind: 'empty', start: cs, end: cs, line, col: -1 }); return; }
  const before = toks.length;
  if (nseg === 1) pushChunks(text, u, cs, ce, line, -1, toks, true);
  else {
    // the cell's lines, footer lines dropped; a blank line adds no token but counts: a cell of several lines is
    // not one whole value
    let kept = 0;
    for (let k = 0; k < nseg; k++) {
      if (sg[3 * k + 2] & 2 && FOOTER_RE.test(text.slice(sg[3 * k], sg[3 * k + 1]))) sg[3 * k + 2] |= 4;
      else kept++;
    }
    let segLine = line;
    for (let k = 0; k < nseg; k++) {
      if (sg[3 * k + 2] & 5) continue; // blank, or a footer
      const a = sg[3 * k];
      while (segLine + 1 < count && starts[segLine + 1] <= a) segLine++;
      pushChunks(text, u, a, sg[3 * k + 1], segLine, -1, toks, kept === 1);
    }
  }
  // a cell is one unit: several text pieces of one cell are merged
  if (toks.length - before > 1) {
    let allText = true;
    for (let k = before; k < toks.length && allText; k++) allText = toks[k].kind === 'text';
    if (allText) {
      const a = toks[before], z = toks[toks.length - 1];
      toks.length = before;
      toks.push({ kind: 'text', start: a.start, end: z.end, line: a.line, col: -1 });
    }
  }
}

/** A Markdown table rule (|---|:--:|), white space aside. */
function isRule(u: Uint16Array, s: number, e: number): boolean {
  let dashes = 0;
  for (let i = s; i < e; i++) {
    const c = u[i];
    if (c === 45) dashes++;
    else if (c !== 124 && c !== 0xff5c && c !== 58 /* : */ && !isWhite(c)) return false;
  }
  return dashes >= 3;
}
/** Something other than pipes and white space on the line. */
function hasContent(u: Uint16Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (u[i] !== 124 && u[i] !== 0xff5c && !isWhite(u[i])) return true;
  return false;
}

/**
 * Rows one per line between pipes: each line's cells in order (col = the cell's place on its line), a blank cell an
 * empty token, the blank before the first pipe and after the last one not a cell; rules (|---|) skipped; lines
 * without pipes (a label that spilled out of its table, a caption) read as text.
 */
function pipeRows(text: string, idx: LineIndex, u: Uint16Array, start: number, end: number, first: number, last: number): Tokenized {
  const toks: Tok[] = [];
  for (let n = first; n <= last && n < idx.lineCount; n++) {
    const ls = idx.lineSpan(n);
    const s = Math.max(ls.start, start), e = Math.min(ls.end, end);
    if (e <= s) continue;
    if (toks.length > MAX_TOKENS) return { toks, layout: 'pipe', truncatedAt: s, pipeRows: true };
    if (isFooter(text, u, s, e)) continue;
    let pipes = 0;
    for (let i = s; i < e; i++) if (u[i] === 124 || u[i] === 0xff5c) pipes++;
    if (!pipes) { pushChunks(text, u, s, e, n, -1, toks, false); continue; }
    if (isRule(u, s, e)) continue;
    let cs = s, col = 0, seen = 0;
    for (let i = s; i <= e; i++) {
      if (i < e && u[i] !== 124 && u[i] !== 0xff5c) continue;
      const edge = seen === 0 || i === e; // before the first pipe, after the last one
      if (isBlank(u, cs, i)) {
        // a blank cell spans its white space between the pipes (a place to put a number)
        if (!edge) toks.push({ kind: 'empty', start: cs, end: i, line: n, col: col++ });
      } else {
        pushChunks(text, u, cs, i, n, col++, toks, true);
      }
      if (i < e) seen++;
      cs = i + 1;
    }
  }
  return { toks, layout: 'pipe', pipeRows: true };
}

/** Tokenise text[start, end). */
export function tokenize(text: string, idx: LineIndex, start: number, end: number, u: Uint16Array = unitsOf(text)): Tokenized {
  const toks: Tok[] = [];
  const first = idx.positionAt(start).line;
  const last = idx.positionAt(end).line;
  let pipeLines = 0, tabLines = 0, otherLines = 0, rowLines = 0;
  // one pass over each line (most are a cell or a bar): a page footer, a bar, a tab, anything but white space
  const starts = idx.starts, count = idx.lineCount;
  for (let n = first; n <= last && n < count; n++) {
    let e = n + 1 < count ? starts[n + 1] : u.length;
    while (e > starts[n] && (u[e - 1] === 10 || u[e - 1] === 13)) e--;
    const s = Math.max(starts[n], start);
    if (e > end) e = end;
    if (e <= s) continue;
    let pipes = 0, tabs = false, mark = false, blank = true;
    for (let i = s; i < e; i++) {
      const c = u[i];
      if (c === 124 || c === 0xff5c) pipes++;
      else if (c === 9) tabs = true;
      else if (blank && !isWhite(c)) blank = false;
      if (FOOTER_MARK[c]) mark = true;
    }
    if (mark && FOOTER_RE.test(text.slice(s, e))) continue;
    if (pipes) {
      // a Markdown rule (|---|) is no row; a row: two pipes or more with a cell of text or a value between them
      if (pipes >= 2 && isRule(u, s, e)) continue;
      pipeLines++;
      if (pipes >= 2 && hasContent(u, s, e)) rowLines++;
    } else if (tabs) tabLines++;
    else if (!blank) otherLines++;
  }
  // rows written one per line between pipes (Markdown, a crawler's flattened HTML): read line by line
  if (rowLines >= 2 && rowLines >= 0.6 * pipeLines && pipeLines >= tabLines) return pipeRows(text, idx, u, start, end, first, last);
  const pipe = pipeLines >= 5 && pipeLines >= tabLines;
  if (pipe) {
    // cells are what lies between pipes, across lines
    const starts = idx.starts, count = idx.lineCount;
    let cs = start, line = idx.positionAt(start).line;
    for (let i = start; i <= end; i++) {
      if (i < end) { const c = u[i]; if (c !== 124 && c !== 0xff5c) continue; }
      while (line + 1 < count && starts[line + 1] <= cs) line++;
      pipeCell(text, u, starts, count, cs, i, line, toks);
      cs = i + 1;
      if (i < end && toks.length > MAX_TOKENS) return { toks, layout: 'pipe', truncatedAt: cs };
    }
    return { toks, layout: 'pipe' };
  }
  for (let n = first; n <= last && n < idx.lineCount; n++) {
    const ls = idx.lineSpan(n);
    const s = Math.max(ls.start, start), e = Math.min(ls.end, end);
    if (e <= s) continue;
    if (toks.length > MAX_TOKENS) {
      const layout: Layout = !tabLines ? 'space' : otherLines ? 'mixed' : 'tab';
      return { toks, layout, truncatedAt: s };
    }
    if (isFooter(text, u, s, e)) continue;
    if (hasCodeIn(u, s, e, 9)) {
      let cs = s, col = 0;
      for (let i = s; i <= e; i++) {
        if (i === e || u[i] === 9) {
          if (isBlank(u, cs, i)) toks.push({ kind: 'empty', start: cs, end: cs, line: n, col });
          else pushChunks(text, u, cs, i, n, col, toks, true);
          cs = i + 1; col++;
        }
      }
    } else {
      pushChunks(text, u, s, e, n, -1, toks, false);
    }
  }
  const layout: Layout = !tabLines ? 'space' : otherLines ? 'mixed' : 'tab';
  return { toks, layout };
}
