// The prose lexicons: data files under ../data compiled into automata and maps, once, on first use.
import typosData from '../data/typos.json';
import wordsData from '../data/words.json';
import spamData from '../data/spam.json';
import t2sData from '../data/t2s.json';
import placesData from '../data/places.json';
import { Automaton } from './automaton';

// ---------------------------------------------------------------- typos

export interface TypoEntry {
  /** Whole matched text (context included) and its correction. */
  wrong: string;
  right: string;
  /** Range reported and replaced, relative to the match start. */
  at: number;
  len: number;
  /** Replacement of that range. */
  fix: string;
  /** 'list': a listed misspelling; 'word': one confusable character off a fixed expression. */
  kind: 'list' | 'word';
}

export interface TypoLexicon {
  automaton: Automaton;
  /** By pattern id; undefined = an allowed word (suppresses typo matches inside it). */
  entries: (TypoEntry | undefined)[];
  listed: number;
  generated: number;
}

function parseEntry(wrongSpec: string, fix: string): TypoEntry {
  const a = wrongSpec.indexOf('['), b = wrongSpec.indexOf(']');
  if (a < 0 || b < a) return { wrong: wrongSpec, right: fix, at: 0, len: wrongSpec.length, fix, kind: 'list' };
  const wrong = wrongSpec.slice(0, a) + wrongSpec.slice(a + 1, b) + wrongSpec.slice(b + 1);
  const right = wrongSpec.slice(0, a) + fix + wrongSpec.slice(b + 1);
  return { wrong, right, at: a, len: b - a - 1, fix, kind: 'list' };
}

let typoLex: TypoLexicon | undefined;

export function typoLexicon(): TypoLexicon {
  if (typoLex) return typoLex;
  const patterns: string[] = [];
  const entries: (TypoEntry | undefined)[] = [];
  const seen = new Set<string>();
  const add = (p: string, e: TypoEntry | undefined) => {
    if (seen.has(p)) return;
    seen.add(p);
    patterns.push(p);
    entries.push(e);
  };
  for (const [w, r] of typosData.entries as [string, string][]) {
    const e = parseEntry(w, r);
    add(e.wrong, e);
  }
  const listed = patterns.length;
  for (const a of typosData.allow) add(a, undefined);
  // fixed expressions, one confusable character off
  const valid = new Set<string>([...wordsData.words, ...wordsData.valid]);
  const groupOf = new Map<string, string>();
  for (const g of wordsData.confusable) for (const ch of g) groupOf.set(ch, (groupOf.get(ch) ?? '') + g);
  let generated = 0;
  for (const word of wordsData.words) {
    if (word.length < 4) continue;
    for (let i = 0; i < word.length; i++) {
      const group = groupOf.get(word[i]);
      if (!group) continue;
      for (const c of new Set(group)) {
        if (c === word[i]) continue;
        const variant = word.slice(0, i) + c + word.slice(i + 1);
        if (valid.has(variant) || seen.has(variant)) continue;
        add(variant, { wrong: variant, right: word, at: 0, len: word.length, fix: word, kind: 'word' });
        generated++;
      }
    }
  }
  // valid expressions also protect their text from shorter listed forms (名符其实 is in valid on purpose)
  for (const v of wordsData.valid) add(v, undefined);
  typoLex = { automaton: new Automaton(patterns), entries, listed, generated };
  return typoLex;
}

// ---------------------------------------------------------------- injected content

export type SpamKind = 'strong' | 'weak' | 'glue' | 'legit';
export interface SpamLexicon { automaton: Automaton; kinds: SpamKind[]; terms: string[]; latin: string[]; spamTld: Set<string> }
let spamLex: SpamLexicon | undefined;

export function spamLexicon(): SpamLexicon {
  if (spamLex) return spamLex;
  const terms: string[] = [];
  const kinds: SpamKind[] = [];
  const seen = new Set<string>();
  const add = (list: string[], kind: SpamKind) => {
    for (const t of list) {
      const k = t.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      terms.push(k);
      kinds.push(kind);
    }
  };
  add(spamData.legit, 'legit');
  add(spamData.strong, 'strong');
  add(spamData.weak, 'weak');
  add(spamData.glue, 'glue');
  spamLex = {
    automaton: new Automaton(terms), kinds, terms,
    latin: spamData.latin.map((s) => s.toLowerCase()),
    spamTld: new Set(spamData.spamTld),
  };
  return spamLex;
}

// ---------------------------------------------------------------- traditional characters

let t2s: Map<number, string> | undefined;
let t2sBits: Uint8Array | undefined;

/** Traditional-only character (code point) -> simplified form. */
export function traditionalMap(): Map<number, string> {
  if (t2s) return t2s;
  t2s = new Map();
  for (const [t, s] of Object.entries(t2sData.map as Record<string, string>)) t2s.set(t.codePointAt(0)!, s);
  return t2s;
}

/** Membership of the BMP traditional-only characters, one byte per code unit (a Map lookup per character is slow). */
export function traditionalBits(): Uint8Array {
  if (t2sBits) return t2sBits;
  t2sBits = new Uint8Array(65536);
  for (const cp of traditionalMap().keys()) if (cp < 65536) t2sBits[cp] = 1;
  return t2sBits;
}

// ---------------------------------------------------------------- places

/** Minority and autonomy words that the short form of a name drops. */
export const ETHNIC_RE = /^(.{2,}?)((?:[\u4e00-\u9fff]{1,3}族)*(?:自治)?)([区县旗州])$/;

export function shortForm(name: string): string | undefined {
  const m = ETHNIC_RE.exec(name);
  if (!m || !m[2]) return undefined;
  return m[1] + m[3];
}

export interface Gazetteer {
  names: Set<string>;
  /** name with one character replaced by '?' -> names */
  oneOff: Map<string, string[]>;
}
let gaz: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (gaz) return gaz;
  const names = new Set<string>(placesData.names);
  // short forms in common use: 瀍河回族区 -> 瀍河区, 长阳土家族自治县 -> 长阳县
  for (const n of placesData.names) { const s = shortForm(n); if (s && s.length >= 3) names.add(s); }
  const oneOff = new Map<string, string[]>();
  for (const n of names) {
    for (let i = 0; i < n.length; i++) {
      const k = n.slice(0, i) + '?' + n.slice(i + 1);
      const list = oneOff.get(k);
      if (list) list.push(n); else oneOff.set(k, [n]);
    }
  }
  gaz = { names, oneOff };
  return gaz;
}

/** Real place names one character away from `name` (same length), closest by character code first. */
export function nearPlaces(name: string): { name: string; at: number; codeDistance: number }[] {
  const g = gazetteer();
  const out: { name: string; at: number; codeDistance: number }[] = [];
  for (let i = 0; i < name.length; i++) {
    const list = g.oneOff.get(name.slice(0, i) + '?' + name.slice(i + 1));
    if (!list) continue;
    for (const n of list) {
      if (n === name) continue;
      // the CJK Unified Ideographs block is ordered by radical: a small code distance ~ the same radical (灤/瀍 both 氵)
      out.push({ name: n, at: i, codeDistance: Math.abs(n.charCodeAt(i) - name.charCodeAt(i)) });
    }
  }
  return out.sort((a, b) => a.codeDistance - b.codeDistance);
}

/** Is every lexicon built? (for the benchmark's memory figure) */
export function loadAll(): void {
  typoLexicon(); spamLexicon(); traditionalBits(); gazetteer();
}
