// The place the report's title names (淮安市, 瀍河回族区 …), checked against the gazetteer (data/places.json), and
// resolved to the real name when it is one character off a real one (an OCR misreading such as 灤河 for 瀍河).
import type { ReportModel, Span } from '../types';
import { dictionary } from './dictionary';
import { ETHNIC_RE, gazetteer, nearPlaces, traditionalMap } from './lexicon';
import { offsetIn, proseRuns } from './typos';

const SUFFIX = '省市区县旗州盟';

export interface TitlePlace {
  /** The place as written in the title, its range, and its stem (without suffix and ethnic part). */
  written: string;
  span: Span;
  stem: string;
  suffix: string;
  /** Is the written name a real place? */
  known: boolean;
  /** The real name when the written one is not a real place but one character off a unique real name. */
  corrected?: string;
  correctedStem?: string;
}

export function simplify(s: string): string {
  const map = traditionalMap();
  let out = '';
  for (const ch of s) out += map.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

export function isKnownPlace(name: string): boolean { return gazetteer().names.has(name); }

/**
 * A unique real name one character off `name`: the only one whose differing character is confusable with the
 * written one (same sound, similar shape: 沐阳县 → 沭阳县), else the one clearly closer by character code (same
 * radical block: an OCR misreading of a rare character, 灤河 → 瀍河).
 */
export function resolvePlace(name: string): string | undefined {
  const near = nearPlaces(name);
  if (!near.length) return undefined;
  const confusable = confusablePlaces(name, near);
  if (confusable.length === 1) return confusable[0];
  const best = near[0];
  const second = near.find((n) => n.name !== best.name);
  if (second && second.codeDistance < best.codeDistance * 3) return undefined;
  if (best.codeDistance > 0x400) return undefined;
  return best.name;
}

/** The distinct real names one confusable character off `name`, the place suffix kept. */
function confusablePlaces(name: string, near = nearPlaces(name)): string[] {
  const dict = dictionary();
  const out = new Set<string>();
  for (const n of near) {
    if (n.at === name.length - 1) continue;
    if (dict.confusion(name.charCodeAt(n.at), n.name.charCodeAt(n.at)) < Infinity) out.add(n.name);
  }
  return [...out];
}

export function stemOf(name: string): string {
  const m = ETHNIC_RE.exec(name);
  return m ? m[1] : name.slice(0, -1);
}

const cache = new WeakMap<ReportModel, TitlePlace | null>();

/** The most specific place named at the start of the title's agency (洛阳市瀍河回族区商务局 -> 瀍河回族区). */
export function titlePlace(model: ReportModel): TitlePlace | undefined {
  const hit = cache.get(model);
  if (hit !== undefined) return hit ?? undefined;
  const r = findTitlePlace(model);
  cache.set(model, r ?? null);
  return r;
}

function findTitlePlace(model: ReportModel): TitlePlace | undefined {
  const title = model.title;
  if (!title?.agency) return undefined;
  // the agency as written, less white space and what comes before its first Han character (a Markdown #)
  const agency = title.agency.replace(/\s+/g, '').replace(/^[^\u4e00-\u9fff]+/, '');
  let from = 0;
  let found: { name: string; known: boolean; corrected?: string } | undefined;
  for (let guard = 0; guard < 4 && from < agency.length; guard++) {
    let best: { name: string; known: boolean; corrected?: string } | undefined;
    for (let k = from + 2; k < Math.min(agency.length, from + 12); k++) {
      if (!SUFFIX.includes(agency[k])) continue;
      const cand = agency.slice(from, k + 1);
      const simp = simplify(cand);
      if (isKnownPlace(cand)) { best = { name: cand, known: true }; break; }
      const corrected = isKnownPlace(simp) ? simp : resolvePlace(simp);
      if (corrected) best = { name: cand, known: false, corrected };
    }
    if (!best) break;
    found = best;
    from += best.name.length;
  }
  if (!found) return undefined;
  const written = found.name;
  // locate it in the source title (which may have spaces or line breaks)
  const src = model.text.slice(title.start, title.end);
  const at = src.indexOf(written);
  if (at < 0) return undefined;
  const span = { start: title.start + at, end: title.start + at + written.length };
  return {
    written, span, stem: stemOf(written), suffix: written.slice(-1), known: found.known,
    corrected: found.corrected, correctedStem: found.corrected ? stemOf(found.corrected) : undefined,
  };
}

/** Characters that make a place suffix part of a longer word (沿河区域, 城市场): no place name then. */
export const SUFFIX_COMPOUND = new Set(Array.from('域间别分块位划场民容值面井'));

export interface PlaceMention extends Span {
  /** The stem as written here, and the stem it should be. */
  stem: string;
  expected: string;
}

const mentionCache = new WeakMap<ReportModel, PlaceMention[]>();

/**
 * Mentions of the title's place in the prose, as `stem + suffix` (灤河区, 漣河区), whose stem is the title's or one
 * character off it and is not itself a real place. `expected` is the corrected stem (瀍河) or the title's.
 */
export function placeMentions(model: ReportModel, spans: readonly Span[]): PlaceMention[] {
  const hit = mentionCache.get(model);
  if (hit) return hit;
  const out: PlaceMention[] = [];
  const tp = titlePlace(model);
  if (tp && tp.stem.length >= 2) {
    const text = model.text;
    const n = tp.stem.length;
    const suffixes = new Set([tp.suffix]);
    const expected = tp.correctedStem ?? tp.stem;
    for (const sp of spans) {
      for (let i = text.indexOf(tp.suffix, sp.start); i >= 0 && i < sp.end; i = text.indexOf(tp.suffix, i + 1)) {
        if (!suffixes.has(text[i]) || i - n < sp.start) continue;
        if (SUFFIX_COMPOUND.has(text[i + 1])) continue;
        const stem = text.slice(i - n, i);
        let diff = 0;
        for (let k = 0; k < n && diff < 2; k++) if (stem[k] !== tp.stem[k]) diff++;
        if (diff > 1) continue;
        if (diff === 1 && (isKnownPlace(stem + tp.suffix) || isKnownPlace(simplify(stem) + tp.suffix))) continue;
        if (!/^[\u4e00-\u9fff]+$/.test(stem)) continue;
        out.push({ start: i - n, end: i, stem, expected });
      }
    }
  }
  mentionCache.set(model, out);
  return out;
}

export interface MisspeltPlace extends Span {
  written: string;
  /** The real name. */
  right: string;
}

const misspeltCache = new WeakMap<ReportModel, MisspeltPlace[]>();
/** A stem this frequent as a word is read as that word (通过, 城市), not as a name. */
const COMMON_STEM_LN_FREQ = Math.log(100);
const PLACE_SUFFIX = new Set(Array.from(SUFFIX));

/**
 * Names in the prose that are no real place but one confusable character off exactly one real name of the same
 * length (沐阳县 → 沭阳县), outside titles of documents. Only where no real name ends at the same place suffix. Found
 * per run of Han characters (typos.ts proseRuns: 《》 titles are left out, line breaks inside words skipped), each run
 * once (cached by its text).
 */
export function misspeltPlaces(model: ReportModel): MisspeltPlace[] {
  const hit = misspeltCache.get(model);
  if (hit) return hit;
  const out: MisspeltPlace[] = [];
  for (const run of proseRuns(model)) {
    for (const p of placesInRun(run.text)) {
      out.push({ start: offsetIn(run, p.a), end: offsetIn(run, p.b - 1) + 1, written: p.written, right: p.right });
    }
  }
  misspeltCache.set(model, out);
  return out;
}

interface RunPlace { a: number; b: number; written: string; right: string }
const RUN_CACHE_MAX = 8192;
const runPlaces = new Map<string, RunPlace[]>();
const NONE: RunPlace[] = [];

function placesInRun(s: string): RunPlace[] {
  let found = runPlaces.get(s);
  if (found) return found;
  found = NONE;
  for (let i = 2; i < s.length; i++) {
    if (!PLACE_SUFFIX.has(s[i]) || SUFFIX_COMPOUND.has(s[i + 1])) continue;
    const p = placeEndingAt(s, i);
    if (p) (found === NONE ? (found = []) : found).push(p);
  }
  if (runPlaces.size >= RUN_CACHE_MAX) runPlaces.delete(runPlaces.keys().next().value!);
  runPlaces.set(s, found);
  return found;
}

/** The misspelt name ending with the place suffix at s[i], if any. */
function placeEndingAt(s: string, i: number): RunPlace | undefined {
  const dict = dictionary();
  let found: RunPlace | undefined;
  for (let L = 3; L <= 8 && i - L + 1 >= 0; L++) {
    const written = s.slice(i - L + 1, i + 1);
    if (isKnownPlace(written)) return undefined;
    // a common word before a place suffix (通过市, 全市区) is no name
    if (found || dict.has(written) || dict.lnFreqOf(written.slice(0, -1)) >= COMMON_STEM_LN_FREQ) continue;
    const right = confusablePlaces(written);
    if (right.length === 1) found = { a: i - L + 1, b: i + 1, written, right: right[0] };
  }
  return found;
}

const nameSpanCache = new WeakMap<ReportModel, Span[]>();

/** Every range name-mismatch reports (the title's place, its mentions, misspelt places): typo leaves them alone. */
export function nameSpans(model: ReportModel, spans: readonly Span[]): Span[] {
  const hit = nameSpanCache.get(model);
  if (hit) return hit;
  const out: Span[] = [];
  const tp = titlePlace(model);
  if (tp) out.push(tp.span);
  for (const m of placeMentions(model, spans)) out.push(m);
  for (const m of misspeltPlaces(model)) out.push(m);
  nameSpanCache.set(model, out);
  return out;
}
