// traditional-char: traditional or variant characters in a simplified-Chinese report (an OCR misreading, a pasted
// Hong Kong or Taiwan text). Characters come from OpenCC's tables (data/t2s.json) less those the simplified standard
// also uses (著, 乾, 於 …). Inside the title's place name the fix is the real place (灤河 -> 瀍河), else the simplified form.
import { traditionalMap } from '../prose/lexicon';
import { placeMentions, titlePlace } from '../prose/places';
import { insideSpans, proseSpans } from '../prose/regions';
import { proseScan } from '../prose/scan';
import { coveredByUserWord, userWordSpans } from '../prose/util';
import type { Span } from '../types';
import type { ReportRule } from './rule';

export const traditionalChar: ReportRule = {
  id: 'traditional-char',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '繁体字或异体字', en: 'Traditional or variant character' },
  description: {
    'zh-CN': '繁体字或异体字（地名按实际用字）',
    en: 'traditional or variant characters (灤 → the real place name\'s character)',
  },
  check({ model, text, words, t, report }) {
    const map = traditionalMap();
    const user = userWordSpans(text, words);
    const spans = proseSpans(model);
    // where the title's place is written, the right character is the real place's, not the simplified form
    const placeFix = new Map<number, string>();
    const tp = titlePlace(model);
    const trad = proseScan(model).trad.filter((i) => insideSpans(spans, i, i + 1));
    if (!trad.length) return;
    if (tp?.corrected) {
      const setFrom = (start: number, written: string, right: string) => {
        for (let k = 0; k < written.length && k < right.length; k++) if (written[k] !== right[k]) placeFix.set(start + k, right[k]);
      };
      setFrom(tp.span.start, tp.written, tp.corrected);
      for (const m of placeMentions(model, spans)) setFrom(m.start, m.stem, m.expected);
    }
    for (let k = 0; k < trad.length;) {
      {
        const i = trad[k];
        // a run of traditional characters is one finding
        let j = i;
        let fixed = '';
        let viaPlace = false;
        while (k < trad.length && trad[k] === j) {
          const p = placeFix.get(j);
          if (p) viaPlace = true;
          fixed += p ?? map.get(text.charCodeAt(j))!;
          j++; k++;
        }
        const run: Span = { start: i, end: j };
        if (coveredByUserWord(user, run.start, run.end)) continue;
        const written = text.slice(run.start, run.end);
        const simplified = Array.from(written).map((ch) => map.get(ch.codePointAt(0)!) ?? ch).join('');
        report({
          start: run.start, end: run.end,
          message: viaPlace
            ? t(`繁体字“${written}”（简体“${simplified}”），此处地名应为“${fixed}”`, `Traditional character "${written}" (simplified "${simplified}"); the place name here is "${fixed}"`)
            : t(`繁体字“${written}”，简体为“${simplified}”`, `Traditional character "${written}"; simplified form "${simplified}"`),
          fixes: [
            { title: t(`改为“${fixed}”`, `Change to "${fixed}"`), edits: [{ start: run.start, end: run.end, newText: fixed }], preferred: true },
            ...(viaPlace && fixed !== simplified
              ? [{ title: t(`改为简体“${simplified}”`, `Change to the simplified "${simplified}"`), edits: [{ start: run.start, end: run.end, newText: simplified }] }]
              : []),
          ],
        });
      }
    }
  },
};
