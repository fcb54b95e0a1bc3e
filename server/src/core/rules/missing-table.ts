// missing-table: a section that must hold a table (二, 三, 四) holds none.
import { tableDef } from '../template';
import type { TableId } from '../types';
import type { ReportRule } from './rule';

const BY_SECTION: Record<number, TableId> = { 2: 't2', 3: 't3', 4: 't4' };

export const missingTable: ReportRule = {
  id: 'missing-table',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'error',
  title: { 'zh-CN': '缺少表格', en: 'Missing table' },
  description: {
    'zh-CN': '第二、三或四部分没有表格',
    en: 'section 二, 三 or 四 holds no table',
  },
  check({ model, locale, t, report }) {
    const version = model.tableVersion;
    for (const [n, id] of Object.entries(BY_SECTION)) {
      const sec = model.sections.find((s) => s.n === Number(n));
      if (!sec) continue; // missing-section reports it
      const table = model.tables[id];
      if (table && !table.absent) continue;
      const name = tableDef(version, id).name[locale];
      report({
        start: sec.heading.start, end: sec.heading.end,
        message: t(`本部分缺少${name}`, `This section has no ${name}`),
      });
    }
  },
};
