// typo: wrong characters and words in the prose, from a lexicon of common misspellings (data/typos.json) and of
// fixed expressions one confusable character off (data/words.json). One Aho–Corasick pass per prose span.
import type { AcMatch } from '../prose/automaton';
import { typoLexicon } from '../prose/lexicon';
import { proseSpans } from '../prose/regions';
import { coveredByUserWord, userWordSpans } from '../prose/util';
import type { ReportRule } from './rule';

export const typo: ReportRule = {
  id: 'typo',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '错别字', en: 'Wrong character or word' },
  description: {
    'zh-CN': '错别字和用错的词：显着→显著、图文形势→图文形式、办法贺→办法和、成语用字错误（再接再励）',
    en: 'wrong characters and words: 显着→显著, 图文形势→图文形式, 办法贺→办法和, mangled idioms (再接再励)',
  },
  check({ model, text, words, t, report }) {
    const lex = typoLexicon();
    const user = userWordSpans(text, words);
    const allowed: AcMatch[] = [];
    const hits: AcMatch[] = [];
    // white space is skipped: PDF and web text break words at line ends (显\n着)
    for (const span of proseSpans(model)) {
      lex.automaton.scanStarts(text, span.start, span.end, (start, end, id) => (lex.entries[id] ? hits : allowed).push({ start, end, id }));
    }
    if (!hits.length) return;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let limit = -1;
    for (const m of hits) {
      if (m.start < limit) continue;
      if (allowed.some((a) => a.start <= m.start && a.end >= m.end && a.end - a.start > m.end - m.start)) continue;
      const e = lex.entries[m.id]!;
      const start = skip(text, m.start, e.at), end = skip(text, start, e.len - 1) + 1;
      if (coveredByUserWord(user, start, end) || coveredByUserWord(user, m.start, m.end)) continue;
      limit = m.end;
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
  },
};

/** The offset n non-space characters after offset i (i itself being a non-space character). */
function skip(text: string, i: number, n: number): number {
  while (n > 0) {
    i++;
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 10 || c === 13 || c === 9 || c === 0x3000)) n--;
  }
  return i;
}
