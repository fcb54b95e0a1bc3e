// Tokenising a table region into text and value tokens, whatever the layout:
// tab-separated rows (PDF extraction), one cell per line between `|` (flattened HTML), Markdown-like pipes,
// or values separated by spaces (pdftotext). Page footers are skipped.
import { isNaText, isNumberText, cellValue } from '../numbers';
import { isDigit, isSpace, LineIndex } from '../text';
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
  // page footers run into the text ("… 769 - 4 - 法提供 …")
  for (let k = 0; k + 2 < chunks.length; k++) {
    const a = text.slice(chunks[k].start, chunks[k].end), b = text.slice(chunks[k + 1].start, chunks[k + 1].end), c = text.slice(chunks[k + 2].start, chunks[k + 2].end);
    if (/^[-—－–]$/.test(a) && /^\d{1,3}$/.test(b) && /^[-—－–]$/.test(c)) { chunks.splice(k, 3); k--; }
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
    const line = text.slice(s, e);
    if (FOOTER_RE.test(line)) continue;
    if (line.includes('|')) pipeLines++;
    else if (line.includes('\t')) tabLines++;
    else if (line.trim()) otherLines++;
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
    const flush = (ce: number) => {
      const t = text.slice(cs, ce);
      const line = lineOf(cs);
      if (!t.trim()) toks.push({ kind: 'empty', start: cs, end: cs, line, col: -1 });
      else {
        // drop footer lines inside the cell
        let a = cs;
        const parts: { s: number; e: number }[] = [];
        if (!t.includes('\n')) parts.push({ s: cs, e: ce });
        else for (const seg of t.split('\n')) {
          const segEnd = a + seg.length;
          if (!FOOTER_RE.test(seg)) parts.push({ s: a, e: segEnd });
          a = segEnd + 1;
        }
        const before = toks.length;
        for (const p of parts) pushChunks(text, p.s, p.e, p.s === cs ? line : idx.positionAt(p.s).line, -1, toks, parts.length === 1);
        // a cell is one unit: several text pieces of one cell are merged
        const added = toks.slice(before);
        if (added.length > 1 && added.every((x) => x.kind === 'text')) {
          toks.length = before;
          toks.push({ kind: 'text', start: added[0].start, end: added[added.length - 1].end, line: added[0].line, col: -1 });
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
    const lineText = text.slice(s, e);
    if (FOOTER_RE.test(lineText)) continue;
    if (lineText.includes('\t')) {
      let cs = s, col = 0;
      for (let i = s; i <= e; i++) {
        if (i === e || text.charCodeAt(i) === 9) {
          if (!text.slice(cs, i).trim()) toks.push({ kind: 'empty', start: cs, end: cs, line: n, col });
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
