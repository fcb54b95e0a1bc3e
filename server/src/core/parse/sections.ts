// Section headings (一、总体情况 … 六、其他需要报告的事项), sub-headings, and the report title.
import { TEMPLATE } from '../template';
import { codeUnits, fold, foldString, hasCode, isSpace, isWhite, LineIndex, similarity } from '../text';
import type { Heading, Section, SubHeading } from '../types';
import { findLoose } from './loose';

const NUMERALS = '一二三四五六七八九十';
const HEADING_MIN_SIMILARITY = 0.6;

interface HeadingCandidate { n: number; heading: Heading; lineEnd: number }

const foldedHeadings = TEMPLATE.sections.map((s) => ({
  n: s.n,
  official: s.heading,
  forms: [s.heading, ...s.variants].map(foldString),
})).map((h) => ({ ...h, tails: h.forms.map((f) => f.slice(2)) }));

/** The section each numeral names (一 → 一、总体情况). */
const OWN = new Map(foldedHeadings.map((h) => [h.official.charCodeAt(0), h]));

/** The sections in the order tried for a heading whose numeral names the first. */
const ORDER = new Map(foldedHeadings.map((own) => [own, [own, ...foldedHeadings.filter((h) => h !== own)]]));

/** Strip list markers a paste may put before a heading: "- ", "* ", "#", "**". */
function contentStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (isWhite(text.charCodeAt(i)) || LIST_MARK[text.charCodeAt(i)])) i++;
  return i;
}
const LIST_MARK = new Uint8Array(65536);
for (const ch of '-*#>•·') LIST_MARK[ch.charCodeAt(0)] = 1;

/** Is the line at [start,end) a section heading? Headings are short, start with 一、…六、 and resemble an official heading. */
/** Characters a heading line may start with: a numeral or a list marker. */
const HEADING_FIRST = new Uint8Array(65536);
for (const ch of NUMERALS + '-*#>•·') HEADING_FIRST[ch.charCodeAt(0)] = 1;

function headingAt(text: string, start: number, end: number): HeadingCandidate | undefined {
  // quick reject: the first non-blank character must be a numeral or a list marker
  let q = start;
  while (q < end && isSpace(text.charCodeAt(q))) q++;
  if (q >= end || !HEADING_FIRST[text.charCodeAt(q)]) return undefined;
  const s = contentStart(text, start, end);
  if (s >= end || !NUMERALS.includes(text[s])) return undefined;
  const sep = text[s + 1];
  if (sep !== '、' && sep !== '.' && sep !== '．' && sep !== '，' && sep !== ',') return undefined;
  let e = end;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  // a heading is short, one cell, one sentence (checked before anything is built: most such lines are prose)
  if (e - s > 45 || hasCode(text, s, e, 9 /* tab */) || hasCode(text, s, e - 1, 0x3002 /* 。 */)) return undefined;
  const own = OWN.get(text.charCodeAt(s));
  // the usual heading: one of its section's forms exactly as written (folding would not change it), so nothing is
  // folded or compared by similarity
  const last = text.charCodeAt(e - 1), len = last === 0x3002 || last === 46 ? e - s - 1 : e - s;
  for (let k = 0; own && k < own.forms.length; k++) {
    const form = own.forms[k];
    if (form.length === len && text.startsWith(form, s)) {
      return { n: own.n, heading: { start: s, end: e, text: text.slice(s, e), official: own.official, exact: true, inline: false }, lineEnd: end };
    }
  }
  const line = text.slice(s, e);
  const f = foldString(line.endsWith('。') || line.endsWith('.') ? line.slice(0, -1) : line);
  let best: { n: number; sim: number; official: string } | undefined;
  // the section its numeral names first; the others only catch a wrong numeral on an otherwise exact title
  const order = own ? ORDER.get(own)! : foldedHeadings;
  const tail = f.slice(2);
  for (const h of order) {
    if (h !== own && best && best.sim >= HEADING_MIN_SIMILARITY) break;
    if (h !== own && !h.tails.includes(tail)) continue;
    for (const form of h.forms) {
      if (Math.abs(form.length - f.length) > form.length * 0.5 + 2) continue;
      // below the threshold counts as 0: only a heading at or above it is ever taken
      const sim = f === form ? 1 : similarity(f, form, HEADING_MIN_SIMILARITY);
      if (!best || sim > best.sim) best = { n: h.n, sim, official: h.official };
      if (sim === 1) break;
    }
    if (best?.sim === 1) break;
  }
  if (!best || best.sim < HEADING_MIN_SIMILARITY) return undefined;
  return {
    n: best.n,
    heading: { start: s, end: e, text: line, official: best.official, exact: best.sim === 1, inline: false },
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

export function findSections(text: string, idx: LineIndex): Section[] {
  const found: HeadingCandidate[] = [];
  const starts = idx.starts, u = codeUnits(text);
  for (let n = 0; n < starts.length; n++) {
    // quick reject without building the line: its first non-blank character must be a numeral or a list marker
    let q = starts[n], c = u[q];
    while (q < u.length && c !== 10 && c !== 13 && isSpace(c)) c = u[++q];
    if (q >= u.length || !HEADING_FIRST[c]) continue;
    const ls = idx.lineSpan(n);
    if (ls.end - ls.start < 4) continue;
    const h = headingAt(text, ls.start, ls.end);
    if (h) found.push(h);
  }
  // Collapsed web text: a heading inside a line, accepted only when it is the exact official wording or a known variant.
  const present = new Set(found.map((h) => h.n));
  for (const sec of TEMPLATE.sections) {
    if (present.has(sec.n)) continue;
    for (const form of [sec.heading, ...sec.variants]) {
      const m = findLoose(text, form);
      if (!m) continue;
      const ls = idx.lineSpan(idx.positionAt(m.start).line);
      found.push({ n: sec.n, heading: Object.assign({}, m, { text: text.slice(m.start, m.end), official: sec.heading, exact: true, inline: m.start > contentStart(text, ls.start, ls.end) }), lineEnd: m.end });
      break;
    }
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
