// typo: wrong characters and words in the prose. Two sources:
// - the lexicon (data/typos.json, data/words.json): listed misspellings, including pairs of two real words that only
//   context tells apart (图文形势, 截止/截至), and fixed expressions one confusable character off; one Aho–Corasick
//   pass per prose span;
// - the dictionary detector (prose/typos.ts): a run of characters that is no word but becomes a frequent word by one
//   confusable change. Its candidates are weighed here against the document: a spelling the document repeats is
//   taken as meant, a correction to a word the document uses elsewhere gains weight; names, titles of documents,
//   official labels and the user's words are left alone.
import { gazetteer, typoLexicon } from '../prose/lexicon';
import { nameSpans } from '../prose/places';
import { proseSpans } from '../prose/regions';
import { Automaton, type AcMatch } from '../prose/automaton';
import { officialTrigrams, offsetIn, proseRuns, runCandidates, TYPO_MODEL, type Candidate, type Run } from '../prose/typos';
import { coveredByUserWord, userWordSpans } from '../prose/util';
import type { Span } from '../types';
import type { ReportRule, RuleContext } from './rule';

export const typo: ReportRule = {
  id: 'typo',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '错别字', en: 'Wrong character or word' },
  description: {
    'zh-CN': '错别字和用错的词：不成词、改一个音近或形近的字就成为常用词的字串（工做→工作）、多字漏字（受理渠→受理渠道），以及词表中的搭配错误（图文形势→图文形式、显着→显著）',
    en: 'wrong characters and words: a run that is no word but one similar-sounding or similar-looking character from a common word (工做→工作), an extra or missing character (受理渠→受理渠道), and listed misuses (图文形势→图文形式, 显着→显著)',
  },
  check(ctx) {
    const taken = lexiconTypos(ctx);
    dictionaryTypos(ctx, taken);
  },
};

/** The lexicon's typos; returns the ranges reported. */
function lexiconTypos({ model, text, words, t, report }: RuleContext): Span[] {
  const lex = typoLexicon();
  const user = userWordSpans(text, words);
  const allowed: AcMatch[] = [];
  const hits: AcMatch[] = [];
  const taken: Span[] = [];
  // white space is skipped: PDF and web text break words at line ends (显\n着)
  for (const span of proseSpans(model)) {
    lex.automaton.scanStarts(text, span.start, span.end, (start, end, id) => (lex.entries[id] ? hits : allowed).push({ start, end, id }));
  }
  if (!hits.length) return taken;
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  let limit = -1;
  for (const m of hits) {
    if (m.start < limit) continue;
    if (allowed.some((a) => a.start <= m.start && a.end >= m.end && a.end - a.start > m.end - m.start)) continue;
    const e = lex.entries[m.id]!;
    const start = skip(text, m.start, e.at), end = skip(text, start, e.len - 1) + 1;
    if (coveredByUserWord(user, start, end) || coveredByUserWord(user, m.start, m.end)) continue;
    limit = m.end;
    taken.push({ start: m.start, end: m.end });
    const wrong = e.wrong;
    // built only when listed (a long text can repeat a misspelling thousands of times)
    report(() => ({
      start, end,
      message: e.kind === 'word'
        ? t(`“${wrong}”疑为“${e.right}”之误`, `"${wrong}" looks like a misspelling of "${e.right}"`)
        : t(`“${wrong}”应为“${e.right}”`, `"${wrong}" should be "${e.right}"`),
      fixes: [
        { title: t(`改为“${e.fix}”`, `Change to "${e.fix}"`), edits: [{ start, end, newText: e.fix }], preferred: true },
      ],
    }));
  }
  return taken;
}

/** A candidate placed in the source, with its score in this document. */
interface Placed { c: Candidate; run: Run; start: number; end: number; written: string; score: number }

