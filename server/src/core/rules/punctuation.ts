// punctuation: half-width , ( ) : ; ? ! " in Chinese text (GB/T 15834: Chinese text takes full-width marks), brackets
// and quotes that do not pair up (《》（）“”‘’【】), and marks doubled by extraction (。。 / 。，).
import { proseSpans } from '../prose/regions';
import { proseScan } from '../prose/scan';
import { isAsciiAlnum, isHan } from '../prose/util';
import type { Fix, Span, TextEdit } from '../types';
import type { Rule, RuleContext } from './rule';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const OPEN: Record<string, string> = { '《': '》', '（': '）', '(': '）', '“': '”', '‘': '’', '【': '】', '〔': '〕' };
const CLOSE: Record<string, string> = { '》': '《', '）': '（', ')': '（', '”': '“', '’': '‘', '】': '【', '〕': '〔' };
const SENTENCE = new Set(Array.from('，。、；：！？,;:'));
/** ASCII characters the half-width pass looks at. */
const HALF_CODES = new Uint8Array(128);
for (const ch of ',;:?!()"\n') HALF_CODES[ch.charCodeAt(0)] = 1;
/** Characters the bracket pass looks at. */
const BRACKET_CODES = new Uint8Array(65536);
for (const ch of '《》（）“”‘’【】〔〕()\n') BRACKET_CODES[ch.charCodeAt(0)] = 1;
const SECOND = new Set(Array.from('，。、；：,;'));
const URL_RE = /(?:https?:\/\/|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Locations listed in the related information of the one "half-width throughout" finding. */
const MAX_RELATED = 50;
const FULL_CODES = new Uint8Array(65536);
for (const ch of '，；：（）？！“”') FULL_CODES[ch.charCodeAt(0)] = 1;

/** ，。、；：！？ , ; : (cheap test before the Set lookups) */
function isMark(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f || c === 44 || c === 59 || c === 58;
}

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
    let u = 0;
    const inUrl = (i: number) => { while (u < urls.length && urls[u].end <= i) u++; return u < urls.length && urls[u].start <= i; };
    const half: { start: number; newText: string; ch: string }[] = [];
    const extra = new Set<number>();
    const pos = proseScan(model).punct;
    let full = 0;
    let a = 0;
    for (const sp of spans) {
      u = 0;
      while (a < pos.length && pos[a] < sp.start) a++;
      let b = a;
      while (b < pos.length && pos[b] < sp.end) b++;
      doubled(ctx, pos, a, b, extra);
      halfWidth(text, pos, a, b, inUrl, half);
      balance(ctx, pos, a, b);
      for (let k = a; k < b; k++) full += FULL_CODES[text.charCodeAt(pos[k])];
      a = b;
    }
    reportHalf(ctx, half.filter((h) => !extra.has(h.start)), full);
  },
};

/** Nearest character before/after i on the same line that is not a space. */
function prevCode(text: string, i: number): number {
  for (let k = i - 1; k >= 0 && i - k < 4; k--) { const c = text.charCodeAt(k); if (c === 10 || c === 13) return 0; if (c !== 32 && c !== 9) return c; }
  return 0;
}
function nextCode(text: string, i: number): number {
  for (let k = i + 1; k < text.length && k - i < 4; k++) { const c = text.charCodeAt(k); if (c === 10 || c === 13) return 0; if (c !== 32 && c !== 9) return c; }
  return 0;
}

