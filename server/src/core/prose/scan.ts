// One pass over the text, shared by the prose rules: the positions of the few characters they look at (Latin
// letters, odd characters, traditional characters, punctuation, line breaks, the first characters of the words
// sentences are looked up by), and the line starts the engine's line index takes. Han characters, the bulk of a
// report, cost one table lookup each. Cached per text (its code units).
import type { ReportModel } from '../types';
import { codeUnits } from '../text';
import { spamLexicon, traditionalBits } from './lexicon';
import { SENTENCE_WORDS } from '../cross/claims';

export const LETTER = 1, ODD = 2, TRAD = 4, PUNCT = 8, SPAM = 16, WORD = 32, CR = 64;

/** Offsets, in order. */
export type Offsets = Int32Array;

export interface ProseScan {
  /** ASCII letters. */
  letters: Offsets;
  /** Replacement, private-use, control and Latin-extended characters (ſ). */
  odd: Offsets;
  /** Traditional-only characters. */
  trad: Offsets;
  /** First characters of strong spam terms (data/spam.json). */
  spam: Offsets;
  /** First characters of the sentence words (cross/claims.ts SENTENCE_WORDS). */
  words: Offsets;
  /** Punctuation the punctuation rules look at (ASCII , ; : ? ! ( ) ", CJK marks, brackets, quotes) and line breaks. */
  punct: Offsets;
  /** The offset of each line's start, as LineIndex has them (\r\n, \r and \n end a line). */
  lines: Offsets;
}

/** A list of offsets twice as long, the first n kept. */
function grown(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a.subarray(0, n));
  return b;
}

let CLS: Uint8Array | undefined;

function classes(): Uint8Array {
  if (CLS) return CLS;
  const cls = new Uint8Array(65536);
  for (let c = 65; c <= 90; c++) cls[c] |= LETTER;
  for (let c = 97; c <= 122; c++) cls[c] |= LETTER;
  cls[0xfffd] |= ODD;
  for (let c = 0xe000; c <= 0xf8ff; c++) cls[c] |= ODD;
  for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) cls[c] |= ODD;
  for (let c = 0x17f; c <= 0x24f; c++) if (c !== 0x1ce && c !== 0x1d0 && c !== 0x1d2 && c !== 0x1d4) cls[c] |= ODD;
  const bits = traditionalBits();
  for (let c = 0; c < 65536; c++) if (bits[c]) cls[c] |= TRAD;
  for (const ch of ',;:?!()"\n，。、；：！？《》（）“”‘’【】〔〕') cls[ch.charCodeAt(0)] |= PUNCT;
  cls[13] |= CR;
  const lex = spamLexicon();
  lex.terms.forEach((term, k) => { if (lex.kinds[k] === 'strong') cls[term.charCodeAt(0)] |= SPAM; });
  for (const w of SENTENCE_WORDS) cls[w.charCodeAt(0)] |= WORD;
  CLS = cls;
  return cls;
}

/** The first index of sorted offsets at or after x. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Scratch lists of the scan, reused between texts (the engine is synchronous), kept up to SCRATCH_KEEP entries. */
const SCRATCH_KEEP = 1 << 16;
let S_LETTERS: Int32Array = new Int32Array(256), S_ODD: Int32Array = new Int32Array(64), S_TRAD: Int32Array = new Int32Array(64);
let S_PUNCT: Int32Array = new Int32Array(1024), S_SPAM: Int32Array = new Int32Array(256), S_WORDS: Int32Array = new Int32Array(256);
let S_LINES: Int32Array = new Int32Array(1024);

/** Keyed by the text's code units: codeUnits gives a new string with the same contents the same array. */
const cache = new WeakMap<Uint16Array, ProseScan>();

export function proseScan(model: ReportModel): ProseScan {
  return textScan(model.text);
}

export function textScan(text: string): ProseScan {
  const u = codeUnits(text);
  let r = cache.get(u);
  if (r) return r;
  const cls = classes();
  // the lists are filled in scratch arrays kept between texts, then copied into one array of their total size: a
  // typed array of more than a few dozen bytes costs an allocation outside the heap, and seven of them (grown by
  // doubling) were a quarter of the scan
  let letters: Int32Array = S_LETTERS, odd: Int32Array = S_ODD, trad: Int32Array = S_TRAD, punct: Int32Array = S_PUNCT;
  let spam: Int32Array = S_SPAM, words: Int32Array = S_WORDS, lines: Int32Array = S_LINES;
  let nl = 0, no = 0, nt = 0, np = 0, ns = 0, nw = 0, nn = 1;
  lines[0] = 0;
  for (let i = 0; i < u.length; i++) {
    let k = cls[u[i]];
    if (k === 0) continue;
    if (k & (SPAM | WORD)) {
      if (k & SPAM) { if (ns === spam.length) spam = grown(spam, ns); spam[ns++] = i; }
      if (k & WORD) { if (nw === words.length) words = grown(words, nw); words[nw++] = i; }
      k &= ~(SPAM | WORD);
      if (!k) continue;
    }
    if (k & PUNCT) {
      if (np === punct.length) punct = grown(punct, np);
      punct[np++] = i;
      if (u[i] === 10) { if (nn === lines.length) lines = grown(lines, nn); lines[nn++] = i + 1; }
    } else if (k & CR) {
      // \r\n is one line break, at its \n
      if (u[i + 1] !== 10) { if (nn === lines.length) lines = grown(lines, nn); lines[nn++] = i + 1; }
    } else if (k & LETTER) { if (nl === letters.length) letters = grown(letters, nl); letters[nl++] = i; }
    else if (k & TRAD) { if (nt === trad.length) trad = grown(trad, nt); trad[nt++] = i; }
    else { if (no === odd.length) odd = grown(odd, no); odd[no++] = i; }
  }
  // grown scratch is kept for the next text, up to SCRATCH_KEEP entries a list
  const keep = (a: Int32Array): boolean => a.length <= SCRATCH_KEEP;
  if (keep(letters)) S_LETTERS = letters;
  if (keep(odd)) S_ODD = odd;
  if (keep(trad)) S_TRAD = trad;
  if (keep(punct)) S_PUNCT = punct;
  if (keep(spam)) S_SPAM = spam;
  if (keep(words)) S_WORDS = words;
  if (keep(lines)) S_LINES = lines;
  const all = new Int32Array(nl + no + nt + np + ns + nw + nn);
  let at = 0;
  const put = (a: Int32Array, n: number): Int32Array => { all.set(a.subarray(0, n), at); at += n; return all.subarray(at - n, at); };
  r = {
    letters: put(letters, nl), odd: put(odd, no), trad: put(trad, nt), punct: put(punct, np),
    spam: put(spam, ns), words: put(words, nw), lines: put(lines, nn),
  };
  cache.set(u, r);
  return r;
}
