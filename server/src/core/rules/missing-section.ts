// missing-section: each of the six template sections must be present. The fix inserts the heading where the section
// begins: before its table's head when the table is there without its heading (the table then belongs to the
// section again, so applying the fix adds no missing-table), after the table of the section before it when text
// follows that table (五 after 表四), else before the next section.
import { TEMPLATE, tableDef } from '../template';
import { findLoose } from '../parse/loose';
import type { ReportModel, Table, TableId } from '../types';
import type { ReportRule, RuleContext } from './rule';

const TABLE_OF: Record<number, TableId> = { 2: 't2', 3: 't3', 4: 't4' };
/** How far before a table's first row or header its head (the 表三 note, 申请人情况, 行政复议 …) is looked for. */
const HEAD_WINDOW = 600;

/** Where a table's head begins: the earliest of its note and header words just before the first thing read of it. */
function headStart(model: ReportModel, table: Table, text: string): number {
  const def = tableDef(model.tableVersion, table.id, table.variant);
  let at = table.start;
  const from = Math.max(table.region.start, table.start - HEAD_WINDOW);
  for (const words of [def.note, ...(def.headerLabels ?? []), ...def.blocks.map((b) => b.caption)]) {
    if (!words) continue;
    const m = findLoose(text, words.slice(0, 12), from, table.start);
    if (m && m.start < at) at = m.start;
  }
  return at;
}

/** The start of the line holding offset `at`; `at` itself when text precedes it on its line (collapsed web text). */
function lineStartAt(ctx: RuleContext, at: number): number {
  const start = ctx.idx.lineSpan(ctx.idx.positionAt(at).line).start;
  return ctx.text.slice(start, at).trim() ? at : start;
}

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
  check(ctx) {
    const { model, text, idx, t, report } = ctx;
    const present = new Set(model.sections.map((s) => s.n));
    for (const sec of TEMPLATE.sections) {
      if (present.has(sec.n)) continue;
      const next = model.sections.find((s) => s.n > sec.n);
      const ownId = TABLE_OF[sec.n];
      const orphan = ownId ? model.tables[ownId] : undefined;
      // the table of the section before it, when text follows that table before the next section
      const prevId = TABLE_OF[sec.n - 1];
      const prevTable = prevId ? model.tables[prevId] : undefined;
      let at: number, range: { start: number; end: number };
      if (orphan?.orphan && !orphan.absent) {
        // the section's table is there without its heading: the heading goes before the table's head
        at = lineStartAt(ctx, headStart(model, orphan, text));
        // the range: the table's head line (in collapsed text, up to the table's end)
        const line = idx.lineSpan(idx.positionAt(at).line);
        range = { start: at, end: Math.max(at + 1, Math.min(line.end, Math.max(orphan.end, at + 1))) };
      } else if (prevTable && !prevTable.absent && prevTable.rows.every((r) => r.status === 'ok') && present.has(sec.n - 1) && next && afterTable(ctx, prevTable, next.start) !== undefined) {
        at = afterTable(ctx, prevTable, next.start)!;
        const line = idx.lineSpan(idx.positionAt(at).line);
        range = { start: line.start, end: line.end };
      } else if (next) {
        at = lineStartAt(ctx, next.start); range = { start: next.heading.start, end: next.heading.end };
      } else {
        at = text.length;
        const last = idx.lineSpan(Math.max(0, idx.lineCount - 1));
        range = last.end > last.start ? last : { start: text.length, end: text.length };
      }
      const before = at === text.length ? (text.endsWith('\n') || !text.length ? '' : '\n') : at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r' ? '\n' : '';
      report({
        ...range,
        message: t(`缺少第${sec.heading[0]}部分“${sec.heading}”`, `Section ${sec.n} "${sec.heading}" is missing`),
        fixes: [{ title: t(`插入标题“${sec.heading}”`, `Insert the heading "${sec.heading}"`), edits: [{ start: at, end: at, newText: `${before}${sec.heading}\n\n` }] }],
      });
    }
  },
};

/** The start of the first non-blank line after a table's last line and before `limit`, if there is one. */
function afterTable(ctx: RuleContext, table: Table, limit: number): number | undefined {
  const { idx, text } = ctx;
  for (let n = idx.positionAt(table.end).line + 1; n < idx.lineCount; n++) {
    const ls = idx.lineSpan(n);
    if (ls.start >= limit) return undefined;
    // the first line of text: not a Markdown rule (|---|), a row of bars or a page number (— 6 —)
    const line = text.slice(ls.start, ls.end);
    if (line.trim() && !/^[\s|｜:\-—–=]*$/.test(line) && !/^\s*[-—－–]\s*\d{1,3}\s*[-—－–]\s*$/.test(line)) return ls.start;
  }
  return undefined;
}
