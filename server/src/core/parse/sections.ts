// Section headings (一、总体情况 … 六、其他需要报告的事项), sub-headings, and the report title.
import { TEMPLATE } from '../template';
import { codeUnits, fold, foldSlice, foldString, hasCode, isSpace, isWhite, LineIndex, similarity } from '../text';
import type { Heading, Section, SubHeading } from '../types';
import { findLoose } from './loose';

const NUMERALS = '一二三四五六七八九十';
/** Least similarity of a heading's words to its section's wording, when its numeral names that section. */
const HEADING_MIN_SIMILARITY = 0.6;
/** Least similarity when the numeral names another section (a shifted or restarted numbering) or there is none. */
const OTHER_MIN_SIMILARITY = 0.85;
/** Least similarity of a line without any numbering (the words alone). */
const BARE_MIN_SIMILARITY = 0.9;
/** A heading line is short: one cell, one sentence. */
const MAX_HEADING = 45;

interface HeadingCandidate { n: number; heading: Heading; lineEnd: number }

/** Each section's official heading and its known variants, folded, and their words without the numbering. */
const foldedHeadings = TEMPLATE.sections.map((s) => {
  const forms = [s.heading, ...s.variants].map(foldString);
  return { n: s.n, official: s.heading, forms, words: forms.map((f) => f.slice(2)) };
});

/** How a heading is numbered: the number it names, in the template's style (三、) or another (三. 3、 第三部分 三 …). */
interface Numbering {
  written?: number;
  /** 'official': N、; 'other': another way of writing the number; 'bare': a numeral run into the words; 'none'. */
  style: 'official' | 'other' | 'bare' | 'none';
  /** Where the words start. */
  wordsAt: number;
}

const isBlankChar = (c: number) => c === 32 || c === 0x3000 || c === 9 || c === 0xa0;
function skipBlank(text: string, i: number, end: number): number {
  while (i < end && isBlankChar(text.charCodeAt(i))) i++;
  return i;
}

/** The numbering at text[s] (a heading's start, list markers skipped). */
function numberingAt(text: string, s: number, end: number): Numbering {
  const k = NUMERALS.indexOf(text[s]);
  if (k >= 0) {
    const i = skipBlank(text, s + 1, end);
    const sep = text[i];
    if (sep === '、') return { written: k + 1, style: 'official', wordsAt: skipBlank(text, i + 1, end) };
    if (sep === '.' || sep === '．' || sep === '，' || sep === ',' || sep === '：' || sep === ':') return { written: k + 1, style: 'other', wordsAt: skipBlank(text, i + 1, end) };
    return { written: k + 1, style: 'bare', wordsAt: i };
  }
  if (text[s] === '第') {
    // 第三部分 (blanks allowed), then a separator or not
    let i = skipBlank(text, s + 1, end);
    const n = NUMERALS.indexOf(text[i]);
    i = skipBlank(text, i + 1, end);
    if (n >= 0 && text.startsWith('部分', i)) {
      i = skipBlank(text, i + 2, end);
      if ('、.．:：，,'.includes(text[i] ?? '\0')) i = skipBlank(text, i + 1, end);
      return { written: n + 1, style: 'other', wordsAt: i };
    }
    return { style: 'none', wordsAt: s };
  }
  const c = text.charCodeAt(s);
  if ((c >= 49 && c <= 57) || (c >= 0xff11 && c <= 0xff19)) {
    // 3、 3. (one digit: there are six sections)
    const i = skipBlank(text, s + 1, end);
    if ('、.．'.includes(text[i] ?? '\0')) return { written: c & 0xf, style: 'other', wordsAt: skipBlank(text, i + 1, end) };
  }
  return { style: 'none', wordsAt: s };
}

/** Strip list markers a paste may put before a heading: "- ", "* ", "#", "**". */
function contentStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (isWhite(text.charCodeAt(i)) || LIST_MARK[text.charCodeAt(i)])) i++;
  return i;
}
const LIST_MARK = new Uint8Array(65536);
for (const ch of '-*#>•·') LIST_MARK[ch.charCodeAt(0)] = 1;

/**
 * Characters a heading line may start with: a numeral (Chinese or Arabic), 第, a list marker, or the first character of
 * a section's words (a heading written without its number).
 */
const HEADING_FIRST = new Uint8Array(65536);
for (const ch of NUMERALS + '第0123456789０１２３４５６７８９-*#>•·') HEADING_FIRST[ch.charCodeAt(0)] = 1;
for (const h of foldedHeadings) for (const w of h.words) HEADING_FIRST[w.charCodeAt(0)] = 1;
/** The first two characters of the sections' words (as one number): a heading without numbering starts with them. */
const WORD_HEADS = new Set(foldedHeadings.flatMap((h) => h.words.map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1))));

/**
 * Is the line at [start,end) a section heading? Headings are short and their words resemble a section's wording (or
 * a known variant) by similarity: insertions, deletions and substitutions, widths and spaces aside. The section is
 * the one its words name; the numbering (三、, 三., 3、, 第三部分, a numeral run into the words, none) is recorded as
 * written, so that a report numbered its own way still has its sections found by their words.
 */
