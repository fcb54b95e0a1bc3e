// A new report from the official 2021 template: title, the six headings, the three tables with official labels
// filled with zeros (tab-separated). Pure; used by the client's "new report" command and by the tests.
import { TEMPLATE } from '../core/template';
import { canonicalLines } from '../core/normalize';
import type { Table } from '../core/types';
import type { TemplateVersion } from '../core/types';

// The template's placeholders ("（文字描述）", as in the notice's attachment, with what the notice asks each section to
// report): the rule `placeholder` reports each one until it is replaced. Section 六 is not pre-filled with a fee
// sentence: whether fees were charged is the writer's to say (completion offers both wordings).
const PROSE: Record<number, string> = {
  1: '（文字描述：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况。）',
  5: '（文字描述：存在的主要问题及改进情况。）',
  6: '（文字描述，收取信息处理费情况在此处报告。）',
};

export function reportSkeleton(year: number, agency: string, version: TemplateVersion = '2021', eol = '\n'): string {
  const v = TEMPLATE.versions[version];
  const lines: string[] = [];
  const title = `${agency.trim()}${year}年${TEMPLATE.titleSuffix}`;
  lines.push(title, '');
  for (const sec of TEMPLATE.sections) {
    lines.push(sec.heading, '');
    const table = v.tables.find((tb) => tb.section === sec.n);
    if (!table) {
      lines.push(PROSE[sec.n] ?? '（文字描述。）', '');
      continue;
    }
    // the canonical layout `nianbao format` writes, every value 0
    const rows = table.blocks.flatMap((b) => b.rows.map((r) => ({ key: r.key, cells: b.columns.map((c) => ({ colKey: c.key, value: { raw: '0' } })) })));
    lines.push(...canonicalLines(table, { rows } as unknown as Pick<Table, 'rows'>));
    lines.push('');
  }
  return lines.join(eol);
}
