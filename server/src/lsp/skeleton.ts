// A new report from the official 2021 template: title, the six headings, the three tables with official labels
// filled with zeros (tab-separated). Pure; used by the client's "new report" command and by the tests.
import { TEMPLATE } from '../core/template';
import type { TemplateVersion } from '../core/types';

const PROSE: Record<number, string> = {
  1: '（文字描述：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况。）',
  5: '（文字描述：存在的主要问题及改进情况。）',
  6: '（文字描述。）本年度未收取信息处理费。',
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
    if (table.id === 't2') {
      for (const b of table.blocks) {
        if (b.caption) lines.push(b.caption);
        lines.push([b.firstHeader ?? '信息内容', ...b.columns.map((c) => c.label)].join('\t'));
        for (const r of b.rows) lines.push([r.label, ...b.columns.map(() => '0')].join('\t'));
      }
    } else if (table.id === 't3') {
      const b = table.blocks[0];
      const cols = b.columns;
      // Header: note | 申请人情况 ; 自然人 | 法人或其他组织 (5) | 总计 ; the five organisation kinds.
      lines.push([table.note ?? '', '申请人情况'].join('\t'));
      lines.push(['', cols[0].label, '法人或其他组织', '', '', '', '', cols[cols.length - 1].label].join('\t'));
      lines.push(['', '', ...cols.slice(1, cols.length - 1).map((c) => c.label)].join('\t'));
      let group: string | undefined;
      const printed = new Set<string>();
      for (const r of b.rows) {
        // Group labels (三、本年度办理结果, （三）不予公开 …) on their own lines, once each.
        if (r.group && r.group !== group) {
          const outer = r.group.startsWith('（') ? '三、本年度办理结果' : undefined;
          if (outer && !printed.has(outer)) { lines.push(outer); printed.add(outer); }
          if (!printed.has(r.group)) { lines.push(r.group); printed.add(r.group); }
          group = r.group;
        }
        lines.push([r.label, ...cols.map(() => '0')].join('\t'));
      }
    } else if (table.id === 't4') {
      const b = table.blocks[0];
      lines.push(['行政复议', '', '', '', '', '行政诉讼'].join('\t'));
      lines.push(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'].join('\t'));
      lines.push(['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].join('\t'));
      lines.push(b.columns.map(() => '0').join('\t'));
    }
    lines.push('');
  }
  return lines.join(eol);
}
