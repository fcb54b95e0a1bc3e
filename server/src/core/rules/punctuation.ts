// punctuation: half-width , ( ) : ; ? ! " in Chinese text (GB/T 15834: Chinese text takes full-width marks), brackets
// and quotes that do not pair up (《》（）“”‘’【】), and marks doubled by extraction (。。 / 。，).
import { proseSpans } from '../prose/regions';
import { proseScan } from '../prose/scan';
import { isAsciiAlnum, isHan } from '../prose/util';
import { codeUnits } from '../text';
import type { Fix, Span, TextEdit } from '../types';
import type { Rule, RuleContext } from './rule';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const OPEN: Record<string, string> = { '《': '》', '（': '）', '(': '）', '“': '”', '‘': '’', '【': '】', '〔': '〕' };
const CLOSE: Record<string, string> = { '》': '《', '）': '（', ')': '（', '”': '“', '’': '‘', '】': '【', '〕': '〔' };
function codeSet(chars: string): Uint8Array {
  const a = new Uint8Array(65536);
  for (const ch of chars) a[ch.charCodeAt(0)] = 1;
  return a;
}
/** Sentence marks, and those of them that are extra right after one (the doubled check). */
const SENTENCE_CODES = codeSet('，。、；：！？,;:');
const SECOND_CODES = codeSet('，。、；：,;');
/** Half-width marks the half-width check looks at. */
const HALF_CODES = codeSet(',;:?!()"');
/** Full-width marks, counted: more half-width than full-width marks is a text written in half width throughout. */
const FULL_CODES = codeSet('，；：（）？！“”');
/** Characters the bracket check looks at. */
const BRACKET_CODES = codeSet('《》（）“”‘’【】〔〕()');
const URL_RE = /(?:https?:\/\/|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Locations listed in the related information of the one "half-width throughout" finding. */
const MAX_RELATED = 50;

function isChineseSide(c: number): boolean {
  // a Han character, full-width punctuation or a CJK bracket/quote
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

export const punctuation: Rule = {
  id: 'punctuation',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '标点符号', en: 'Punctuation' },
  check(ctx) {
    const { model, text } = ctx;
    const spans = proseSpans(model);
    const urls: Span[] = [];
    if (text.includes('@') || text.includes('http') || text.includes('www.')) {
      URL_RE.lastIndex = 0;
      for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) urls.push({ start: m.index, end: m.index + m[0].length });
    }
    let u0 = 0;
    const inUrl = (i: number) => { while (u0 < urls.length && urls[u0].end <= i) u0++; return u0 < urls.length && urls[u0].start <= i; };
    const half: Half[] = [];
    const extra = new Set<number>();
    const pos = proseScan(model).punct, u = codeUnits(text);
    let full = 0;
    let a = 0;
    for (const sp of spans) {
      u0 = 0;
      while (a < pos.length && pos[a] < sp.start) a++;
      let b = a;
      while (b < pos.length && pos[b] < sp.end) b++;
      full += spanPass(ctx, u, pos, a, b, inUrl, half, extra);
      a = b;
    }
    reportHalf(ctx, half.filter((h) => !extra.has(h.start)), full);
  },
};

interface Half { start: number; newText: string; ch: string }

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

/**
 * One pass over the marks of a prose span (positions pos[a, b)), for the three checks at once: a mark doubled by
 * extraction (reported; its position goes to `extra`), half-width marks in Chinese text (collected in `half`), and
 * brackets and quotes that do not pair up within a paragraph (reported). Returns the number of full-width marks.
 */
function spanPass(ctx: RuleContext, u: Uint16Array, pos: ArrayLike<number>, a: number, b: number, inUrl: (i: number) => boolean, half: Half[], extra: Set<number>): number {
  const { text, t, report } = ctx;
  let full = 0;
  // doubled: the last sentence mark, -1 after anything else
  let last = -1;
  // half width: parentheses and straight quotes are converted in pairs so that the fix keeps them paired
  const parens: number[] = [];
  let quote = -1;
  // balance: open brackets of the paragraph
  const stack: { ch: string; at: number }[] = [];
  const reportOpen = (o: { ch: string; at: number }) => report({
    start: o.at, end: o.at + 1,
    message: t(`“${o.ch}”没有与之配对的“${OPEN[o.ch]}”`, `"${o.ch}" has no matching "${OPEN[o.ch]}"`),
  });
  const unclosed = () => {
    for (const o of stack) reportOpen(o);
    if (stack.length) stack.length = 0;
  };
  const flushLine = () => {
    // an unpaired "(" in Chinese text
    for (const o of parens) if (isChineseSide(prevCode(u, o)) || isChineseSide(nextCode(u, o))) half.push({ start: o, newText: '（', ch: '(' });
    if (parens.length) parens.length = 0;
    quote = -1;
  };
  for (let k = a; k < b; k++) {
    const i = pos[k];
    const c = u[i];
    if (c === 10) {
      flushLine();
      // a paragraph ends at a blank line or after a line that ends a sentence
      const p = prevCode(u, i), n = u[i + 1];
      if (n === 10 || n === 13 || p === 0x3002 || p === 0xff1b || p === 0xff01 || p === 0xff1f) unclosed();
      continue;
    }
    full += FULL_CODES[c];
    // a sentence mark right after another one (。。 / 。，), often left by extraction: the second is removed
    if (SENTENCE_CODES[c]) {
      if (last >= 0 && SECOND_CODES[c] && onlySpace(u, last + 1, i) && !(c === 44 && isAsciiAlnum(u[last - 1]))) {
        const ch = text[i];
        extra.add(i);
        report({
          start: i, end: i + 1,
          message: t(`多余的标点“${ch}”（紧跟在“${text[last]}”之后）`, `Extra "${ch}" right after "${text[last]}"`),
          fixes: [{ title: t(`删除“${ch}”`, `Remove "${ch}"`), edits: [{ start: i, end: i + 1, newText: '' }], preferred: true }],
        });
      }
      last = i;
    } else last = -1;
    if (HALF_CODES[c]) quote = halfMark(u, i, c, text[i], inUrl, half, parens, quote);
    if (BRACKET_CODES[c]) {
      const ch = text[i];
      if (OPEN[ch]) { stack.push({ ch, at: i }); continue; }
      const want = CLOSE[ch];
      if (!want) continue;
      const at = findOpen(stack, want);
      if (at < 0) {
        if (ch === ')') continue; // half-width ")" after a list number "1)" is common; only the full-width one is checked alone
        report({
          start: i, end: i + 1,
          message: t(`“${ch}”没有与之配对的“${want}”`, `"${ch}" has no matching "${want}"`),
        });
        continue;
      }
      const inner = stack.splice(at);
      inner.shift();
      for (const o of inner) reportOpen(o);
    }
  }
  flushLine();
  unclosed();
  return full;
}