function halfWidth(text: string, pos: ArrayLike<number>, a: number, b: number, inUrl: (i: number) => boolean, out: { start: number; newText: string; ch: string }[]): void {
  // parentheses and straight quotes are converted in pairs so that the fix keeps them paired
  const parens: number[] = [];
  let quote = -1;
  const flushLine = () => {
    // an unpaired "(" in Chinese text
    for (const o of parens) if (isChineseSide(prevCode(text, o)) || isChineseSide(nextCode(text, o))) out.push({ start: o, newText: '（', ch: '(' });
    if (parens.length) parens.length = 0;
    quote = -1;
  };
  for (let k = a; k < b; k++) {
    const i = pos[k];
    const code = text.charCodeAt(i);
    if (code >= 128 || !HALF_CODES[code]) continue;
    const ch = text[i];
    if (ch === '\n') { flushLine(); continue; }
    if (ch === ',' || ch === ';' || ch === ':' || ch === '?' || ch === '!') {
      if (inUrl(i)) continue;
      const p = prevCode(text, i), n = nextCode(text, i);
      if ((ch === ',' || ch === ':') && p >= 48 && p <= 57 && n >= 48 && n <= 57) continue; // 1,000 / 12:30
      if (!isChineseSide(p) && !(isChineseSide(n) && !isAsciiAlnum(p))) continue;
      out.push({ start: i, newText: FULL[ch], ch });
    } else if (ch === '(') {
      parens.push(i);
    } else if (ch === ')') {
      const o = parens.pop();
      if (o === undefined) {
        if (isChineseSide(prevCode(text, i)) || isChineseSide(nextCode(text, i))) out.push({ start: i, newText: '）', ch });
        continue;
      }
      if (inUrl(o)) continue;
      let han = false;
      for (let k = o + 1; k < i && !han; k++) han = isHan(text.charCodeAt(k));
      if (han || isChineseSide(prevCode(text, o)) || isChineseSide(nextCode(text, i))) {
        out.push({ start: o, newText: '（', ch: '(' });
        out.push({ start: i, newText: '）', ch });
      }
    } else if (ch === '"') {
      if (quote < 0) { quote = i; continue; }
      let han = false;
      for (let k = quote + 1; k < i && !han; k++) han = isHan(text.charCodeAt(k));
      if (han) { out.push({ start: quote, newText: '“', ch }); out.push({ start: i, newText: '”', ch }); }
      quote = -1;
    }
  }
  flushLine();
}

function reportHalf(ctx: RuleContext, half: { start: number; newText: string; ch: string }[], fullCount: number): void {
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

/** Brackets and quotes that do not pair up within a paragraph. */
function balance(ctx: RuleContext, pos: ArrayLike<number>, a: number, b: number): void {
  const { text, t, report } = ctx;
  const stack: { ch: string; at: number }[] = [];
  const unclosed = () => {
    for (const o of stack) {
      report({
        start: o.at, end: o.at + 1,
        message: t(`“${o.ch}”没有与之配对的“${OPEN[o.ch]}”`, `"${o.ch}" has no matching "${OPEN[o.ch]}"`),
      });
    }
    if (stack.length) stack.length = 0;
  };
  for (let k = a; k < b; k++) {
    const i = pos[k];
    const code = text.charCodeAt(i);
    if (!BRACKET_CODES[code]) continue;
    const ch = text[i];
    if (ch === '\n') {
      // a paragraph ends at a blank line or after a line that ends a sentence
      const p = prevCode(text, i);
      if (text[i + 1] === '\n' || text[i + 1] === '\r' || p === 0x3002 || p === 0xff1b || p === 0xff01 || p === 0xff1f) unclosed();
      continue;
    }
    if (OPEN[ch] && ch !== '(') { stack.push({ ch, at: i }); continue; }
    if (ch === '(') { stack.push({ ch, at: i }); continue; }
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
    for (const o of inner) {
      report({
        start: o.at, end: o.at + 1,
        message: t(`“${o.ch}”没有与之配对的“${OPEN[o.ch]}”`, `"${o.ch}" has no matching "${OPEN[o.ch]}"`),
      });
    }
  }
  unclosed();
}

function findOpen(stack: { ch: string }[], want: string): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const c = stack[k].ch;
    if (c === want || (want === '（' && c === '(')) return k;
  }
  return -1;
}

/** A sentence mark right after another one (。。 / 。，), often left by extraction: the second is removed. */
function doubled(ctx: RuleContext, pos: ArrayLike<number>, a: number, b: number, seen: Set<number>): void {
  const { text, t, report } = ctx;
  let last = -1;
  for (let k = a; k < b; k++) {
    const i = pos[k];
    const c = text.charCodeAt(i);
    if (c === 10) continue;
    if (!isMark(c)) { last = -1; continue; }
    const ch = text[i];
    if (last >= 0 && SECOND.has(ch) && onlySpace(text, last + 1, i) && !(ch === ',' && isAsciiAlnum(text.charCodeAt(last - 1)))) {
      seen.add(i);
      report({
        start: i, end: i + 1,
        message: t(`多余的标点“${ch}”（紧跟在“${text[last]}”之后）`, `Extra "${ch}" right after "${text[last]}"`),
        fixes: [{ title: t(`删除“${ch}”`, `Remove "${ch}"`), edits: [{ start: i, end: i + 1, newText: '' }], preferred: true }],
      });
    }
    last = SENTENCE.has(ch) ? i : -1;
  }
}

function onlySpace(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000)) return false;
  }
  return true;
}
