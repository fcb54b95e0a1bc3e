// summary-length (2021 template): 一、总体情况 "篇幅原则上不超过一千字".
import type { Rule } from './rule';

export const SUMMARY_LIMIT = 1000;

export const summaryLength: Rule = {
  id: 'summary-length',
  defaultSeverity: 'information',
  title: { 'zh-CN': '总体情况篇幅过长', en: 'Overview too long' },
  check({ model, text, t, report }) {
    if (model.template !== '2021') return;
    const one = model.sections.find((s) => s.n === 1);
    if (!one) return;
    // 字: ideographs, letters and digits; punctuation, white space and page footers (- 2 -) do not count
    const body = text.slice(one.body.start, one.body.end).replace(/^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$/gm, '');
    const n = body.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '').length;
    if (n <= SUMMARY_LIMIT) return;
    report({
      start: one.heading.start, end: one.heading.end,
      message: t(`“一、总体情况”约 ${n} 字，2021 年版格式要求篇幅原则上不超过一千字`, `Section 1 (overview) has about ${n} characters; the 2021 template asks for no more than 1,000`),
    });
  },
};
