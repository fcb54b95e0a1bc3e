// summary-length (2021 template): 一、总体情况 "篇幅原则上不超过一千字".
import type { ReportRule } from './rule';

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;
/** Per UTF-16 unit outside the surrogates: 1 counts, 2 does not, 0 not known yet (filled on first sight). */
const known = new Uint8Array(65536);

/** Characters of text that are ideographs, letters or digits (a surrogate pair is one character). */
export function countWordChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { if (WORD_CHAR.test(text.slice(i, i + 2))) n++; i++; continue; }
    }
    let k = known[c];
    if (!k) k = known[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    if (k === 1) n++;
  }
  return n;
}

export const SUMMARY_LIMIT = 1000;

export const summaryLength: ReportRule = {
  id: 'summary-length',
  scope: 'report',
  group: 'figures',
  defaultSeverity: 'information',
  title: { 'zh-CN': '总体情况篇幅过长', en: 'Overview too long' },
  description: {
    'zh-CN': '2021 年格式：“一、总体情况”超过 1000 字',
    en: '2021: 一、总体情况 over 1,000 characters',
  },
  check({ model, text, t, report }) {
    if (model.template !== '2021') return;
    const one = model.sections.find((s) => s.n === 1);
    if (!one) return;
    // 字: ideographs, letters and digits; punctuation, white space and page footers (- 2 -) do not count
    const body = text.slice(one.body.start, one.body.end).replace(/^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$/gm, '');
    const n = countWordChars(body);
    if (n <= SUMMARY_LIMIT) return;
    report({
      start: one.heading.start, end: one.heading.end,
      message: t(`“一、总体情况”约 ${n} 字，2021 年版格式要求篇幅原则上不超过一千字`, `Section 1 (overview) has about ${n} characters; the 2021 template asks for no more than 1,000`),
    });
  },
};
