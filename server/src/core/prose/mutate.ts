// Typos made at random in real reports, to measure the typo checks on text nobody wrote by hand (bench/typo-recall.mjs
// and test/unit/typo-recall.test.ts): a word of the report's own prose (its vocabulary, as the dictionary segments it)
// gets one confusable change. Deterministic for a seed.
import { parseReport } from '../parse/report';
import { proseSpans } from './regions';
import { dictionary } from './dictionary';
import { segment } from './segment';
import { gazetteer } from './lexicon';
import { offsetIn, runsOf } from './typos';

export type TypoKind = 'sound' | 'shape' | 'double' | 'extra' | 'drop';

export interface TypoMutation {
  kind: TypoKind;
  /** Index of the report in the list given. */
  report: number;
  /** The report with the typo. */
  text: string;
  /** Range of the typo in `text`: the changed or added character; for a drop, the characters either side of the gap. */
  start: number;
  end: number;
  /** The word as the report has it, and as mutated. */
  word: string;
  typo: string;
}

/** Shares of the kinds: a character of the same sound (the pinyin input method's typo), of similar shape, doubled,
 * an extra one (confused with its neighbour), one dropped. */
export const TYPO_MIX: Record<TypoKind, number> = { sound: 0.5, shape: 0.2, double: 0.1, extra: 0.1, drop: 0.1 };

/** Small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words typos are made in: of frequency 20 or more in the dictionary (a word of the reports' vocabulary, not a
 * name or a rare compound). */
const SITE_MIN_LN_FREQ = Math.log(20);
const NUMERAL = /[〇一二三四五六七八九十百千万亿两零]/;

interface Site { report: number; offsets: number[]; word: string; at: number }

/**
 * `count` typos, each in a copy of one of the reports: a word of two to four characters (a frequent dictionary word
 * inside a run of the prose, not a place name) changed so that it is no word any more.
 */
export function makeTypos(reports: readonly string[], count: number, seed: number, mix: Record<TypoKind, number> = TYPO_MIX): TypoMutation[] {
  const dict = dictionary();
  const places = gazetteer().names;
  const sites: Site[] = [];
  reports.forEach((text, report) => {
    const model = parseReport(text);
    for (const run of runsOf(text, proseSpans(model))) {
      const n = run.text.length;
      if (n < 6) continue;
      const u = Array.from(run.text, (c) => c.charCodeAt(0));
      const next = new Int32Array(n + 1);
      segment(dict, u, 0, n, next);
      for (let i = 0; i < n; i = next[i]) {
        const L = next[i] - i;
        // inside the run (its edges may be cut words), a frequent word of two to four characters
        if (L < 2 || L > 4 || i === 0 || next[i] === n) continue;
        const w = dict.find(u, i, L);
        if (w < 0 || dict.lnFreq(w) < SITE_MIN_LN_FREQ) continue;
        const word = run.text.slice(i, i + L);
        if (nearPlace(run.text, i, i + L, places)) continue;
        sites.push({ report, offsets: Array.from({ length: L }, (_, k) => offsetIn(run, i + k)), word, at: i });
      }
    }
  });
  if (!sites.length) return [];
  const rnd = random(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const kinds = Object.keys(mix) as TypoKind[];
  const total = kinds.reduce((s, k) => s + mix[k], 0);
  const out: TypoMutation[] = [];
  for (let guard = 0; out.length < count && guard < count * 50; guard++) {
    let r = rnd() * total, kind = kinds[0];
    for (const k of kinds) { if (r < mix[k]) { kind = k; break; } r -= mix[k]; }
    const site = pick(sites);
    const L = site.word.length;
    const k = Math.floor(rnd() * L);
    const c = site.word.charCodeAt(k);
    // numerals are never corrected (the checks leave numbers alone)
    if (NUMERAL.test(site.word[k])) continue;
    let typo: string, at: number, len: number, rel: number;
    if (kind === 'sound' || kind === 'shape') {
      const choices = (kind === 'sound' ? dict.sameSound(c) : dict.similarShapes(c)).filter((d) => d !== c && dict.isKnownChar(d));
      if (!choices.length) continue;
      typo = site.word.slice(0, k) + String.fromCharCode(pick(choices)) + site.word.slice(k + 1);
      at = k; len = 1; rel = 1;
    } else if (kind === 'double') {
      typo = site.word.slice(0, k + 1) + site.word[k] + site.word.slice(k + 1);
      at = k + 1; len = 0; rel = 1;
    } else if (kind === 'extra') {
      // between two characters of the word, one confused with either of them
      const gap = 1 + Math.floor(rnd() * (L - 1));
      const near = [...dict.sameSound(site.word.charCodeAt(gap - 1)), ...dict.sameSound(site.word.charCodeAt(gap))]
        .filter((d) => d !== site.word.charCodeAt(gap - 1) && d !== site.word.charCodeAt(gap) && dict.isKnownChar(d));
      if (!near.length) continue;
      typo = site.word.slice(0, gap) + String.fromCharCode(pick(near)) + site.word.slice(gap);
      at = gap; len = 0; rel = 1;
    } else {
      typo = site.word.slice(0, k) + site.word.slice(k + 1);
      at = k; len = 1; rel = 0;
    }
    // a typo that is itself a word is not what the dictionary can see (权利 / 权力): not made
    if (typo.length >= 2 && dict.has(typo)) continue;
    const text = reports[site.report];
    const from = site.offsets[at] ?? site.offsets[at - 1] + 1;
    const to = len ? site.offsets[at + len - 1] + 1 : from;
    const inserted = typo.slice(at, at + rel);
    const mutated = text.slice(0, from) + inserted + text.slice(to);
    // the range: the new character; for a drop, the characters either side of the gap
    const start = rel ? from : site.offsets[Math.max(0, at - 1)] ?? from - 1;
    const end = rel ? from + rel : from + 1;
    out.push({ kind, report: site.report, text: mutated, start, end, word: site.word, typo });
  }
  return out;
}

function nearPlace(s: string, a: number, b: number, places: ReadonlySet<string>): boolean {
  for (let x = Math.max(0, a - 7); x < b; x++) {
    for (let y = Math.max(x + 2, a + 1); y <= Math.min(s.length, x + 9); y++) if (places.has(s.slice(x, y))) return true;
  }
  return false;
}
