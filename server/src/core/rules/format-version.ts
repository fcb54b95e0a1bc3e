// format-version: the template version must fit the report year (2019 试行 for 2019–2020, 2021 修订 from 2021), and
// a table must not mix the versions: a 2021 表三 that keeps the 2019 single row （六）其他处理 (template.json variant
// `2019-other`) is said once, naming the row and what the 2021 template splits it into.
import { TEMPLATE, tableDef, versionForYear } from '../template';
import type { ReportRule, RuleContext } from './rule';

function mixedRows(ctx: RuleContext): void {
  const { model, locale, t, report } = ctx;
  const version = model.tableVersion;
  for (const table of Object.values(model.tables)) {
    if (!table?.variant?.length) continue;
    const base = tableDef(version, table.id);
    for (const id of table.variant) {
      const v = base.variants?.find((x) => x.id === id);
      if (!v?.version || v.version === version || !v.replaceRows) continue;
      const row = table.rows.find((r) => r.key === v.replaceRows!.by.key);
      const at = row?.labelMatch ?? row?.span ?? { start: table.start, end: table.start };
      const split = v.replaceRows.rows.map((k) => base.blocks.flatMap((b) => b.rows).find((r) => r.key === k)?.label ?? k);
      const used = TEMPLATE.versions[v.version].name;
      const own = TEMPLATE.versions[version];
      const name = base.name[locale].split(/\s/)[0];
      report({
        start: at.start, end: at.end,
        message: t(`${name}沿用${used['zh-CN']}格式的单行“${v.replaceRows.by.label}”；${own.name['zh-CN']}格式（${own.notice}）将其分为${split.length}行：${split.map((s) => `“${s}”`).join('、')}`,
          `${name} keeps the ${used.en} single row "${v.replaceRows.by.label}"; the ${own.name.en} template (${own.notice}) splits it into ${split.length} rows: ${split.map((s) => `"${s}"`).join(', ')}`),
      });
    }
  }
}

export const formatVersion: ReportRule = {
  id: 'format-version',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '格式版本与报告年度不符', en: 'Template version does not fit the report year' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '2021 年及以后的报告使用 2019 年格式（反之为信息），或 2021 年表三沿用 2019 年的“（六）其他处理”单行',
    en: 'a 2021+ report uses the 2019 template (or the reverse, as information), or a 2021 表三 keeps the 2019 row （六）其他处理',
  },
  check(ctx) {
    const { model, locale, t, report } = ctx;
    mixedRows(ctx);
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
