// placeholder: the template's own instructions left in the report in place of the text they ask for. The official
// template (国办公开办函〔2021〕30号 and 〔2019〕60号, attachment) marks each prose section "（文字描述）" (六: "（文字描述，
// 收取信息处理费情况在此处报告。）"); the editor's new report writes "（文字描述：…）" notes; other templates use
// "（请填写…）", "【此处填写…】", "（待补充）". A bracketed note that opens with one of these words is a placeholder.
import type { Span } from '../types';
import type { ReportRule } from './rule';

/** Words a template's placeholder opens with (after the bracket and any space). */
const CUE = '(?:文字描述|请填写|请在此|此处填写|在此填写|待填写|待补充|请补充|请输入)';
/** A bracketed placeholder on one line: （…）, (…), 【…】 or [...], at most 200 characters inside. */
const PLACEHOLDER = new RegExp(`[（(]\\s*${CUE}[^（）()\\n]{0,200}[）)]|【\\s*${CUE}[^【】\\n]{0,200}】|\\[\\s*${CUE}[^\\[\\]\\n]{0,200}\\]`, 'g');
/** Findings listed at most (a template pasted many times is one problem, said with the first ones). */
const MAX = 50;

/** Every placeholder of a text, in order (fee-report reads section 六 without them). */
export function placeholderSpans(text: string): Span[] {
  const out: Span[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m && out.length < 10_000; m = PLACEHOLDER.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The text with every placeholder blanked out (same length: offsets stay valid). */
export function withoutPlaceholders(text: string): string {
  let out = '', at = 0;
  for (const s of placeholderSpans(text)) { out += text.slice(at, s.start) + ' '.repeat(s.end - s.start); at = s.end; }
  return at ? out + text.slice(at) : text;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 38)}…${s.slice(-1)}` : s);

export const placeholder: ReportRule = {
  id: 'placeholder',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '模板占位文字未替换', en: 'Template placeholder left in' },
  description: {
    'zh-CN': '模板的占位说明（“（文字描述）”“（请填写…）”等）留在报告中，没有换成正文',
    en: 'a placeholder of the template ("（文字描述）", "（请填写…）", …) left in the report instead of the text it asks for',
  },
  check({ text, t, report }) {
    const spans = placeholderSpans(text);
    for (const s of spans.slice(0, MAX)) {
      const raw = text.slice(s.start, s.end);
      // the placeholder alone on its line is replaced by the text; next to text, it is removed
      const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
      let lineEnd = text.indexOf('\n', s.end);
      if (lineEnd < 0) lineEnd = text.length;
      const alone = !text.slice(lineStart, s.start).trim() && !text.slice(s.end, lineEnd).trim();
      report({
        start: s.start, end: s.end,
        message: t(`模板占位文字${short(raw)}尚未替换为正文`, `Template placeholder ${short(raw)} not replaced by the report's text`),
        // offered only next to written text: alone on its line, removing it leaves the section empty
        fixes: alone ? undefined : [{ title: t('删除占位文字', 'Remove the placeholder'), edits: [{ start: s.start, end: s.end, newText: '' }], preferred: false }],
      });
    }
  },
};
