// Small helpers shared by the prose rules.
import type { Span } from '../types';
import { Automaton } from './automaton';

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87e);
}

export function isAsciiLetter(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }
export function isAsciiAlnum(c: number): boolean { return isAsciiLetter(c) || (c >= 48 && c <= 57); }

const STICKY = new WeakMap<RegExp, RegExp>();
/**
 * Every match of a regular expression in the text, in order and not overlapping (as a loop of exec with the g flag
 * finds them), for an expression that can only match where one of `starts` begins. The candidates are found with
 * indexOf, many times faster than the expression's own scan for a Chinese first character, and the expression is
 * tried at each (its sticky twin, compiled once). Its own flags and lastIndex are left alone.
 */
export function matchesStarting(re: RegExp, text: string, starts: readonly string[]): RegExpExecArray[] {
  let y = STICKY.get(re);
  if (!y) { y = new RegExp(re.source, re.flags.replace('g', '') + 'y'); STICKY.set(re, y); }
  const out: RegExpExecArray[] = [];
  // the next occurrence of each start at or after `from` (-1: none left; -2: not looked for yet)
  const next = starts.map(() => -2);
  for (let from = 0; ;) {
    let p = -1;
    for (let k = 0; k < starts.length; k++) {
      if (next[k] !== -1 && next[k] < from) next[k] = text.indexOf(starts[k], from);
      if (next[k] >= 0 && (p < 0 || next[k] < p)) p = next[k];
    }
    if (p < 0) return out;
    y.lastIndex = p;
    const m = y.exec(text);
    if (m) { out.push(m); from = p + Math.max(1, m[0].length); } else from = p + 1;
  }
}

const LINK_RE = /(?:https?:\/\/|www\.)[!-~]+/y;
const MAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/y;
/** What the local part of an e-mail address is made of ([A-Za-z0-9._%+-]). */
const LOCAL = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-') LOCAL[ch.charCodeAt(0)] = 1;

/**
 * The links and e-mail addresses of the text, as a loop of exec finds them with
 * /(?:https?:\/\/|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, without that expression's scan: it
 * tries an address at every Latin letter and digit, and again at each one after it (quadratic in a long run of
 * digits, as in a table). Links are tried where indexOf finds http or www., addresses where it finds @, from the
 * start of the run of address characters before it.
 */
export function linkSpans(text: string): Span[] {
  const out: Span[] = [];
  // the leftmost link and address at or after `from`: -1 none, -2 to be looked for. The link is looked for to the
  // end of the text; the address only up to the link's end (one that starts before the link has its @ inside it),
  // so an address not found is looked for again once the link is taken.
  let link = -2, linkEnd = 0, mail = -2, mailEnd = 0;
  for (let from = 0; ;) {
    if (link === -2) {
      link = -1;
      for (let p = nextLink(text, from); p >= 0; p = nextLink(text, p + 1)) {
        LINK_RE.lastIndex = p;
        if (LINK_RE.test(text)) { link = p; linkEnd = LINK_RE.lastIndex; break; }
      }
    }
    let mailBounded = false;
    if (mail === -2) {
      mail = -1;
      for (let q = text.indexOf('@', from); q >= 0; q = text.indexOf('@', q + 1)) {
        if (link >= 0 && q >= linkEnd) { mailBounded = true; break; }
        let s = q;
        while (s > from && LOCAL[text.charCodeAt(s - 1)]) s--;
        if (s === q) continue;
        MAIL_RE.lastIndex = s;
        if (MAIL_RE.test(text)) { mail = s; mailEnd = MAIL_RE.lastIndex; break; }
      }
    }
    // the leftmost wins; at the same offset the link (the first alternative)
    if (link >= 0 && (mail < 0 || link <= mail)) { out.push({ start: link, end: linkEnd }); from = linkEnd; }
    else if (mail >= 0) { out.push({ start: mail, end: mailEnd }); from = mailEnd; }
    else return out;
    if (link >= 0 && link < from) link = -2;
    if ((mail >= 0 && mail < from) || (mail === -1 && mailBounded)) mail = -2;
  }
}

function nextLink(text: string, from: number): number {
  const h = text.indexOf('http', from), w = text.indexOf('www.', from);
  return h < 0 ? w : w < 0 ? h : Math.min(h, w);
}

const userCache = new WeakMap<ReadonlySet<string>, { text: string; spans: Span[] }>();

/** Where the user's dictionary words occur in text (sorted by start). */
export function userWordSpans(text: string, words: ReadonlySet<string> | undefined): Span[] {
  if (!words || !words.size) return [];
  const hit = userCache.get(words);
  // an equal new string takes the cache's place (=== compares contents only for different objects)
  if (hit && hit.text === text) { hit.text = text; return hit.spans; }
  const list = [...words];
  const spans: Span[] = [];
  new Automaton(list).scan(text, 0, text.length, (m) => spans.push({ start: m.start, end: m.end }));
  spans.sort((a, b) => a.start - b.start);
  userCache.set(words, { text, spans });
  return spans;
}

/** Is [start, end) inside one of the user's words? (spans sorted by start; a word is short, so a local scan suffices) */
export function coveredByUserWord(spans: readonly Span[], start: number, end: number): boolean {
  if (!spans.length) return false;
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start <= start) lo = mid + 1; else hi = mid; }
  for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (spans[i].start <= start && spans[i].end >= end) return true;
  return false;
}

/** A quoted excerpt for messages. */
export function q(s: string): string { return s.length > 24 ? s.slice(0, 23) + '…' : s; }

