// Tokenising a table region into text and value tokens, whatever the layout:
// tab-separated rows (PDF extraction), one cell per line between `|` (flattened HTML), Markdown-like pipes,
// or values separated by spaces (pdftotext). Page footers are skipped.
import { isNaText, isNumberText, cellValue } from '../numbers';
import { hasCode, isDigit, isSpace, isWhite, LineIndex } from '../text';
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
}

const DASHES = '-—－–';
function isDashChunk(text: string, c: { start: number; end: number }): boolean {
  return c.end - c.start === 1 && DASHES.includes(text[c.start]);
}
function allDigits(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return s < e;
}
/** Characters every page footer FOOTER_RE matches holds one of (- 4 -, 第 4 页, 4 / 12): others need no test. */
const FOOTER_MARK = new Uint8Array(65536);
for (const ch of DASHES + '页/') FOOTER_MARK[ch.charCodeAt(0)] = 1;
function isFooter(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && !FOOTER_MARK[text.charCodeAt(i)]) i++;
  return i < e && FOOTER_RE.test(text.slice(s, e));
}
/** Nothing but white space (as String.prototype.trim has it). */
function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isWhite(text.charCodeAt(i))) return false;
  return true;
}

function pushChunks(text: string, s: number, e: number, line: number, col: number, out: Tok[], wholeCell: boolean): void {
  // split [s,e) on white space; classify; merge neighbouring text chunks
  const chunks: { start: number; end: number }[] = [];
  let i = s;
  while (i < e) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (i >= e) break;
    const cs = i;
    while (i < e && !isSpace(text.charCodeAt(i))) i++;
    chunks.push({ start: cs, end: i });
  }
  // page footers run into the text ("… 769 - 4 - 法提供 …"): a lone dash, one to three digits, a lone dash
  for (let k = 0; k + 2 < chunks.length; k++) {
    const b = chunks[k + 1];
    if (isDashChunk(text, chunks[k]) && isDashChunk(text, chunks[k + 2]) && b.end - b.start <= 3 && allDigits(text, b.start, b.end)) { chunks.splice(k, 3); k--; }
  }
  if (!chunks.length) return;
  const kinds = chunks.map((c, k) => {
    const c0 = text.charCodeAt(c.start);
    // only chunks that start like a number or a dash/slash can be values
    if (!(isDigit(c0) || (c0 >= 0xff10 && c0 <= 0xff19) || c0 === 43 || c0 === 45 || c0 === 47 || c0 > 0x2000 && '－—–−／＋─'.includes(text[c.start]))) return 'text';
    const t = text.slice(c.start, c.end);
    if (isNumberText(t)) {
      const next = chunks[k + 1] ? text.slice(chunks[k + 1].start, chunks[k + 1].end) : '';
      if (next && (UNIT_AFTER.test(next) || /^[.、．]/.test(next))) return 'text';
      return 'value';
    }
    if (isNaText(t) && (wholeCell || chunks.length === 1 || k > 0)) return 'value';
    return 'text';
  });
  // a cell that mixes text and values is read as text unless the values trail the text (label 1 2 3)
  for (let k = 0; k < chunks.length; k++) {
    if (kinds[k] === 'value') {
      out.push({ kind: 'value', start: chunks[k].start, end: chunks[k].end, line, col });
    } else {
      const last = out[out.length - 1];
      if (last && last.kind === 'text' && last.line === line && last.col === col && k > 0 && kinds[k - 1] === 'text') last.end = chunks[k].end;
      else out.push({ kind: 'text', start: chunks[k].start, end: chunks[k].end, line, col });
    }
  }
}

/** Tokenise text[start, end). */
export function tokenize(text: string, idx: LineIndex, start: number, end: number): Tokenized {
  const toks: Tok[] = [];
  const first = idx.positionAt(start).line;
  const last = idx.positionAt(end).line;
  let pipeLines = 0, tabLines = 0, otherLines = 0;
  for (let n = first; n <= last && n < idx.lineCount; n++) {
    const ls = idx.lineSpan(n);
    const s = Math.max(ls.start, start), e = Math.min(ls.end, end);
    if (e <= s) continue;
    if (isFooter(text, s, e)) continue;
    let pipes = false, tabs = false;
    for (let i = s; i < e; i++) { const c = text.charCodeAt(i); if (c === 124) { pipes = true; break; } if (c === 9) tabs = true; }
    if (pipes) pipeLines++;
    else if (tabs) tabLines++;
    else if (!isBlank(text, s, e)) otherLines++;
  }
  const pipe = pipeLines >= 5 && pipeLines >= tabLines;
  if (pipe) {
    // cells are what lies between pipes, across lines
    let cs = start;
    let lineNo = idx.positionAt(start).line;
    const lineOf = (offset: number) => {
      while (lineNo + 1 < idx.lineCount && idx.starts[lineNo + 1] <= offset) lineNo++;
      return lineNo;
    };
    const parts: number[] = [];
    const flush = (ce: number) => {
      const line = lineOf(cs);
      if (isBlank(text, cs, ce)) { toks.push({ kind: 'empty', start: cs, end: cs, line, col: -1 }); return; }
      // the cell's lines, footer lines dropped (as pairs of offsets)
      parts.length = 0;
      if (!hasCode(text, cs, ce, 10)) parts.push(cs, ce);
      else for (let a = cs; a <= ce;) {
        let b = a;
        while (b < ce && text.charCodeAt(b) !== 10) b++;
        if (!isFooter(text, a, b)) parts.push(a, b);
        a = b + 1;
      }
      const before = toks.length, whole = parts.length === 2;
      // a blank line adds no token (but counts: a cell of several lines is not one whole value)
      for (let k = 0; k < parts.length; k += 2) {
        if (isBlank(text, parts[k], parts[k + 1])) continue;
        pushChunks(text, parts[k], parts[k + 1], parts[k] === cs ? line : idx.positionAt(parts[k]).line, -1, toks, whole);
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
    };
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 124 || c === 0xff5c) {
        flush(i); cs = i + 1;
        if (toks.length > MAX_TOKENS) return { toks, layout: 'pipe', truncatedAt: cs };
      }
    }
    flush(end);
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
    if (isFooter(text, s, e)) continue;
    if (hasCode(text, s, e, 9)) {
      let cs = s, col = 0;
      for (let i = s; i <= e; i++) {
        if (i === e || text.charCodeAt(i) === 9) {
          if (isBlank(text, cs, i)) toks.push({ kind: 'empty', start: cs, end: cs, line: n, col });
          else pushChunks(text, cs, i, n, col, toks, true);
          cs = i + 1; col++;
        }
      }
    } else {
      pushChunks(text, s, e, n, -1, toks, false);
    }
  }
  const layout: Layout = !tabLines ? 'space' : otherLines ? 'mixed' : 'tab';
  return { toks, layout };
}
