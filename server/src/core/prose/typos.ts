// The dictionary typo detector. A typo leaves a run of characters that is no word: the dictionary's best
// segmentation splits it into lone characters. At each lone character the detector tries the corrections one
// confusable change away that make a frequent word (a character replaced by one of the same sound or a similar
// shape, an extra character removed, a missing one put back, a word cut short at the end of a clause), and keeps
// those that make the run more probable under the dictionary's unigram model by more than the cost of the typo
// (a noisy channel: a typo of the same sound is the likeliest, one of similar shape less, an extra character least).
//
// Text is taken as runs of Han characters: white space between two Han characters is skipped (PDF and web text
// wrap lines inside words), anything else ends a run; text inside 《》 and short quotations is left out (titles and
// names). The candidates of a run depend on the run alone and are cached by its text, so that a check after a
// keystroke looks again only at the runs it changed; what depends on the whole document (the words it uses
// elsewhere, spellings it repeats) is applied by the rule on the few candidates left.
import { codeUnits } from '../text';
import type { ReportModel, Span } from '../types';
import { TEMPLATE } from '../template';
import { COST, dictionary, TARGET_MIN_LN_FREQ, type Dictionary } from './dictionary';
import { proseSpans } from './regions';
import { segment } from './segment';
import { isHan } from './util';

/** A run of Han characters of the prose, with the source offset of each. */
export interface Run {
  text: string;
  /** Source offset of the first character. */
  start: number;
  /** Source offset of each character, when the run crosses white space (else start + index). */
  offsets?: Int32Array;
  /** Is the run followed by punctuation that ends a clause (，。；：！？、) or by nothing? */
  endsClause: boolean;
  /**
   * Is the run preceded by such punctuation or by nothing? A run after a bracket, a quotation mark, a digit or a
   * Latin letter may start inside a word (处（科）长讲), so its first character is not corrected.
   */
  startsClause: boolean;
}