function headingAt(text: string, start: number, end: number): HeadingCandidate | undefined {
  // quick reject: the first non-blank character must be able to start a heading
  let q = start;
  while (q < end && isSpace(text.charCodeAt(q))) q++;
  if (q >= end || !HEADING_FIRST[text.charCodeAt(q)]) return undefined;
  const s = contentStart(text, start, end);
  if (s >= end) return undefined;
  let e = end;
  while (e > s && (isWhite(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 42 /* * of **bold** */)) e--;
  // a heading is short, one cell, one sentence (checked before anything is built: most such lines are prose)
  if (e - s > MAX_HEADING || e - s < 2 || hasCode(text, s, e, 9 /* tab */) || hasCode(text, s, e - 1, 0x3002 /* 。 */)) return undefined;
  const num = numberingAt(text, s, e);
  // a line without numbering is a heading only when it starts as a section's words do (its first two characters):
  // a value, a date, a table cell is not
  if (num.style === 'none' && !WORD_HEADS.has(text.charCodeAt(s) * 65536 + text.charCodeAt(s + 1))) return undefined;
  const last = text.charCodeAt(e - 1);
  const wordsEnd = last === 0x3002 || last === 46 ? e - 1 : e;
  if (num.wordsAt >= wordsEnd) return undefined;
  // no section's words hold a digit: a table row (1.属于国家秘密 2 0 0 …) is not a heading
  for (let i = num.wordsAt; i < wordsEnd; i++) { const d = text.charCodeAt(i); if (d >= 48 && d <= 57) return undefined; }
  // the usual heading first: N、 and one of its section's forms exactly as written (folding would not change it)
  const own = num.written !== undefined ? foldedHeadings.find((h) => h.n === num.written) : undefined;
  if (own && num.style === 'official' && num.wordsAt === s + 2) {
    for (let k = 0; k < own.forms.length; k++) {
      const form = own.forms[k];
      if (form.length === wordsEnd - s && text.startsWith(form, s)) {
        return { n: own.n, heading: { start: s, end: e, text: text.slice(s, e), official: own.official, exact: true, inline: false, numbered: own.n, wordsExact: true, wordsAt: num.wordsAt }, lineEnd: end };
      }
    }
  }
  const words = foldSlice(text, num.wordsAt, wordsEnd);
  if (words.length < 2) return undefined;
  let best: { n: number; sim: number; official: string } | undefined;
  for (const h of foldedHeadings) {
    // the section its numeral names is taken on a looser likeness than another (a numbering of the report's own)
    const min = h === own && num.style !== 'bare' ? HEADING_MIN_SIMILARITY : num.style === 'none' ? BARE_MIN_SIMILARITY : OTHER_MIN_SIMILARITY;
    for (const w of h.words) {
      if (Math.abs(w.length - words.length) > w.length * (1 - min) + 1) continue;
      // below the threshold counts as 0: only a heading at or above it is ever taken
      const sim = words === w ? 1 : similarity(words, w, min);
      if (sim < min) continue;
      if (!best || sim > best.sim || (sim === best.sim && h === own)) best = { n: h.n, sim, official: h.official };
    }
  }
  if (!best) return undefined;
  const wordsExact = best.sim === 1;
  return {
    n: best.n,
    heading: {
      start: s, end: e, text: text.slice(s, e), official: best.official,
      exact: wordsExact && num.style === 'official' && num.written === best.n,
      inline: false, numbered: num.written, wordsExact, wordsAt: num.wordsAt,
    },
    lineEnd: end,
  };
}

/** What a sub-heading starts with: a bracket or a numeral. */
const SUBHEADING_FIRST = new Uint8Array(65536);
for (const ch of NUMERALS + '（(') SUBHEADING_FIRST[ch.charCodeAt(0)] = 1;

/** Sub-headings inside prose sections: （一）主动公开情况 / 一、主动公开 at the start of a line. */
function subheadingsIn(text: string, idx: LineIndex, start: number, end: number): SubHeading[] {
  const out: SubHeading[] = [];
  const first = idx.positionAt(start).line, last = idx.positionAt(end).line;
  for (let n = first; n <= last && n < idx.lineCount; n++) {
    const ls = idx.lineSpan(n);
    if (ls.start < start || ls.start >= end) continue;
    const s = contentStart(text, ls.start, ls.end);
    if (!SUBHEADING_FIRST[text.charCodeAt(s)]) continue;
    const m = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*[^。：:，,；;\t]{2,30}/.exec(text.slice(s, Math.min(ls.end, s + 60)));
    if (m) out.push({ start: s, end: s + m[0].trimEnd().length, text: m[0].trim() });
  }
  return out;
}

/** How much text is searched for a heading run into a line by likeness (collapsed web text). */
const MAX_INLINE_SEARCH = 1 << 20;

/** A heading found inside a line at [start, end). */
function inlineHeading(text: string, idx: LineIndex, sec: typeof foldedHeadings[number], start: number, end: number): HeadingCandidate {
  const f = foldSlice(text, start, end);
  const ls = idx.lineSpan(idx.positionAt(start).line);
  const num = numberingAt(text, start, end);
  const words = foldSlice(text, num.wordsAt, end);
  const wordsExact = sec.words.includes(words);
  return {
    n: sec.n,
    heading: {
      start, end, text: text.slice(start, end), official: sec.official,
      exact: sec.forms.includes(f) && num.style === 'official', inline: start > contentStart(text, ls.start, ls.end),
      numbered: num.written, wordsExact, wordsAt: num.wordsAt,
    },
    lineEnd: end,
  };
}

/** What may stand right before a heading run into a line: the end of a sentence, a bracket, a table's value or bar. */
const BEFORE_INLINE = /[。；;：:，,）)」”"|｜\d]/;

/** Least similarity of the words of a heading run into a line (its numeral names the section). */
const INLINE_MIN_SIMILARITY = 0.7;

/**
 * A heading run into a line and misspelt: an occurrence of its numeral and 、 (or .) after the end of a sentence or a
 * table's last value, followed by words like the section's (INLINE_MIN_SIMILARITY), in text[a, b).
 */
function approxInline(text: string, idx: LineIndex, sec: typeof foldedHeadings[number], a: number, b: number): HeadingCandidate | undefined {
  const numeral = sec.official[0];
  let best: { sim: number; start: number; end: number } | undefined;
  for (let i = text.indexOf(numeral, a); i >= 0 && i < b; i = text.indexOf(numeral, i + 1)) {
    const j = skipBlank(text, i + 1, b);
    if (!'、.．'.includes(text[j] ?? '')) continue;
    let p = i - 1;
    while (p >= a && isWhite(text.charCodeAt(p))) p--;
    if (p >= 0 && text[p] !== '\n' && !BEFORE_INLINE.test(text[p])) continue;
    const windowEnd = Math.min(b, j + 1 + 3 * MAX_HEADING);
    const f = fold(text, skipBlank(text, j + 1, windowEnd), windowEnd);
    for (const w of sec.words) {
      for (let len = Math.max(2, w.length - 3); len <= Math.min(f.s.length, w.length + 3); len++) {
        const sim = similarity(f.s.slice(0, len), w, INLINE_MIN_SIMILARITY);
        if (sim < INLINE_MIN_SIMILARITY) continue;
        if (!best || sim > best.sim) best = { sim, start: i, end: f.offs[len - 1] + 1 };
      }
    }
  }
  return best ? inlineHeading(text, idx, sec, best.start, best.end) : undefined;
}

export function findSections(text: string, idx: LineIndex): Section[] {
  const found: HeadingCandidate[] = [];
  const starts = idx.starts, u = codeUnits(text);
  for (let n = 0; n < starts.length; n++) {
    // quick reject without building the line: its first non-blank character must be able to start a heading
    let q = starts[n], c = u[q];
    while (q < u.length && c !== 10 && c !== 13 && isSpace(c)) c = u[++q];
    if (q >= u.length || !HEADING_FIRST[c]) continue;
    const ls = idx.lineSpan(n);
    if (ls.end - ls.start < 4) continue;
    const h = headingAt(text, ls.start, ls.end);
    if (h) found.push(h);
  }
  // Collapsed web text: a heading inside a line, the official wording or a known variant (widths, spaces and bars
  // aside), else one like it by similarity where it follows the end of a sentence or a table's last value
  const present = new Set(found.map((h) => h.n));
  for (const sec of foldedHeadings) {
    if (present.has(sec.n)) continue;
    let hit: HeadingCandidate | undefined;
    for (const form of [sec.official, ...TEMPLATE.sections[sec.n - 1].variants]) {
      const m = findLoose(text, form);
      if (m) { hit = inlineHeading(text, idx, sec, m.start, m.end); break; }
    }
    if (!hit) {
      // between the headings found before and after it in the template's order (the whole text when out of order)
      let a = 0, b = text.length;
      for (const f of found) {
        if (f.n < sec.n) a = Math.max(a, f.heading.end);
        else if (f.n > sec.n) b = Math.min(b, f.heading.start);
      }
      if (a >= b) { a = 0; b = text.length; }
      hit = approxInline(text, idx, sec, a, Math.min(b, a + MAX_INLINE_SEARCH));
    }
    if (hit) found.push(hit);
  }
  found.sort((a, b) => a.heading.start - b.heading.start);
  return found.map((h, i) => {
    const end = i + 1 < found.length ? found[i + 1].heading.start : text.length;
    const bodyStart = Math.min(end, h.heading.inline ? h.heading.end : Math.max(h.heading.end, h.lineEnd));
    return {
      n: h.n,
      heading: h.heading,
      start: h.heading.start,
      end,
      body: { start: bodyStart, end },
      subheadings: h.n === 2 || h.n === 3 || h.n === 4 ? [] : subheadingsIn(text, idx, bodyStart, end),
    };
  });
}
