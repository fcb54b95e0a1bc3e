// Outline: title → six sections → sub-headings and tables (表二 blocks, 表三, 表四); folding ranges; workspace symbols.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TEMPLATE, type Locale, type ReportModel, type Span, type Table } from '../core';
import { toRange } from './diagnostics';

interface Node extends Span {
  name: string;
  detail?: string;
  kind: SymbolKind;
  sel: Span;
  children: Node[];
}

const TABLE_NAMES: Record<string, Record<Locale, string>> = {
  t2: { 'zh-CN': '表二', en: 'Table 2' },
  t3: { 'zh-CN': '表三', en: 'Table 3' },
  t4: { 'zh-CN': '表四', en: 'Table 4' },
};

export function tableName(id: string, locale: Locale): string {
  return TABLE_NAMES[id]?.[locale] ?? id;
}

function fullTableName(model: ReportModel, table: Table, locale: Locale): string {
  const v = model.template ?? '2021';
  const def = TEMPLATE.versions[v]?.tables.find((x) => x.id === table.id);
  return def?.name[locale] ?? tableName(table.id, locale);
}

/** Trim trailing white space off a span (so ranges end on the last non-blank line). */
function trimEnd(text: string, s: Span): Span {
  let e = s.end;
  while (e > s.start && /\s/.test(text[e - 1])) e--;
  return { start: s.start, end: e };
}

