// punctuation: half-width , ( ) : ; ? ! " in Chinese text (GB/T 15834: Chinese text takes full-width marks), brackets
// and quotes that do not pair up (《》（）“”‘’【】), and marks doubled by extraction (。。 / 。，).
import { proseSpans } from '../prose/regions';
import { lowerBound, proseScan } from '../prose/scan';
import { isAsciiAlnum, isHan, linkSpans } from '../prose/util';
import { codeUnits } from '../text';
import type { Fix, Span, TextEdit } from '../types';
import type { ReportRule, RuleContext } from './rule';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const OPEN: Record<string, string> = { '《': '》', '（': '）', '(': '）', '“': '”', '‘': '’', '【': '】', '〔': '〕' };
const CLOSE: Record<string, string> = { '》': '《', '）': '（', ')': '（', '”': '“', '’': '‘', '】': '【', '〕': '〔' };
/** What each code unit is to the checks, as bits of one table (one lookup per mark). */
const SENTENCE = 1, SECOND = 2, HALF = 4, FULLW = 8, OPENS = 16, CLOSES = 32;
const MARKS = new Uint8Array(65536);
function mark(chars: string, bit: number): void {
  for (const ch of chars) MARKS[ch.charCodeAt(0)] |= bit;
}
/** Sentence marks, and those of them that are extra right after one (the doubled check). */
mark('，。、；：！？,;:', SENTENCE);
mark('，。、；：,;', SECOND);
/** Half-width marks the half-width check looks at. */
mark(',;:?!()"', HALF);
/** Full-width marks, counted: more half-width than full-width marks is a text written in half width throughout. */
mark('，；：（）？！“”', FULLW);
/** Brackets and quotes the balance check looks at. */
mark(Object.keys(OPEN).join(''), OPENS);
mark(Object.keys(CLOSE).join(''), CLOSES);
/** The opening mark each closing one wants (code units). */
const OPEN_OF = new Uint16Array(65536);
for (const [close, open] of Object.entries(CLOSE)) OPEN_OF[close.charCodeAt(0)] = open.charCodeAt(0);
/** Locations listed in the related information of the one "half-width throughout" finding. */
const MAX_RELATED = 50;

function isChineseSide(c: number): boolean {
  // a Han character, full-width punctuation or a CJK bracket/quote
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

export const punctuation: ReportRule = {
  id: 'punctuation',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '标点符号', en: 'Punctuation' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '括号、引号不成对，标点重复；中文中的半角“,”“(”“)”“:”“;”为信息（通篇半角时合为一条，一次修复）',
    en: 'unbalanced brackets and quotes, doubled marks; half-width `,` `(` `)` `:` `;` in Chinese text as information (one finding and one fix when the whole text is half-width)',
  },
  check(ctx) {
    const { model, text } = ctx;
    const spans = proseSpans(model);
    // links and e-mail addresses keep their ASCII marks
    const urls = linkSpans(text);
    let u0 = 0;
    const inUrl = (i: number) => { while (u0 < urls.length && urls[u0].end <= i) u0++; return u0 < urls.length && urls[u0].start <= i; };
    const half = HalfMarks.reused();
    const extra = new Set<number>();
    const pos = proseScan(model).punct, u = codeUnits(text);
    const state: PassState = { parens: [], stack: [], quote: -1, last: -1, full: 0 };
    for (const sp of spans) {
      u0 = 0;
      spanPass(ctx, u, pos, lowerBound(pos, sp.start), lowerBound(pos, sp.end), inUrl, half, extra, state);
    }
    reportHalf(ctx, half, extra, state.full);
  },
};

/** Half-width marks to convert, in parallel arrays (a long text can hold tens of thousands): offset and full-width code. */
class HalfMarks {
  at = new Int32Array(64);
  code = new Uint16Array(64);
  n = 0;
  private static scratch = new HalfMarks();
  /** The one instance, emptied (the engine is synchronous; a typed array per check is an allocation off the heap). */
  static reused(): HalfMarks {
    const h = HalfMarks.scratch.at.length > 1 << 16 ? (HalfMarks.scratch = new HalfMarks()) : HalfMarks.scratch;
    h.n = 0;
    return h;
  }
  push(at: number, code: number): void {
    if (this.n === this.at.length) {
      const a = new Int32Array(this.n * 2), c = new Uint16Array(this.n * 2);
      a.set(this.at); c.set(this.code);
      this.at = a; this.code = c;
    }
    this.at[this.n] = at; this.code[this.n++] = code;
  }
}

/** What a pass carries from mark to mark (one object for every span: no closures or records per mark). */
interface PassState {
  /** Open half-width "(" of the line. */
  parens: number[];
  /** Open brackets and quotes of the paragraph (offsets). */
  stack: number[];
  /** The open straight quote of the line, -1: none. */
  quote: number;
  /** The last sentence mark, -1 after anything else. */
  last: number;
  /** Full-width marks counted. */
  full: number;
}

