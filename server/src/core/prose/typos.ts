// The dictionary typo detector. A typo leaves a run of characters that is no word: the dictionary's best
// segmentation splits it into lone characters. At each lone character the detector tries the corrections one
// confusable change away that make a frequent word (a character replaced by one of the same sound or a similar
// shape, an extra character removed, a missing one put back), and keeps those that the dictionary's unigram model
// finds more probable than the text as written by more than the cost of the typo (the channel model).
//
// Text is taken as runs of Han characters: white space between two Han characters is skipped (PDF and web text
// wrap lines inside words), anything else ends a run; text inside 《》 and short quotations is left out (titles and
// names). The candidates of a run depend on the run alone and are cached by its text, so that a check after a
// keystroke looks again only at the runs it changed; what depends on the whole document (the words it uses
// elsewhere, spellings it repeats) is applied by the rule on the few candidates left.
import { codeUnits } from '../text';
import type { Span } from '../types';
import { TEMPLATE } from '../template';
import { COST, dictionary, TARGET_MIN_LN_FREQ, type Dictionary } from './dictionary';
import { segment } from './segment';
import { isHan } from './util';

/** A run of Han characters of the prose, with the source offset of each. */
export interface Run {
  text: string;
  offsets: Int32Array;
  /** Is the run followed by punctuation that ends a clause (，。；：！？、) or by nothing? */
  endsClause: boolean;
  /**
   * Is the run preceded by such punctuation or by nothing? A run after a bracket, a quotation mark, a digit or a
   * Latin letter may start inside a word (处（科）长讲), so its first character is not corrected.
   */
  startsClause: boolean;
}

export type CandidateKind = 'replaced' | 'extra' | 'missing';

/** A correction of run[a, b) into `word`. */
export interface Candidate {
  kind: CandidateKind;
  a: number;
  b: number;
  word: string;
  /** The model's gain less the typo's cost, in nats (the dictionary alone). */
  net: number;
  /** ln(frequency) of the word the correction makes (the document's own use of it is weighed by the rule). */
  lnFreq: number;
  /** The word the correction makes (part of `word`, or all of it). */
  target: string;
}

/** Thresholds and costs of the detector, in nats. */
export const TYPO_MODEL = {
  /** A correction is reported when its net gain (with the document's boost) is above this. */
  threshold: -3,
  /** The most the document's own use of the corrected word can add. */
  boostCap: 4,
  /** One use of a word in the document weighs like this many in the dictionary's corpus. */
  documentWeight: 1000,
  /** A character left out inside a word, and an extra one typed (next to one it is confused with). */
  missing: 10,
  extra: 16,
  /** Candidates this far below the threshold are kept in the cache (the document's boost can lift them). */
  get keep(): number { return this.threshold - this.boostCap; },
  /** The gap that makes the best of several corrections the preferred one. */
  preferMargin: 2,
};

/** Numerals: never corrected, nor corrected to (破亿, 二十届). */
const NUMERAL = new Set(Array.from('〇一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾佰仟').map((c) => c.charCodeAt(0)));
const CLAUSE_END = new Set(Array.from('，。；：！？、,;:!?'));
const SPACE = new Set([32, 9, 10, 13, 0x3000]);
/** A quotation this short is taken as a name (“张江高新区”专栏, “三审三校”) and left out. */
const NAME_QUOTE_MAX = 15;

