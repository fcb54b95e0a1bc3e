// Word segmentation by the dictionary's unigram model: the split of a run of Han characters into dictionary words
// (a character that is no word stands alone) with the greatest product of word probabilities (Viterbi, right to
// left, as jieba's DAG). Its log-probability is the language model the typo detector compares corrections with.
import type { Dictionary } from './dictionary';

let scratch = new Float64Array(256);

/**
 * Best segmentation of u[from .. to): returns its log-probability; when `next` is given (length ≥ to - from + 1),
 * next[i - from] is the end of the word that starts at i on the best path; when `best` is, best[i - from] is the
 * log-probability of the best segmentation of u[i .. to).
 */
export function segment(dict: Dictionary, u: ArrayLike<number>, from: number, to: number, next?: Int32Array, best?: Float64Array): number {
  const n = to - from;
  if (!best) {
    if (scratch.length < n + 1) scratch = new Float64Array(Math.max(n + 1, scratch.length * 2));
    best = scratch;
  }
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const at = from + i;
    const w1 = dict.find(u, at, 1);
    let b = (w1 >= 0 ? dict.logp(w1) : dict.unknown) + best[i + 1];
    let end = i + 1;
    const maxL = Math.min(dict.maxLenFrom[u[at]], n - i);
    for (let L = 2; L <= maxL; L++) {
      const w = dict.find(u, at, L);
      if (w < 0) continue;
      const v = dict.logp(w) + best[i + L];
      if (v > b) { b = v; end = i + L; }
    }
    best[i] = b;
    if (next) next[i] = end;
  }
  return best[0];
}