/** Nearest character before/after i on the same line that is not a space. */
function prevCode(u: Uint16Array, i: number): number {
  for (let k = i - 1; k >= 0 && i - k < 4; k--) { const c = u[k]; if (c === 10 || c === 13) return 0; if (c !== 32 && c !== 9) return c; }
  return 0;
}
function nextCode(u: Uint16Array, i: number): number {
  for (let k = i + 1; k < u.length && k - i < 4; k++) { const c = u[k]; if (c === 10 || c === 13) return 0; if (c !== 32 && c !== 9) return c; }
  return 0;
}

function hanBetween(u: Uint16Array, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (isHan(u[k])) return true;
  return false;
}

function reportOpen(ctx: RuleContext, at: number): void {
  const ch = ctx.text[at];
  ctx.report({
    start: at, end: at + 1,
    message: ctx.t(`“${ch}”没有与之配对的“${OPEN[ch]}”`, `"${ch}" has no matching "${OPEN[ch]}"`),
  });
}

/** The paragraph is over: its open brackets are unclosed. */
function unclosed(ctx: RuleContext, st: PassState): void {
  for (const at of st.stack) reportOpen(ctx, at);
  if (st.stack.length) st.stack.length = 0;
}

/** The line is over: an unpaired "(" in Chinese text is half width; a straight quote is not carried over. */
function flushLine(u: Uint16Array, st: PassState, half: HalfMarks): void {
  for (const o of st.parens) if (isChineseSide(prevCode(u, o)) || isChineseSide(nextCode(u, o))) half.push(o, FULL_PAREN_OPEN);
  if (st.parens.length) st.parens.length = 0;
  st.quote = -1;
}

/**
 * One pass over the marks of a prose span (positions pos[a, b)), for the three checks at once: a mark doubled by
 * extraction (reported; its position goes to `extra`), half-width marks in Chinese text (collected in `half`), and
 * brackets and quotes that do not pair up within a paragraph (reported). Counts full-width marks in st.full.
 */
function spanPass(ctx: RuleContext, u: Uint16Array, pos: ArrayLike<number>, a: number, b: number, inUrl: (i: number) => boolean, half: HalfMarks, extra: Set<number>, st: PassState): void {
  const { text, t, report } = ctx;
  st.last = -1;
  st.quote = -1;
  for (let k = a; k < b; k++) {
    const i = pos[k];
    const c = u[i];
    if (c === 10) {
      flushLine(u, st, half);
      // a paragraph ends at a blank line or after a line that ends a sentence
      const p = prevCode(u, i), n = u[i + 1];
      if (n === 10 || n === 13 || p === 0x3002 || p === 0xff1b || p === 0xff01 || p === 0xff1f) unclosed(ctx, st);
      continue;
    }
    const m = MARKS[c];
    if (m & FULLW) st.full++;
    // a sentence mark right after another one (。。 / 。，), often left by extraction: the second is removed
    if (m & SENTENCE) {
      const last = st.last;
      if (last >= 0 && (m & SECOND) && onlySpace(u, last + 1, i) && !(c === 44 && isAsciiAlnum(u[last - 1]))) {
        const ch = text[i];
        extra.add(i);
        report({
          start: i, end: i + 1,
          message: t(`多余的标点“${ch}”（紧跟在“${text[last]}”之后）`, `Extra "${ch}" right after "${text[last]}"`),
          fixes: [{ title: t(`删除“${ch}”`, `Remove "${ch}"`), edits: [{ start: i, end: i + 1, newText: '' }], preferred: true }],
        });
      }
      st.last = i;
    } else st.last = -1;
    if (m & HALF) halfMark(u, i, c, inUrl, half, st);
    if (m & OPENS) { st.stack.push(i); continue; }
    if (m & CLOSES) {
      const at = findOpen(u, st.stack, OPEN_OF[c]);
      if (at < 0) {
        if (c === 41) continue; // half-width ")" after a list number "1)" is common; only the full-width one is checked alone
        const ch = text[i], want = CLOSE[ch];
        report({
          start: i, end: i + 1,
          message: t(`“${ch}”没有与之配对的“${want}”`, `"${ch}" has no matching "${want}"`),
        });
        continue;
      }
      for (let j = at + 1; j < st.stack.length; j++) reportOpen(ctx, st.stack[j]);
      st.stack.length = at;
    }
  }
  flushLine(u, st, half);
  unclosed(ctx, st);
}

/** Full-width forms of the half-width marks. */
const FULL_PAREN_OPEN = 0xff08, FULL_PAREN_CLOSE = 0xff09, QUOTE_OPEN = 0x201c, QUOTE_CLOSE = 0x201d;
const FULL_OF = new Map<number, number>(Object.entries(FULL).map(([h, f]) => [h.charCodeAt(0), f.charCodeAt(0)]));

/**
 * Sorts numbers that are nearly in order already (marks are collected in text order; only an opening parenthesis
 * is collected late, at its closing one or at the line's end): insertion sort, linear when little is out of place,
 * and the built-in sort once the moves exceed a few per element.
 */