function dictionaryTypos({ model, text, words, t, report }: RuleContext, taken: Span[]): void {
  const user = userWordSpans(text, words);
  // name-mismatch's ranges (a misspelt place is reported once, there) and the lexicon's, sorted
  const skipped = [...taken, ...nameSpans(model, proseSpans(model))].sort((a, b) => a.start - b.start);
  // the candidates of every run (cached per run), those the document's own words could lift over the threshold
  const perRun: Placed[][] = [];
  const queries = new Set<string>();
  for (const run of proseRuns(model)) {
    const cands = runCandidates(run);
    if (!cands.length) continue;
    const placed: Placed[] = [];
    for (const c of cands) {
      const start = offsetIn(run, c.a), end = offsetIn(run, c.b - 1) + 1;
      if (overlapsAny(skipped, start, end) || coveredByUserWord(user, start, end)) continue;
      const written = run.text.slice(c.a, c.b);
      placed.push({ c, run, start, end, written, score: c.net });
      if (written.length >= 2) queries.add(written);
      queries.add(c.word);
    }
    if (placed.length) perRun.push(placed);
  }
  if (!perRun.length) return;
  const uses = countAll(text, [...queries]);
  const places = gazetteer().names;
  const grams = officialTrigrams();
  for (const placed of perRun) {
    const kept: Placed[] = [];
    for (const p of placed) {
      const c = p.c;
      // a spelling the document uses twice is meant (a name, a term of its own: 微信, 股室)
      if (p.written.length >= 2 && (uses.get(p.written) ?? 0) >= 2) continue;
      // the document's own use of the corrected word: a cache model over the dictionary's
      const n = uses.get(c.word) ?? 0;
      p.score = c.net + (n ? Math.min(TYPO_MODEL.boostCap, Math.log(1 + TYPO_MODEL.documentWeight * n / Math.exp(c.lnFreq))) : 0);
      if (p.score <= TYPO_MODEL.threshold) continue;
      if (nearName(p.run.text, c.a, c.b, places) || inOfficialWording(p.run.text, c.a, c.b, grams)) continue;
      kept.push(p);
    }
    kept.sort((x, y) => y.score - x.score);
    const done: Span[] = [];
    for (const best of kept) {
      if (done.some((s) => s.start < best.end && best.start < s.end)) continue;
      // the other corrections of the same characters
      const rivals = kept.filter((k) => k !== best && k.start < best.end && best.start < k.end && k.c.word !== best.c.word);
      const clear = !rivals.length || best.score - rivals[0].score >= TYPO_MODEL.preferMargin;
      const shown = clear ? [best] : [best, ...rivals.slice(0, 2)];
      for (const k of shown) done.push({ start: k.start, end: k.end });
      const written = text.slice(best.start, best.end).replace(/\s+/g, '');
      const list = shown.map((k) => `“${k.c.word}”`).join(t('或', ' or '));
      report({
        start: best.start, end: best.end,
        message: t(`“${written}”不成词，疑为${list}`, `"${written}" is no word; probably ${list}`),
        fixes: shown.map((k) => ({
          title: t(`改为“${k.c.word}”`, `Change to "${k.c.word}"`),
          edits: [{ start: k.start, end: k.end, newText: k.c.word }],
          ...(clear ? { preferred: true } : {}),
        })),
      });
    }
  }
}

/**
 * How often each query occurs in the text (counting stops at 100): by indexOf for a few queries (the usual report),
 * by one automaton pass when queries times text would make that slow (a long text with many candidates).
 */
function countAll(text: string, queries: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (queries.length * text.length < 4_000_000) {
    for (const q of queries) {
      let v = 0;
      for (let i = text.indexOf(q); i >= 0 && v < 100; i = text.indexOf(q, i + 1)) v++;
      counts.set(q, v);
    }
    return counts;
  }
  const n = new Int32Array(queries.length);
  new Automaton(queries).scan(text, 0, text.length, (m) => { if (n[m.id] < 100) n[m.id]++; });
  queries.forEach((q, i) => counts.set(q, n[i]));
  return counts;
}

/** Does [start, end) overlap one of the spans (sorted by start, each short)? */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start < end) lo = mid + 1; else hi = mid; }
  // spans[lo - 1] is the last starting before end; a span overlapping ends after start
  for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (spans[i].end > start) return true;
  return false;
}

/** Does run[a, b) touch a place name of the gazetteer (洪泽区, 瀍河回族区)? Names are not corrected. */
function nearName(s: string, a: number, b: number, places: ReadonlySet<string>): boolean {
  for (let x = Math.max(0, a - 7); x < b; x++) {
    for (let y = Math.max(x + 2, a + 1); y <= Math.min(s.length, x + 9); y++) if (places.has(s.slice(x, y))) return true;
  }
  return false;
}

/** Is every character of run[a, b) part of a piece of the template's wording (a label split by a converter)? */
function inOfficialWording(s: string, a: number, b: number, grams: ReadonlySet<string>): boolean {
  for (let i = a; i < b; i++) {
    let covered = false;
    for (let x = Math.max(0, i - 2); x <= i && x + 3 <= s.length && !covered; x++) covered = grams.has(s.slice(x, x + 3));
    if (!covered) return false;
  }
  return true;
}

/** The offset n non-space characters after offset i (i itself being a non-space character). */
function skip(text: string, i: number, n: number): number {
  while (n > 0) {
    i++;
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 10 || c === 13 || c === 9 || c === 0x3000)) n--;
  }
  return i;
}