/** The source offset of character k of a run. */
export function offsetIn(run: Run, k: number): number {
  return run.offsets ? run.offsets[k] : run.start + k;
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
  /** ln(frequency) of the word (the document's own use of it is weighed by the rule). */
  lnFreq: number;
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

/** How far a closing 》 or ” is looked for (a title or name is never longer). */
const CLOSE_WITHIN = 200;

/** Character classes for runsOf: Han, white space, punctuation that ends a clause, an opening 《 or “. */
const C_HAN = 1, C_SPACE = 2, C_CLAUSE = 3, C_TITLE = 4, C_QUOTE = 5;
let classes: Uint8Array | undefined;
function charClasses(): Uint8Array {
  if (classes) return classes;
  const c = new Uint8Array(65536);
  for (let i = 0x4e00; i <= 0x9fff; i++) c[i] = C_HAN;
  for (const s of SPACE) c[s] = C_SPACE;
  for (const ch of CLAUSE_END) c[ch.charCodeAt(0)] = C_CLAUSE;
  c[0x300a] = C_TITLE;
  c[0x201c] = C_QUOTE;
  return (classes = c);
}

/** The runs of Han characters of the text's spans. */
export function runsOf(text: string, spans: readonly Span[]): Run[] {
  const u = codeUnits(text);
  const cls = charClasses();
  const out: Run[] = [];
  for (const sp of spans) {
    // the run being read: from rs to last; gapped: it crosses white space
    let rs = -1, last = -1, count = 0, gapped = false;
    for (let i = sp.start; i <= sp.end; i++) {
      const k = i < sp.end ? cls[u[i]] : 0;
      if (k === C_HAN) { if (rs < 0) rs = i; last = i; count++; continue; }
      if (k === C_SPACE && count) {
        // a line break inside a word (PDF wrapping) is skipped; a blank line ends the paragraph
        let j = i, breaks = 0;
        while (j < sp.end && cls[u[j]] === C_SPACE) { if (u[j] === 10) breaks++; j++; }
        if (breaks < 2 && j < sp.end && cls[u[j]] === C_HAN) { gapped = true; i = j - 1; continue; }
      }
      if (count >= 2) {
        let s: string, offsets: Int32Array | undefined;
        if (!gapped) s = text.slice(rs, last + 1);
        else {
          // the pieces between the white space, joined
          offsets = new Int32Array(count);
          const pieces: string[] = [];
          let n = 0, from = rs;
          for (let j = rs; j <= last + 1; j++) {
            if (j <= last && cls[u[j]] === C_HAN) { offsets[n++] = j; continue; }
            if (j > from) pieces.push(text.slice(from, j));
            from = j + 1;
          }
          s = pieces.join('');
        }
        // the characters around the run that are not white space
        let a = i;
        while (a < sp.end && cls[u[a]] === C_SPACE) a++;
        let b = rs - 1;
        while (b >= sp.start && cls[u[b]] === C_SPACE) b--;
        out.push({
          text: s, start: rs, offsets,
          endsClause: a >= sp.end || cls[u[a]] === C_CLAUSE,
          startsClause: b < sp.start || cls[u[b]] === C_CLAUSE,
        });
      }
      rs = -1; count = 0; gapped = false;
      // titles of documents, and short quotations (names of columns, slogans), are left out
      if (k === C_TITLE) {
        const close = closing(u, i + 1, Math.min(sp.end, i + CLOSE_WITHIN), 0x300b /* 》 */);
        if (close >= 0) i = close;
      } else if (k === C_QUOTE) {
        const close = closing(u, i + 1, Math.min(sp.end, i + 2 + NAME_QUOTE_MAX), 0x201d /* ” */);
        if (close >= 0) i = close;
      }
    }
  }
  return out;
}

function closing(u: Uint16Array, from: number, to: number, c: number): number {
  for (let i = from; i < to; i++) if (u[i] === c) return i;
  return -1;
}

const proseRunCache = new WeakMap<ReportModel, Run[]>();

/** The runs of the report's prose (outside the tables), computed once per model. */
export function proseRuns(model: ReportModel): Run[] {
  let r = proseRunCache.get(model);
  if (!r) { r = runsOf(model.text, proseSpans(model)); proseRunCache.set(model, r); }
  return r;
}


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
  computed++;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

let computed = 0;

/** The run cache: its entries (at most CACHE_MAX) and how many runs were computed, not found in it, so far. */
export function runCacheStats(): { size: number; max: number; computed: number } {
  return { size: cache.size, max: CACHE_MAX, computed };
}

/**
 * The best segmentation scores of each prefix (forward[i]: of run[0, i)) and suffix (backward[i]: of run[i, n)) of
 * a run, and which characters stand alone in the best segmentation of the whole run.
 */
function scores(dict: Dictionary, u: Uint16Array): { forward: Float64Array; backward: Float64Array; lone: Uint8Array } {
  const n = u.length;
  const forward = new Float64Array(n + 1), backward = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  segment(dict, u, 0, n, next, backward);
  forward[0] = 0;
  for (let j = 1; j <= n; j++) {
    const w1 = dict.find(u, j - 1, 1);
    let best = forward[j - 1] + (w1 >= 0 ? dict.logp(w1) : dict.unknown);
    for (let L = 2; L <= Math.min(j, 16); L++) {
      if (dict.maxLenFrom[u[j - L]] < L) continue;
      const w = dict.find(u, j - L, L);
      if (w >= 0) best = Math.max(best, forward[j - L] + dict.logp(w));
    }
    forward[j] = best;
  }
  const lone = new Uint8Array(n);
  for (let i = 0; i < n; i = next[i]) if (next[i] === i + 1) lone[i] = 1;
  return { forward, backward, lone };
}

/**
 * Every correction of the run worth weighing (net gain above TYPO_MODEL.keep), best first. A correction makes a
 * frequent word T of run[a, b) changed; its gain is the model's score of the run read with T as one word (the best
 * segmentations of run[0, a) and run[b, n) around it) less the score of the run as written.
 */
export function findCandidates(dict: Dictionary, text: string, startsClause: boolean, endsClause: boolean): Candidate[] {
  const n = text.length;
  const u = new Uint16Array(n);
  for (let i = 0; i < n; i++) u[i] = text.charCodeAt(i);
  const { forward, backward, lone } = scores(dict, u);
  const whole = backward[0];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const key = [0, 0, 0, 0, 0];

  /** Weigh run[a, b) read as the frequent word w; cost: the channel's. */
  const weigh = (kind: CandidateKind, a: number, b: number, w: number, cost: number) => {
    // a run that does not start or end a clause may be cut inside a word there
    if ((a === 0 && !startsClause) || (b === n && !endsClause)) return;
    const net = forward[a] + dict.logp(w) + backward[b] - whole - cost;
    if (net <= TYPO_MODEL.keep) return;
    const word = dict.word(w);
    const k = a + ':' + b + ':' + word;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ kind, a, b, word, net, lnFreq: dict.lnFreq(w) });
  };

  for (let i = 0; i < n; i++) {
    // numerals are never corrected; a character next to its double is duplicate-text's
    if (!lone[i] || NUMERAL.has(u[i]) || u[i] === u[i - 1] || u[i] === u[i + 1]) continue;
    const ci = u[i];
    const costs = dict.confusionCosts(ci);
    /** Can a word of length L starting with c over run[a, b) gain enough at the least cost? */
    const may = (a: number, b: number, c: number, L: number, cost: number) =>
      forward[a] + dict.bestLogp(c, L) + backward[b] - whole - cost > TYPO_MODEL.keep;
    // a character typed for another: run[a, a + L) with character i replaced is a frequent word
    for (let L = 2; L <= 4; L++) {
      for (let a = Math.max(0, i - L + 1); a <= i && a + L <= n; a++) {
        const k = i - a;
        if (k === 0) {
          // the first character replaced: look the word up for each character confused with it (words of two or
          // three characters: a longer word is rarely mistyped at its first character alone)
          if (L > 3) continue;
          for (let j = 0; j < L; j++) key[j] = u[a + j];
          const confused = dict.confusables(ci);
          for (let q = 0; q < confused.length; q++) {
            const cw = confused[q];
            if (NUMERAL.has(cw) || !may(a, a + L, cw, L, COST.sameSound)) continue;
            key[0] = cw;
            const w = dict.find(key, 0, L);
            if (w >= 0 && dict.lnFreq(w) >= TARGET_MIN_LN_FREQ) weigh('replaced', a, a + L, w, costs.get(cw)!);
          }
        } else {
          // the words sharing the characters before i; those that also share the ones after it
          if (!may(a, a + L, u[a], L, COST.sameSound)) continue;
          const r = dict.prefixRange(u, a, k, L);
          for (let w = r.first, off = r.offset; w < r.end; w++, off += L) {
            let same = true;
            for (let p = k + 1; p < L && same; p++) same = dict.unitAtOffset(off + p) === u[a + p];
            if (!same || dict.lnFreq(w) < TARGET_MIN_LN_FREQ) continue;
            const cost = costs.get(dict.unitAtOffset(off + k));
            if (cost !== undefined) weigh('replaced', a, a + L, w, cost);
          }
        }
      }
    }
    // an extra character, next to one it is confused with (a doubled character is duplicate-text's)
    const nearPrev = i > 0 && dict.confusion(u[i - 1], ci) < Infinity;
    const nearNext = i + 1 < n && dict.confusion(u[i + 1], ci) < Infinity;
    if (nearPrev || nearNext) {
      for (let L = 2; L <= 4; L++) {
        // the word is run[a, a + L + 1) less character i, which must fall inside it
        for (let a = Math.max(0, i - L + 1); a < i && a + L + 1 <= n; a++) {
          let m = 0;
          for (let p = a; p < a + L + 1; p++) if (p !== i) key[m++] = u[p];
          const w = dict.find(key, 0, L);
          if (w >= 0 && dict.lnFreq(w) >= TARGET_MIN_LN_FREQ) weigh('extra', a, a + L + 1, w, TYPO_MODEL.extra);
        }
      }
    }
    // a character left out inside a word of three or four: run[a, a + m) is that word less one of its inner characters
    for (let m = 2; m <= 3; m++) {
      for (let a = Math.max(0, i - m + 1); a <= i && a + m <= n; a++) {
        if (!may(a, a + m, u[a], m + 1, TYPO_MODEL.missing)) continue;
        for (let k = 1; k < m; k++) {
          const r = dict.prefixRange(u, a, k, m + 1);
          for (let w = r.first, off = r.offset; w < r.end; w++, off += m + 1) {
            let same = true;
            for (let p = k; p < m && same; p++) same = dict.unitAtOffset(off + p + 1) === u[a + p];
            if (!same || dict.lnFreq(w) < TARGET_MIN_LN_FREQ || NUMERAL.has(dict.unitAtOffset(off + k))) continue;
            weigh('missing', a, a + m, w, TYPO_MODEL.missing);
          }
        }
      }
    }
  }
  // a word cut short at the end of a clause (受理渠。 for 受理渠道): its lone last character nearly always starts
  // one word, and the word before it is a word of its own
  if (endsClause && n >= 3 && lone[n - 1] && !lone[n - 2]) {
    const c = dict.completionOf(u[n - 1]);
    // no cost: the conditions stand for the channel; the model must still prefer the whole word
    if (c) weigh('missing', n - 1, n, c.word, 0);
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