function sortNearly(a: Float64Array): Float64Array {
  let moves = 0;
  const limit = 4 * a.length + 1024;
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) { a[j + 1] = a[j]; j--; }
    a[j + 1] = x;
    moves += i - 1 - j;
    if (moves > limit) return a.sort();
  }
  return a;
}

/** The full-width mark as a string: one string for each kind of mark, not one for every mark converted. */
const FULL_TEXT = new Map<number, string>();
function fullText(code: number): string {
  let s = FULL_TEXT.get(code);
  if (s === undefined) FULL_TEXT.set(code, (s = String.fromCharCode(code)));
  return s;
}

/** A half-width , ; : ? ! ( ) " at i: collected in `half` when it stands in Chinese text. */
function halfMark(u: Uint16Array, i: number, c: number, inUrl: (i: number) => boolean, half: HalfMarks, st: PassState): void {
  if (c === 44 || c === 59 || c === 58 || c === 63 || c === 33) { // , ; : ? !
    if (inUrl(i)) return;
    const p = prevCode(u, i), n = nextCode(u, i);
    if ((c === 44 || c === 58) && p >= 48 && p <= 57 && n >= 48 && n <= 57) return; // 1,000 / 12:30
    if (isChineseSide(p) || (isChineseSide(n) && !isAsciiAlnum(p))) half.push(i, FULL_OF.get(c)!);
  } else if (c === 40) { // (
    st.parens.push(i);
  } else if (c === 41) { // )
    const o = st.parens.pop();
    if (o === undefined) {
      if (isChineseSide(prevCode(u, i)) || isChineseSide(nextCode(u, i))) half.push(i, FULL_PAREN_CLOSE);
    } else if (!inUrl(o) && (hanBetween(u, o, i) || isChineseSide(prevCode(u, o)) || isChineseSide(nextCode(u, i)))) {
      // converted in pairs so that the fix keeps them paired
      half.push(o, FULL_PAREN_OPEN);
      half.push(i, FULL_PAREN_CLOSE);
    }
  } else if (c === 34) { // "
    if (st.quote < 0) { st.quote = i; return; }
    if (hanBetween(u, st.quote, i)) { half.push(st.quote, QUOTE_OPEN); half.push(i, QUOTE_CLOSE); }
    st.quote = -1;
  }
}

function reportHalf(ctx: RuleContext, marks: HalfMarks, extra: ReadonlySet<number>, fullCount: number): void {
  // in order, without the marks the doubled check removes: the fix of all, one edit per mark
  // sorted as numbers (offset * 65536 + code, exact in a double): no comparator calls for tens of thousands of marks
  const keys = new Float64Array(marks.n);
  let n = 0;
  for (let k = 0; k < marks.n; k++) if (!extra.has(marks.at[k])) keys[n++] = marks.at[k] * 65536 + marks.code[k];
  if (!n) return;
  const { text, t, report } = ctx;
  const sorted = sortNearly(keys.subarray(0, n));
  const all: TextEdit[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(sorted[k] / 65536);
    all[k] = { start: at, end: at + 1, newText: fullText(sorted[k] - at * 65536) };
  }
  const fixAll: Fix = { title: t(`将全文 ${all.length} 处半角标点改为全角`, `Change all ${all.length} half-width marks to full width`), edits: all };
  if (all.length > fullCount && all.length > 3) {
    // the whole text is written with half-width marks (often a conversion's doing): one finding, one fix for all
    const first = all[0], ch = text[first.start];
    report({
      start: first.start, end: first.end,
      severity: 'information',
      message: t(`中文语句通篇使用半角标点（共 ${all.length} 处，如“${ch}”），应使用全角标点`, `Chinese text written with half-width punctuation throughout (${all.length} marks, e.g. "${ch}"); use full-width marks`),
      related: all.slice(1, 1 + MAX_RELATED).map((x) => ({ start: x.start, end: x.end, message: t(`半角“${text[x.start]}”`, `half-width "${text[x.start]}"`) })),
      fixes: [{ ...fixAll, preferred: true }],
    });
    return;
  }
  // mixed: each half-width mark among full-width ones (built only when listed: a long text can hold thousands)
  all.forEach((edit, k) => {
    report(() => {
      const ch = text[edit.start];
      return {
        start: edit.start, end: edit.end,
        severity: 'information',
        message: t(`中文语句中使用了半角标点“${ch}”，应为全角“${edit.newText}”`, `Half-width "${ch}" in Chinese text; use the full-width "${edit.newText}"`),
        fixes: [
          { title: t(`改为“${edit.newText}”`, `Change to "${edit.newText}"`), edits: [edit], preferred: true },
          ...(all.length > 1 && k === 0 ? [fixAll] : []),
        ],
      };
    });
  });
}

function findOpen(u: Uint16Array, stack: number[], want: number): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const c = u[stack[k]];
    if (c === want || (want === 0xff08 /* （ */ && c === 40 /* ( */)) return k;
  }
  return -1;
}

function onlySpace(u: Uint16Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = u[i];
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000)) return false;
  }
  return true;
}
