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

