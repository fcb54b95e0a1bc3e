// format-version: the template version must fit the report year (2019 试行 for 2019–2020, 2021 修订 from 2021).
import { TEMPLATE, versionForYear } from '../template';
import type { ReportRule } from './rule';

export const formatVersion: ReportRule = {
  id: 'format-version',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '格式版本与报告年度不符', en: 'Template version does not fit the report year' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '2021 年及以后的报告使用 2019 年格式（反之为信息）',
    en: 'a 2021+ report uses the 2019 template (or the reverse, as information)',
  },
  check({ model, locale, t, report }) {
    const year = model.title?.year;
    if (!year || !model.template) return;
    const expected = versionForYear(year);
    if (!expected || expected === model.template) return;
    const ev = model.templateEvidence[0];
    const at = ev ? ev.span : { start: model.title!.start, end: model.title!.end };
    const used = TEMPLATE.versions[model.template].name[locale];
    const should = TEMPLATE.versions[expected];
    report({
      ...at,
      // a 2021+ report in the old format is a real defect; an old report in the new format is only worth a note
      severity: expected === '2021' ? undefined : 'information',
      message: t(`${year} 年度报告应使用${should.name['zh-CN']}格式（${should.notice}），此处为${used}表头`,
        `A ${year} report should use the ${should.name.en} template (${should.notice}); this table uses the ${used} headers`),
      related: model.title ? [{ start: model.title.start, end: model.title.end, message: t('报告年度', 'report year') }] : undefined,
    });
  },
};
