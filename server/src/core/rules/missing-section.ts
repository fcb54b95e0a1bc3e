// missing-section: each of the six template sections must be present.
import { TEMPLATE } from '../template';
import type { ReportRule } from './rule';

export const missingSection: ReportRule = {
  id: 'missing-section',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'error',
  title: { 'zh-CN': '缺少必备部分', en: 'Missing section' },
  description: {
    'zh-CN': '六个必备部分缺少其中之一',
    en: 'one of the six sections is absent',
  },
  check({ model, text, idx, t, report }) {
    const present = new Set(model.sections.map((s) => s.n));
    for (const sec of TEMPLATE.sections) {
      if (present.has(sec.n)) continue;
      // where it belongs: before the first later section, or before an orphan table of that section
      const orphan = sec.n === 4 && model.tables.t4?.orphan ? model.tables.t4 : undefined;
      const next = model.sections.find((s) => s.n > sec.n);
      let at: number, range: { start: number; end: number };
      if (orphan) {
        const line = idx.lineSpan(idx.positionAt(orphan.start).line);
        at = line.start; range = { start: orphan.start, end: Math.min(orphan.end, line.end) };
      } else if (next) {
        at = idx.lineSpan(idx.positionAt(next.start).line).start; range = { start: next.heading.start, end: next.heading.end };
      } else {
        at = text.length;
        const last = idx.lineSpan(Math.max(0, idx.lineCount - 1));
        range = last.end > last.start ? last : { start: text.length, end: text.length };
      }
      const before = at === text.length ? (text.endsWith('\n') || !text.length ? '' : '\n') : '';
      report({
        ...range,
        message: t(`缺少第${sec.heading[0]}部分“${sec.heading}”`, `Section ${sec.n} "${sec.heading}" is missing`),
        fixes: [{ title: t(`插入标题“${sec.heading}”`, `Insert the heading "${sec.heading}"`), edits: [{ start: at, end: at, newText: `${before}${sec.heading}\n\n` }] }],
      });
    }
  },
};