function tableNode(model: ReportModel, table: Table, locale: Locale): Node {
  const span = trimEnd(model.text, table);
  const node: Node = {
    name: fullTableName(model, table, locale),
    // The Chinese name as detail in other locales, so 表三 finds the table in any display language.
    detail: locale === 'zh-CN' ? undefined : fullTableName(model, table, 'zh-CN'),
    kind: SymbolKind.Struct,
    start: span.start,
    end: span.end,
    sel: { start: span.start, end: Math.min(span.end, lineEndOf(model.text, span.start)) },
    children: [],
  };
  if (table.id === 't2') {
    // One child per block (第二十条第（一）项 …), from its caption (or first row) to its last located row.
    const blocks = new Map<number, { start: number; end: number; caption?: string; capSpan?: Span }>();
    for (const c of table.captions) {
      if (c.match) blocks.set(c.blockIndex, { start: c.match.start, end: c.match.end, caption: c.official, capSpan: c.match });
    }
    for (const row of table.rows) {
      const sp = row.span ?? row.labelMatch;
      if (!sp) continue;
      const b = blocks.get(row.blockIndex);
      if (b) { b.start = Math.min(b.start, sp.start); b.end = Math.max(b.end, sp.end); } else blocks.set(row.blockIndex, { start: sp.start, end: sp.end });
    }
    const def = TEMPLATE.versions[model.template ?? '2021']?.tables.find((x) => x.id === 't2');
    for (const [bi, b] of [...blocks.entries()].sort((x, y) => x[1].start - y[1].start)) {
      if (b.start < node.start || b.end > node.end) continue;
      const caption = b.caption ?? def?.blocks[bi]?.caption ?? `#${bi + 1}`;
      node.children.push({ name: caption, kind: SymbolKind.Object, start: b.start, end: b.end, sel: b.capSpan ?? { start: b.start, end: Math.min(b.end, lineEndOf(model.text, b.start)) }, children: [] });
    }
  }
  return node;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Nest nodes by containment (nodes sorted by start; a node goes under the innermost node that contains it). */
function nest(parent: Node, items: Node[]): void {
  items.sort((a, b) => a.start - b.start || b.end - a.end);
  const stack: Node[] = [parent];
  for (const it of items) {
    while (stack.length > 1 && !(it.start >= stack[stack.length - 1].start && it.end <= stack[stack.length - 1].end)) stack.pop();
    stack[stack.length - 1].children.push(it);
    if (it.kind !== SymbolKind.Struct) stack.push(it);
  }
}

function buildTree(model: ReportModel, locale: Locale): Node[] {
  const text = model.text;
  const tables = (['t2', 't3', 't4'] as const)
    .map((id) => model.tables[id])
    .filter((tb): tb is Table => !!tb && !tb.absent && tb.end > tb.start)
    .map((tb) => tableNode(model, tb, locale));
  const sectionNodes: Node[] = [];
  const sections = [...model.sections].sort((a, b) => a.start - b.start);
  for (const s of sections) {
    const span = trimEnd(text, { start: Math.min(s.start, s.heading.start), end: Math.max(s.end, s.heading.end) });
    const node: Node = {
      name: s.heading.text,
      detail: s.heading.text !== s.heading.official ? s.heading.official : undefined,
      kind: SymbolKind.Module,
      start: span.start,
      end: Math.max(span.end, s.heading.end),
      sel: { start: s.heading.start, end: s.heading.end },
      children: [],
    };
    // Sub-headings extend to the next sub-heading or a table start (whichever comes first), inside the section.
    const subs = [...s.subheadings].sort((a, b) => a.start - b.start);
    const inner: Node[] = [];
    subs.forEach((sh, i) => {
      let end = i + 1 < subs.length ? subs[i + 1].start : node.end;
      for (const tb of tables) if (tb.start > sh.start && tb.start < end && tb.end > end) end = tb.start;
      const r = trimEnd(text, { start: sh.start, end: Math.max(end, sh.end) });
      inner.push({ name: sh.text, kind: SymbolKind.String, start: r.start, end: Math.max(r.end, sh.end), sel: { start: sh.start, end: sh.end }, children: [] });
    });
    nest(node, inner);
    sectionNodes.push(node);
  }
  // Tables go into the innermost section / sub-heading that contains them; others stay at the top level.
  const top: Node[] = [];
  for (const tb of tables) {
    const sec = sectionNodes.find((s) => tb.start >= s.start && tb.end <= s.end);
    if (!sec) { top.push(tb); continue; }
    let parent: Node = sec;
    for (;;) {
      const child = parent.children.find((c) => c.kind === SymbolKind.String && tb.start >= c.start && tb.end <= c.end);
      if (!child) break;
      parent = child;
    }
    parent.children.push(tb);
    parent.children.sort((a, b) => a.start - b.start);
  }
  const roots = [...sectionNodes, ...top].sort((a, b) => a.start - b.start);
  if (model.title) {
    const tspan = { start: model.title.start, end: model.title.end };
    return [{ name: model.title.text, kind: SymbolKind.File, start: 0, end: text.length, sel: tspan, children: roots }];
  }
  return roots;
}

function toSymbol(doc: TextDocument, n: Node): DocumentSymbol {
  // selectionRange must lie inside range: clamp.
  const start = Math.min(n.start, n.sel.start), end = Math.max(n.end, n.sel.end);
  return {
    name: n.name || '—',
    detail: n.detail,
    kind: n.kind,
    range: toRange(doc, start, end),
    selectionRange: toRange(doc, n.sel.start, n.sel.end),
    children: n.children.map((c) => toSymbol(doc, c)),
  };
}

export function documentSymbols(doc: TextDocument, model: ReportModel, locale: Locale): DocumentSymbol[] {
  return buildTree(model, locale).map((n) => toSymbol(doc, n));
}

export function foldingRanges(doc: TextDocument, model: ReportModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (s: Span) => {
    const r = trimEnd(model.text, s);
    const a = doc.positionAt(r.start).line, b = doc.positionAt(r.end).line;
    const key = `${a}:${b}`;
    if (b > a && !seen.has(key)) { seen.add(key); out.push({ startLine: a, endLine: b }); }
  };
  const walk = (n: Node) => { if (n.kind !== SymbolKind.File) add(n); n.children.forEach(walk); };
  buildTree(model, 'zh-CN').forEach(walk);
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

/** Lowercased, width-folded, space-free form for matching queries. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function fuzzy(query: string, name: string): boolean {
  if (!query) return true;
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i >= query.length;
}

/** Workspace symbols over the given (open) documents. */
export function workspaceSymbols(docs: { doc: TextDocument; model: ReportModel; name: string }[], query: string, locale: Locale, limit = 1000): SymbolInformation[] {
  const q = norm(query);
  const out: SymbolInformation[] = [];
  for (const { doc, model, name } of docs) {
    const walk = (n: Node, container: string) => {
      if (out.length >= limit) return;
      if (fuzzy(q, norm(n.name)) || (n.detail !== undefined && fuzzy(q, norm(n.detail)))) {
        out.push({ name: n.name, kind: n.kind, location: { uri: doc.uri, range: toRange(doc, n.sel.start, n.sel.end) }, containerName: container });
      }
      for (const c of n.children) walk(c, n.kind === SymbolKind.File ? name : n.name);
    };
    for (const n of buildTree(model, locale)) walk(n, name);
  }
  return out;
}