/** The runs of Han characters of the text's spans. */
export function runsOf(text: string, spans: readonly Span[]): Run[] {
  const u = codeUnits(text);
  const out: Run[] = [];
  const offs: number[] = [];
  let spanStart = 0, spanEnd = 0;
  const flush = (after: number) => {
    if (offs.length >= 2) {
      let s = '';
      for (const o of offs) s += text[o];
      // the characters around the run that are not white space
      let k = after;
      while (k < spanEnd && SPACE.has(u[k])) k++;
      let j = offs[0] - 1;
      while (j >= spanStart && SPACE.has(u[j])) j--;
      out.push({
        text: s, offsets: Int32Array.from(offs),
        endsClause: k >= spanEnd || CLAUSE_END.has(text[k]),
        startsClause: j < spanStart || CLAUSE_END.has(text[j]),
      });
    }
    offs.length = 0;
  };
  for (const sp of spans) {
    spanStart = sp.start; spanEnd = sp.end;
    let skipTo = -1;
    for (let i = sp.start; i < sp.end; i++) {
      if (i < skipTo) continue;
      const c = u[i];
      if (isHanUnit(c)) { offs.push(i); continue; }
      if (SPACE.has(c) && offs.length) {
        // a line break inside a word (PDF wrapping) is skipped; a blank line ends the paragraph
        let k = i, breaks = 0;
        while (k < sp.end && SPACE.has(u[k])) { if (u[k] === 10) breaks++; k++; }
        if (breaks < 2 && k < sp.end && isHanUnit(u[k])) { i = k - 1; continue; }
      }
      flush(i);
      // titles of documents, and short quotations (names of columns, slogans), are left out
      if (c === 0x300a /* 《 */) {
        const close = text.indexOf('》', i + 1);
        if (close > 0 && close < sp.end) skipTo = close + 1;
      } else if (c === 0x201c /* “ */) {
        const close = text.indexOf('”', i + 1);
        if (close > 0 && close < sp.end && close - i - 1 <= NAME_QUOTE_MAX) skipTo = close + 1;
      }
    }
    flush(sp.end);
  }
  return out;
}

function isHanUnit(c: number): boolean { return c >= 0x4e00 && c <= 0x9fff; }

// ---------------------------------------------------------------- candidates of a run (cached)

const CACHE_MAX = 8192;
const cache = new Map<string, Candidate[]>();

