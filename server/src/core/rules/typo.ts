// typo: wrong characters and words in the prose. Two sources:
// - the lexicon (data/typos.json, data/words.json): listed misspellings, including pairs of two real words that only
//   context tells apart (图文形势, 截止/截至), and fixed expressions one confusable character off; one Aho–Corasick
//   pass per prose span;
// - the dictionary detector (prose/typos.ts): a run of characters that is no word but becomes a frequent word by one
//   confusable change. Its candidates are weighed here against the document: a spelling the document repeats is
//   taken as meant, a correction to a word the document uses elsewhere gains weight; names, titles of documents,
//   official labels and the user's words are left alone.
import type { AcMatch } from '../prose/automaton';
import { gazetteer, typoLexicon } from '../prose/lexicon';
import { nameSpans } from '../prose/places';
import { proseSpans } from '../prose/regions';
import { officialTrigrams, runCandidates, runsOf, TYPO_MODEL, type Candidate, type Run } from '../prose/typos';
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
interface Placed { c: Candidate; run: Run; start: number; end: number; score: number }

function dictionaryTypos({ model, text, words, t, report }: RuleContext, taken: Span[]): void {
  const user = userWordSpans(text, words);
  const counts = new Map<string, number>();
  const count = (s: string): number => {
    let v = counts.get(s);
    if (v !== undefined) return v;
    v = 0;
    for (let i = text.indexOf(s); i >= 0 && v < 1000; i = text.indexOf(s, i + 1)) v++;
    counts.set(s, v);
    return v;
  };
  const places = gazetteer().names;
  const grams = officialTrigrams();
  const spans = proseSpans(model);
  // name-mismatch's ranges: a misspelt place is reported once, there
  const names = nameSpans(model, spans);
  for (const run of runsOf(text, spans)) {
    const cands = runCandidates(run);
    if (!cands.length) continue;
    const kept: Placed[] = [];
    for (const c of cands) {
      const start = run.offsets[c.a], end = run.offsets[c.b - 1] + 1;
      if (taken.some((s) => s.start < end && start < s.end) || names.some((s) => s.start < end && start < s.end)) continue;
      if (coveredByUserWord(user, start, end)) continue;
      const written = run.text.slice(c.a, c.b);
      // a spelling the document uses twice is meant (a name, a term of its own: 微信, 股室)
      if (written.length >= 2 && count(written) >= 2) continue;
      // the document's own use of the corrected word: a cache model over the dictionary's
      const uses = count(c.word);
      const boost = uses ? Math.min(TYPO_MODEL.boostCap, Math.log(1 + TYPO_MODEL.documentWeight * uses / Math.exp(c.lnFreq))) : 0;
      const score = c.net + boost;
      if (score <= TYPO_MODEL.threshold) continue;
      if (nearName(run.text, c.a, c.b, places) || inOfficialWording(run.text, c.a, c.b, grams)) continue;
      kept.push({ c, run, start, end, score });
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
      taken.push({ start: best.start, end: best.end });
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
