// name-mismatch: the place the title names is written differently in the body (seed 001: 灤河 in the title, 漣河 in
// the body); the title's place, or a place named in the body, is no real place but one confusable character off
// exactly one (沐阳县 for 沭阳县; checked against data/places.json and the dictionary's same-sound and similar-shape sets).
import { traditionalMap } from '../prose/lexicon';
import { misspeltPlaces, placeMentions, titlePlace } from '../prose/places';
import { proseSpans } from '../prose/regions';
import { coveredByUserWord, userWordSpans } from '../prose/util';
import type { ReportRule } from './rule';

export const nameMismatch: ReportRule = {
  id: 'name-mismatch',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '名称与标题不一致', en: 'Name differs from the title' },
  description: {
    'zh-CN': '正文中的地名与标题不一致（灤河 / 漣河），或标题、正文中的地名不是行政区划名称、与一个真实地名只差一个音近或形近的字（沐阳县 → 沭阳县）',
    en: 'the place in the title differs from how the body names itself (灤河 / 漣河), or a place name in the title or body is no real one but one similar-sounding or similar-looking character off one (沐阳县 → 沭阳县)',
  },
  check({ model, text, words, t, report }) {
    const user = userWordSpans(text, words);
    const tp = titlePlace(model);
    const spans = proseSpans(model);
    // mentions of the title's place written differently from the title (reported below, against the title)
    const mentions = tp ? placeMentions(model, spans).filter((m) => m.stem !== tp.stem) : [];
    // names in the body that are no real place but one confusable character off one (沐阳县 → 沭阳县); the title's
    // own place and the mentions of it are reported below
    for (const m of misspeltPlaces(model)) {
      if (tp && m.start < tp.span.end && tp.span.start < m.end) continue;
      if (mentions.some((x) => x.start < m.end && m.start < x.end)) continue;
      // the user's word may be the name or its stem (淮按 for 淮按市)
      if (coveredByUserWord(user, m.start, m.end) || coveredByUserWord(user, m.start, m.end - 1)) continue;
      report({
        start: m.start, end: m.end,
        message: t(`“${m.written}”不是行政区划名称，疑为“${m.right}”`, `"${m.written}" is not an administrative division; probably "${m.right}"`),
        fixes: [{ title: t(`改为“${m.right}”`, `Change to "${m.right}"`), edits: [{ start: m.start, end: m.end, newText: m.right }], preferred: true }],
      });
    }
    if (!tp) return;
    if (coveredByUserWord(user, tp.span.start, tp.span.end)) return;
    const titleRel = [{ start: tp.span.start, end: tp.span.end, message: t(`标题中的名称“${tp.written}”`, `Name in the title: "${tp.written}"`) }];
    for (const m of mentions) {
      if (coveredByUserWord(user, m.start, m.end)) continue;
      const right = m.expected;
      report({
        start: m.start, end: m.end,
        message: tp.corrected
          ? t(`“${m.stem}”与标题中的“${tp.stem}”不一致，按行政区划应为“${right}”`, `"${m.stem}" differs from "${tp.stem}" in the title; the official place name is "${right}"`)
          : t(`“${m.stem}”与标题中的“${tp.stem}”不一致`, `"${m.stem}" differs from "${tp.stem}" in the title`),
        related: titleRel,
        fixes: [{ title: t(`改为“${right}”`, `Change to "${right}"`), edits: [{ start: m.start, end: m.end, newText: right }], preferred: true }],
      });
    }
    // the title's own place is no real place: one character off a real one, and not a traditional character
    // (traditional-char reports those with the same fix)
    if (!tp.known && tp.corrected && tp.corrected !== tp.written) {
      const simpleOnly = Array.from(tp.written).every((ch, k) => ch === tp.corrected![k] || !isTraditional(ch));
      if (simpleOnly) {
        report({
          start: tp.span.start, end: tp.span.end,
          message: t(`标题中的“${tp.written}”不是行政区划名称，疑为“${tp.corrected}”`, `"${tp.written}" in the title is not an administrative division; probably "${tp.corrected}"`),
          fixes: [{ title: t(`改为“${tp.corrected}”`, `Change to "${tp.corrected}"`), edits: [{ start: tp.span.start, end: tp.span.end, newText: tp.corrected }], preferred: true }],
        });
      }
    }
  },
};

function isTraditional(ch: string): boolean { return traditionalMap().has(ch.codePointAt(0)!); }