/** The candidates of a run, from the cache when its text was seen before. */
export function runCandidates(run: Run): Candidate[] {
  const key = (run.startsClause ? '1' : '0') + (run.endsClause ? '1' : '0') + run.text;
  const hit = cache.get(key);
  if (hit) {
    // most recently used last: the oldest entries go first when the cache is full
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const found = findCandidates(dictionary(), run.text, run.startsClause, run.endsClause);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

/** Entries in the run cache (for tests). */
export function runCacheSize(): number { return cache.size; }

let nextScratch = new Int32Array(256);
const WINDOW = 6;

/** Every correction of the run worth weighing (net gain above TYPO_MODEL.keep), best first. */
export function findCandidates(dict: Dictionary, text: string, startsClause: boolean, endsClause: boolean): Candidate[] {
  const n = text.length;
  const u = new Uint16Array(n);
  for (let i = 0; i < n; i++) u[i] = text.charCodeAt(i);
  if (nextScratch.length < n + 1) nextScratch = new Int32Array(n + 1);
  const next = nextScratch;
  segment(dict, u, 0, n, next);
  const lone = new Uint8Array(n);
  for (let i = 0; i < n; i = next[i]) if (next[i] === i + 1) lone[i] = 1;
  const del = dict.deletions();
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const origScore = new Map<number, number>();
  const edited = new Uint16Array(n + 2 * WINDOW + 8);
  const editNext = new Int32Array(edited.length + 1);

  /** Weigh the correction of u[a, b) into the units `w` (the word made spans run[wa, wb) after the edit, at most 4). */
  const weigh = (kind: CandidateKind, a: number, b: number, w: number[], changedFrom: number, changedTo: number, cost: number, target: number) => {
    // a run that does not start or end a clause may be cut inside a word there
    if ((a === 0 && !startsClause) || (b === n && !endsClause)) return;
    // a character put back at the edge of the run: the run's neighbour may be that character (分\n- 1 -\n级审核)
    if (kind === 'missing' && cost > 0 && ((a === 0 && changedFrom === 0) || (b === n && changedFrom === w.length - 1))) return;
    const word = String.fromCharCode(...w);
    const key = a + ':' + b + ':' + word;
    if (seen.has(key)) return;
    seen.add(key);
    const lo = Math.max(0, a - WINDOW), hi = Math.min(n, b + WINDOW);
    const ok = lo * 65536 + hi;
    let so = origScore.get(ok);
    if (so === undefined) { so = segment(dict, u, lo, hi); origScore.set(ok, so); }
    let m = 0;
    for (let i = lo; i < a; i++) edited[m++] = u[i];
    for (const c of w) edited[m++] = c;
    for (let i = b; i < hi; i++) edited[m++] = u[i];
    const se = segment(dict, edited, 0, m, editNext);
    const net = se - so - cost;
    if (net <= TYPO_MODEL.keep) return;
    // the changed characters (edited coordinates) must end up inside one word of two or more characters
    const c0 = a - lo + changedFrom, c1 = a - lo + changedTo;
    let inWord = false;
    for (let i = 0; i < m; i = editNext[i]) {
      if (i <= c0 && editNext[i] >= c1) { inWord = editNext[i] - i >= 2; break; }
      if (i > c0) break;
    }
    if (!inWord) return;
    out.push({ kind, a, b, word, net, lnFreq: dict.lnFreq[target], target: dict.word(target) });
  };

  const units = (from: number, to: number): number[] => Array.from(u.subarray(from, to));
  for (let i = 0; i < n; i++) {
    // numerals are never corrected; a character next to its double is duplicate-text's
    if (!lone[i] || NUMERAL.has(u[i]) || u[i] === u[i - 1] || u[i] === u[i + 1]) continue;
    const ci = u[i];
    // a character typed for another: run[a, a + L) with character i replaced is a word
    for (let L = 2; L <= 4; L++) {
      for (let a = Math.max(0, i - L + 1); a <= i && a + L <= n; a++) {
        del.forEach(u, a, L, i, (w, k) => {
          if (k !== i - a) return;
          const cw = dict.units[dict.start[w] + k];
          if (NUMERAL.has(cw)) return;
          const cost = dict.confusion(ci, cw);
          if (cost === Infinity) return;
          const rep = units(a, a + L);
          rep[k] = cw;
          weigh('replaced', a, a + L, rep, k, k + 1, cost, w);
        });
      }
    }
    // an extra character, next to one it is confused with (a doubled character is duplicate-text's)
    const nearPrev = i > 0 && u[i - 1] !== ci && dict.confusion(u[i - 1], ci) < Infinity;
    const nearNext = i + 1 < n && u[i + 1] !== ci && dict.confusion(u[i + 1], ci) < Infinity;
    if (nearPrev || nearNext) {
      for (let L = 2; L <= 4; L++) {
        for (let a = Math.max(0, i - L); a <= i && a + L + 1 <= n; a++) {
          if (a === i || a + L === i) continue; // the junction must be inside the word
          const w = dict.findSkipping(u, a, L + 1, i);
          if (w < 0 || dict.lnFreq[w] < TARGET_MIN_LN_FREQ) continue;
          const rep = units(a, a + L + 1);
          rep.splice(i - a, 1);
          weigh('extra', a, a + L + 1, rep, i - a - 1, i - a + 1, TYPO_MODEL.extra, w);
        }
      }
    }
    // a character left out of a word of three or four: run[a, a + m) is that word less one character
    for (let m = 2; m <= 3; m++) {
      for (let a = Math.max(0, i - m + 1); a <= i && a + m <= n; a++) {
        del.forEach(u, a, m, -1, (w, k) => {
          if (NUMERAL.has(dict.units[dict.start[w] + k])) return;
          const rep = units(a, a + m);
          rep.splice(k, 0, dict.units[dict.start[w] + k]);
          weigh('missing', a, a + m, rep, k, k + 1, TYPO_MODEL.missing, w);
        });
      }
    }
  }
  // a word cut short at the end of a clause (受理渠。 for 受理渠道): its lone last character nearly always starts
  // one word, and the word before it is a word of its own
  if (endsClause && n >= 3 && lone[n - 1] && !lone[n - 2]) {
    const c = dict.completionOf(u[n - 1]);
    if (c) {
      const rep = [u[n - 1], c.next];
      // no cost: the conditions stand for the channel; the model must still prefer the whole word
      weigh('missing', n - 1, n, rep, 1, 2, 0, c.word);
    }
  }
  out.sort((x, y) => y.net - x.net);
  return out;
}

// ---------------------------------------------------------------- official labels

let labelGrams: Set<string> | undefined;

/** Every three-character piece of the template's headings, labels and captions (text the rules compare exactly). */
export function officialTrigrams(): Set<string> {
  if (labelGrams) return labelGrams;
  const set = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      const han = Array.from(v).filter((c) => isHan(c.charCodeAt(0))).join('');
      for (let i = 0; i + 3 <= han.length; i++) set.add(han.slice(i, i + 3));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(TEMPLATE.sections);
  visit(TEMPLATE.versions);
  labelGrams = set;
  return set;
}