/**
 * A half-width , ; : ? ! ( ) " at i: collected in `half` when it stands in Chinese text. `quote`: the open straight
 * quote of the line (-1: none); returns it as it is after i.
 */
function halfMark(u: Uint16Array, i: number, c: number, ch: string, inUrl: (i: number) => boolean, half: Half[], parens: number[], quote: number): number {
  if (c === 44 || c === 59 || c === 58 || c === 63 || c === 33) { // , ; : ? !
    if (inUrl(i)) return quote;
    const p = prevCode(u, i), n = nextCode(u, i);
    if ((c === 44 || c === 58) && p >= 48 && p <= 57 && n >= 48 && n <= 57) return quote; // 1,000 / 12:30
    if (isChineseSide(p) || (isChineseSide(n) && !isAsciiAlnum(p))) half.push({ start: i, newText: FULL[ch], ch });
  } else if (c === 40) { // (
    parens.push(i);
  } else if (c === 41) { // )
    const o = parens.pop();
    if (o === undefined) {
      if (isChineseSide(prevCode(u, i)) || isChineseSide(nextCode(u, i))) half.push({ start: i, newText: '）', ch });
    } else if (!inUrl(o) && (hanBetween(u, o, i) || isChineseSide(prevCode(u, o)) || isChineseSide(nextCode(u, i)))) {
      half.push({ start: o, newText: '（', ch: '(' });
      half.push({ start: i, newText: '）', ch });
    }
  } else if (c === 34) { // "
    if (quote < 0) return i;
    if (hanBetween(u, quote, i)) { half.push({ start: quote, newText: '“', ch }); half.push({ start: i, newText: '”', ch }); }
    return -1;
  }
  return quote;
}

function reportHalf(ctx: RuleContext, half: Half[], fullCount: number): void {
  if (!half.length) return;
  const { t, report } = ctx;
  half.sort((a, b) => a.start - b.start);
  const all: TextEdit[] = half.map((h) => ({ start: h.start, end: h.start + 1, newText: h.newText }));
  const fixAll: Fix = { title: t(`将全文 ${all.length} 处半角标点改为全角`, `Change all ${all.length} half-width marks to full width`), edits: all };
  if (half.length > fullCount && half.length > 3) {
    // the whole text is written with half-width marks (often a conversion's doing): one finding, one fix for all
    const h = half[0];
    report({
      start: h.start, end: h.start + 1,
      severity: 'information',
      message: t(`中文语句通篇使用半角标点（共 ${half.length} 处，如“${h.ch}”），应使用全角标点`, `Chinese text written with half-width punctuation throughout (${half.length} marks, e.g. "${h.ch}"); use full-width marks`),
      related: half.slice(1, 1 + MAX_RELATED).map((x) => ({ start: x.start, end: x.start + 1, message: t(`半角“${x.ch}”`, `half-width "${x.ch}"`) })),
      fixes: [{ ...fixAll, preferred: true }],
    });
    return;
  }
  // mixed: each half-width mark among full-width ones
  half.forEach((h, k) => {
    report({
      start: h.start, end: h.start + 1,
      severity: 'information',
      message: t(`中文语句中使用了半角标点“${h.ch}”，应为全角“${h.newText}”`, `Half-width "${h.ch}" in Chinese text; use the full-width "${h.newText}"`),
      fixes: [
        { title: t(`改为“${h.newText}”`, `Change to "${h.newText}"`), edits: [all[k]], preferred: true },
        ...(all.length > 1 && k === 0 ? [fixAll] : []),
      ],
    });
  });
}

function findOpen(stack: { ch: string }[], want: string): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const c = stack[k].ch;
    if (c === want || (want === '（' && c === '(')) return k;
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
