// year-mismatch: the report year in the title contradicts the years in the body: a statistics period of another
// year, a paragraph of 一 to 四 that opens with another year (last year's text left in), a plan in 五 for the
// report year itself ("2016年，我局将……" in the 2016 report: the plan is for the next year).
import { insideSpans, proseSpans } from '../prose/regions';
import { matchesStarting } from '../prose/util';
import type { ReportRule } from './rule';

/** Starts with 自 (matchesStarting). */
const PERIOD_RE = /自\s*((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日[^。\n]{0,12}?至\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;
/** A year followed by a comma: "2023年，"; whether it opens a sentence is checked by hand (cheaper than a lookbehind). */
const YEAR_COMMA_RE = /(?:19|20)\d\d[ \t]*年[ \t]*[，,]/g;

/** Does a sentence or paragraph start right before offset i (after 。；！？, a line break, a closing bracket)? */
function opensSentence(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u3000')) k--;
  if (k < 0) return true;
  return '。；！？\n）)'.includes(text[k]);
}
const PLAN_RE = /将|计划|拟/;

/** What ends the sentence a year opens: 。；！？ or a line break. */
const SENTENCE_END = new Uint8Array(65536);
for (const ch of '。；！？\n') SENTENCE_END[ch.charCodeAt(0)] = 1;

export const yearMismatch: ReportRule = {
  id: 'year-mismatch',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '年份与报告年度不一致', en: 'Year contradicts the report year' },
  otherSeverities: ['error'],
  description: {
    'zh-CN': '正文中的年份与报告年度矛盾（统计期限中的年份为错误）',
    en: 'years in the body that contradict the report year (in the statistics period: error)',
  },
  check({ model, text, t, report }) {
    const Y = model.title?.year;
    if (!Y) return;
    const titleRel = model.title ? [{ start: model.title.start, end: model.title.end, message: t(`报告年度：${Y}年`, `Report year: ${Y}`) }] : undefined;
    const fix = (start: number, end: number, y: number) => [{ title: t(`改为“${y}”`, `Change to "${y}"`), edits: [{ start, end, newText: String(y) }], preferred: true }];
    const seen = new Set<number>();

    for (const m of matchesStarting(PERIOD_RE, text, ['自'])) {
      let at = m.index;
      for (const g of [m[1], m[2]]) {
        const s = text.indexOf(g, at);
        at = s + 4;
        if (Number(g) === Y) continue;
        seen.add(s);
        report({
          start: s, end: s + 4, severity: 'error',
          message: t(`统计期限的年份${g}与报告年度${Y}不一致`, `The statistics period says ${g}, the report is for ${Y}`),
          related: titleRel, fixes: fix(s, s + 4, Y),
        });
      }
    }

    const sec5 = model.sections.find((s) => s.n === 5);
    const sec6 = model.sections.find((s) => s.n === 6);
    const titleEnd = model.title?.end ?? 0;
    const spans = proseSpans(model);
    YEAR_COMMA_RE.lastIndex = 0;
    for (let m = YEAR_COMMA_RE.exec(text); m; m = YEAR_COMMA_RE.exec(text)) {
      const s = m.index;
      if (s < titleEnd || seen.has(s) || !insideSpans(spans, s, s + 4) || !opensSentence(text, s)) continue;
      if (s > 0 && /[0-9]/.test(text[s - 1])) continue;
      const y = Number(text.slice(s, s + 4));
      const inPlans = (sec5 && s >= sec5.start && s < sec5.end) || (sec6 && s >= sec6.start && s < sec6.end);
      // the sentence the year opens
      let e = s;
      while (e < text.length && e - s < 300 && !SENTENCE_END[text.charCodeAt(e)]) e++;
      const sentence = text.slice(s, e);
      if (inPlans) {
        if (y === Y && PLAN_RE.test(sentence) && /进一步|继续|持续|加强|着力|重点/.test(sentence) && !/取得|存在|开展了|完成/.test(sentence)) {
          report({
            start: s, end: s + 4,
            message: t(`${Y}年度报告中的改进计划应针对${Y + 1}年`, `A plan in the ${Y} report is for ${Y + 1}`),
            related: titleRel, fixes: fix(s, s + 4, Y + 1),
          });
        } else if (y !== Y && y !== Y + 1) {
          report({
            start: s, end: s + 4,
            message: t(`年份${y}与报告年度${Y}不一致`, `${y} contradicts the report year ${Y}`),
            related: titleRel,
          });
        }
        continue;
      }
      if (y === Y) continue;
      report({
        start: s, end: s + 4,
        message: t(`段落开头的年份${y}与报告年度${Y}不一致`, `The paragraph opens with ${y}; the report is for ${Y}`),
        related: titleRel, fixes: fix(s, s + 4, Y),
      });
    }
  },
};
