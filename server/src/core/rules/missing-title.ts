// missing-title: the report must open with a title naming the agency, the year and 政府信息公开工作年度报告.
import type { ReportRule } from './rule';

export const missingTitle: ReportRule = {
  id: 'missing-title',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '缺少标题或标题不完整', en: 'Missing or incomplete title' },
  description: {
    'zh-CN': '缺少写明机关名称、年度和“政府信息公开工作年度报告”的标题，或标题缺少其中一项',
    en: 'no title naming the agency, the year and 政府信息公开工作年度报告, or a title missing one of them',
  },
  check({ model, text, idx, t, report }) {
    const title = model.title;
    if (!title) {
      const first = model.sections[0];
      const line = idx.lineSpan(idx.positionAt(first ? first.start : 0).line);
      report({
        start: line.start, end: Math.max(line.start, Math.min(line.end, text.length)),
        message: t('缺少标题：应在正文前写明“机关名称 + 年份 + 政府信息公开工作年度报告”',
          'Missing title: the report should open with "<agency> <year>年政府信息公开工作年度报告"'),
      });
      return;
    }
    const missing: string[] = [];
    if (!title.agency) missing.push(t('机关名称', 'the agency'));
    if (!title.year) missing.push(t('年份', 'the year'));
    if (!title.hasSuffix) missing.push(t('“政府信息公开工作年度报告”字样', 'the words 政府信息公开工作年度报告'));
    if (missing.length) {
      report({
        start: title.start, end: title.end,
        message: t(`标题不完整：缺少${missing.join('、')}`, `Incomplete title: ${missing.join(', ')} missing`),
      });
    }
  },
};
