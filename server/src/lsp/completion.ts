// Completion: the next expected section heading at the start of a line; official row labels inside a table.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TEMPLATE, type Locale, type ReportModel } from '../core';
import { t } from './i18n';
import { tableAround, tableDefOf } from './model';
import { tableName } from './symbols';

const FEE_NONE = '本年度未收取信息处理费。';
const FEE_SOME = '本年度共收取信息处理费…元。';

function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function provideCompletion(doc: TextDocument, model: ReportModel, offset: number, locale: Locale): CompletionItem[] {
  const pos = doc.positionAt(offset);
  const lineStart = doc.offsetAt({ line: pos.line, character: 0 });
  const text = doc.getText();
  const prefixRaw = text.slice(lineStart, offset);
  // Keep leading indentation; replace what was typed after it.
  const indent = /^[ \t\u3000]*/.exec(prefixRaw)?.[0].length ?? 0;
  const typed = norm(prefixRaw.slice(indent));
  const range: Range = { start: { line: pos.line, character: indent }, end: pos };
  const items: CompletionItem[] = [];

  const table = tableAround(model, offset);
  // Section headings (inside a table only once a heading numeral has been typed).
  const wantHeadings = !table || table.absent || lineStart > table.end || /^[一二三四五六]/.test(typed);
  const present = new Set(model.sections.map((s) => s.n));
  const before = model.sections.filter((s) => s.start < lineStart).map((s) => s.n);
  const next = before.length ? Math.max(...before) + 1 : 1;
  for (const sec of wantHeadings ? TEMPLATE.sections : []) {
    if (typed && !norm(sec.heading).startsWith(typed)) continue;
    const isNext = sec.n === next;
    if (!isNext && present.has(sec.n)) continue;
    items.push({
      label: sec.heading,
      kind: CompletionItemKind.Module,
      detail: t(locale, isNext ? 'completionNextHeading' : 'completionHeading'),
      sortText: (isNext ? '0' : '1') + sec.n,
      preselect: isNext,
      filterText: sec.heading,
      textEdit: { range, newText: sec.heading },
    });
  }

  // Section 六: whether 信息处理费 were charged (the 2021 notice asks for it there, even when none were). Both wordings,
  // neither preselected: the writer says which is true.
  const six = model.sections.find((s) => s.n === 6);
  if (six && !table && lineStart > six.heading.start && lineStart <= six.end) {
    const fees = [
      { label: FEE_NONE, newText: FEE_NONE, detail: t(locale, 'completionFeeNone') },
      { label: FEE_SOME, newText: '本年度共收取信息处理费${1:金额}元。', detail: t(locale, 'completionFeeSome') },
    ];
    for (const [i, f] of fees.entries()) {
      if (typed && !norm(f.label).startsWith(typed) && !norm(f.label).includes(typed)) continue;
      items.push({
        label: f.label,
        kind: CompletionItemKind.Text,
        detail: f.detail,
        sortText: '0fee' + i,
        filterText: f.label,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: f.newText },
      });
    }
  }

  // Row labels of the table around the cursor.
  if (table) {
    const def = tableDefOf(model, table.id);
    const status = new Map(table.rows.map((r) => [r.key, r.status]));
    let i = 0;
    for (const block of def?.blocks ?? []) {
      for (const row of block.rows) {
        i++;
        if (!row.label) continue;
        if (typed && !norm(row.label).includes(typed) && !norm(row.label).startsWith(typed)) continue;
        const missing = status.get(row.key) === 'missing' || table.absent;
        items.push({
          label: row.label,
          kind: CompletionItemKind.Field,
          detail: t(locale, missing ? 'completionMissingRow' : 'completionRow', tableName(table.id, locale)) + (row.group ? ` · ${row.group}` : ''),
          sortText: (missing ? '2' : '3') + String(i).padStart(3, '0'),
          filterText: row.label,
          textEdit: { range, newText: row.label },
        });
      }
    }
  }
  return items;
}
