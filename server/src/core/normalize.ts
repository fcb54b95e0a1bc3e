// Normalising tables: every table whose rows were all located is rewritten in the canonical tab-separated
// layout (the layout of a new report: official captions, headers and row labels, one row per line, cells
// separated by tabs), keeping every value exactly as written. Pure; the result reads back to the same values,
// and normalising it again changes nothing.
//
// A table is left as it is when rewriting it could lose anything: a row not located, a column missing, or
// text inside the table's extent that is neither a value nor template wording (a note, a unit, stray numbers).
import { recoverCollapsedTables } from './parse/collapsed';
import { parseReport } from './parse/report';
import { looseRegex } from './parse/loose';
import { tableDef, type TableDef } from './template';
import { LineIndex } from './text';
import type { ReportModel, Span, Table, TableId, TemplateVersion, TextEdit } from './types';

export type NormalizeStatus = 'rewritten' | 'unchanged' | 'skipped';

export interface TableNormalization {
  id: TableId;
  status: NormalizeStatus;
  /** Why a table was skipped (English; the CLI prints it). */
  reason?: string;
}

export interface NormalizeResult {
  text: string;
  edits: TextEdit[];
  tables: TableNormalization[];
}

const FOOTER = /^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
/** A page footer run into a line (`… 769 - 4 - 法提供 …`), as pdftotext prints it. */
const INLINE_FOOTER = /(?<=^|\s)[-—－–]\s*\d{1,3}\s*[-—－–](?=\s|$)/g;
/** A page footer glued to the text around it (`…769-4-法提供…`), as text collapsed from a web page has it. */
const GLUED_FOOTER = /(?<![\d\-—－–])[-—－–]\d{1,3}[-—－–](?![\d\-—－–])/g;
const T3_HEAD = ['申请人情况', '法人或其他组织'];
const T4_HEAD = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];
const T4_COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** Punctuation and separators that may be left between the cells of a table. */
const FILLER = /^[\s|｜:：,，;；。.、·()（）[\]【】\-—－–_/／\\*"'“”‘’]*$/;

/** The canonical lines of a table, with the values of `table` (all rows located). */
export function canonicalLines(def: TableDef, table: Pick<Table, 'rows'>, withNote = true): string[] {
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const values = (key: string, cols: { key: string }[]) => {
    const row = byKey.get(key);
    return cols.map((c) => row?.cells.find((x) => x.colKey === c.key)?.value.raw ?? '');
  };
  const lines: string[] = [];
  if (def.id === 't2') {
    for (const b of def.blocks) {
      if (b.caption) lines.push(b.caption);
      lines.push([b.firstHeader ?? '信息内容', ...b.columns.map((c) => c.label)].join('\t'));
      for (const r of b.rows) lines.push([r.label, ...values(r.key, b.columns)].join('\t'));
    }
  } else if (def.id === 't3') {
    const b = def.blocks[0];
    const cols = b.columns;
    lines.push([withNote ? def.note ?? '' : '', T3_HEAD[0]].join('\t'));
    lines.push(['', cols[0].label, T3_HEAD[1], '', '', '', '', cols[cols.length - 1].label].join('\t'));
    lines.push(['', '', ...cols.slice(1, cols.length - 1).map((c) => c.label)].join('\t'));
    let group: string | undefined;
    const printed = new Set<string>();
    for (const r of b.rows) {
      if (r.group && r.group !== group) {
        const outer = r.group.startsWith('（') ? '三、本年度办理结果' : undefined;
        if (outer && !printed.has(outer)) { lines.push(outer); printed.add(outer); }
        if (!printed.has(r.group)) { lines.push(r.group); printed.add(r.group); }
        group = r.group;
      }
      lines.push([r.label, ...values(r.key, cols)].join('\t'));
    }
  } else {
    const b = def.blocks[0];
    lines.push([T4_HEAD[0], '', '', '', '', T4_HEAD[1]].join('\t'));
    lines.push([...T4_COLS, T4_HEAD[2], '', '', '', '', T4_HEAD[3]].join('\t'));
    lines.push(['', '', '', '', '', ...T4_COLS, ...T4_COLS].join('\t'));
    lines.push(values(b.rows[0].key, b.columns).join('\t'));
  }
  return lines;
}

/** Template wording that may appear inside or around a table: the header wording, and row and group labels. */
function vocabulary(def: TableDef): string[] {
  const words = new Set(headerWords(def));
  for (const b of def.blocks) for (const r of b.rows) { if (r.label.trim()) words.add(r.label); if (r.group?.trim()) words.add(r.group); }
  words.add('三、本年度办理结果');
  // longest first, so that a label is taken whole before a shorter word inside it
  return [...words].sort((a, b) => b.length - a.length);
}

const anchoredCache = new Map<string, { end: RegExp; start: RegExp }>();
function anchored(word: string): { end: RegExp; start: RegExp } {
  let re = anchoredCache.get(word);
  if (!re) {
    const src = looseRegex(word).source;
    re = { end: new RegExp(`(?:${src})$`), start: new RegExp(`^(?:${src})`) };
    anchoredCache.set(word, re);
  }
  return re;
}

/** Header wording of a table: what may stand above its first row, also in fragments (`结 果`, `其他结`). */
function headerWords(def: TableDef): string[] {
  const words = new Set<string>();
  const add = (w: string | undefined) => { if (w && w.trim()) words.add(w); };
  add(def.note);
  for (const h of def.headerLabels ?? []) add(h);
  if (def.id === 't3') T3_HEAD.forEach(add);
  if (def.id === 't4') [...T4_HEAD, ...T4_COLS].forEach(add);
  for (const b of def.blocks) {
    add(b.caption); add(b.firstHeader ?? '信息内容');
    for (const c of b.columns) { add(c.label); for (const g of c.group?.split('·') ?? []) add(g); }
  }
  return [...words].sort((a, b) => b.length - a.length);
}

/** Whether a piece of text is header wording only: whole words, or fragments made of the headers' characters. */
function isHeaderText(piece: string, words: string[], chars: Set<string>): boolean {
  let rest = piece.replace(INLINE_FOOTER, ' ');
  for (const w of words) rest = rest.replace(new RegExp(looseRegex(w).source, 'g'), ' ');
  let n = 0;
  for (const ch of rest) {
    if (FILLER.test(ch)) continue;
    if (!chars.has(ch) || /[0-9０-９]/.test(ch)) return false;
    n++;
  }
  return n > 0 || /\S/.test(piece);
}

/**
 * Move `start` back over the table's header wording, white space, pipes and page footers before it (not
 * before `limit`): whole lines of it, or words of it before the table on the same line when they begin there.
 */
function extendBack(text: string, start: number, limit: number, vocab: string[], head: string[]): number {
  const headChars = new Set(head.join(''));
  const stops = [start];
  for (;;) {
    let s = start;
    while (s > limit && /[ \t\u3000|｜]/.test(text[s - 1])) s--;
    if (s <= limit) break;
    if (text[s - 1] === '\n' || text[s - 1] === '\r') {
      // the line before: taken whole when it is a footer or header wording
      let e = s;
      while (e > limit && /[\s|｜]/.test(text[e - 1])) e--;
      if (e <= limit) break;
      const ls = Math.max(limit, text.lastIndexOf('\n', e - 1) + 1);
      const line = text.slice(ls, e);
      if ((line.trim() && FOOTER.test(line.trim())) || isHeaderText(line, head, headChars)) { start = ls; stops.push(start); continue; }
      break;
    }
    const tail = text.slice(Math.max(limit, s - 300), s);
    let m: RegExpExecArray | null = null;
    for (const w of vocab) if ((m = anchored(w).end.exec(tail))) break;
    if (m) { start = s - m[0].length; stops.push(start); continue; }
    const ls = Math.max(limit, text.lastIndexOf('\n', s - 1) + 1);
    if (ls < s && isHeaderText(text.slice(ls, s), head, headChars)) { start = ls; stops.push(start); continue; }
    break;
  }
  // a word taken from the end of other text (…申请总计) is not a header: go back to the last clean start
  while (stops.length > 1) {
    const s = stops[stops.length - 1];
    if (s <= limit || /[\s|｜]/.test(text[s - 1])) break;
    stops.pop();
  }
  return stops[stops.length - 1];
}

/** Move `end` forward over white space, pipes and page footers after it (not past `limit`). */
function extendForward(text: string, end: number, limit: number): number {
  for (;;) {
    let e = end;
    while (e < limit && /[ \t\u3000|｜]/.test(text[e])) e++;
    if (e < limit && (text[e] === '\n' || text[e] === '\r')) {
      let lineEnd = text.indexOf('\n', e + 1);
      if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
      const next = text.slice(e, lineEnd).trim();
      if (next && FOOTER.test(next)) { end = lineEnd; continue; }
    }
    return end;
  }
}

/** Whether the text of the table extent outside the known spans is only template wording and separators. */
function onlyWording(rest: string[], vocab: string[], chars: Set<string>): string | undefined {
  for (let piece of rest) {
    for (const line of piece.split('\n')) if (FOOTER.test(line.trim())) piece = piece.replace(line, ' ');
    piece = piece.replace(INLINE_FOOTER, ' ').replace(GLUED_FOOTER, ' ');
    for (const w of vocab) {
      const re = new RegExp(looseRegex(w).source, 'g');
      piece = piece.replace(re, ' ');
    }
    for (const ch of piece) {
      if (FILLER.test(ch)) continue;
      if (/[0-9０-９]/.test(ch)) return `stray number text "${piece.trim().slice(0, 20)}"`;
      if (!chars.has(ch)) return `text that is not part of the table: "${piece.trim().slice(0, 20)}"`;
    }
  }
  return undefined;
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function planTable(text: string, model: ReportModel, table: Table, version: TemplateVersion, eol: string): { edit?: TextEdit; status: NormalizeStatus; reason?: string } {
  const def = tableDef(version, table.id, table.variant);
  const unlocated = table.rows.filter((r) => r.status !== 'ok');
  if (table.absent) return { status: 'skipped', reason: 'table not found' };
  if (unlocated.length) return { status: 'skipped', reason: `${unlocated.length} row(s) not located` };
  if (table.missingColumns?.length) return { status: 'skipped', reason: `column(s) missing: ${table.missingColumns.map((c) => c.label).join(', ')}` };
  if (table.truncatedAt !== undefined) return { status: 'skipped', reason: 'table region too large' };
  if (table.id === 't2' && model.template === null) return { status: 'skipped', reason: 'template version not recognised from the headers' };
  const vocab = vocabulary(def);
  const region = table.region;
  let start = extendBack(text, table.start, region.start, vocab, headerWords(def));
  let end = extendForward(text, table.end, region.end);
  // whole lines where the table's lines hold nothing else
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const atLineStart = !/\S/.test(before);
  if (atLineStart) start = lineStart;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r' && lineEnd - 1 >= end) lineEnd--;
  const atLineEnd = !/\S/.test(text.slice(end, lineEnd));
  if (atLineEnd) end = lineEnd;
  // the block goes on lines of its own: the spaces where the line is broken go
  if (!atLineStart) while (start > lineStart && /[ \t\u3000]/.test(text[start - 1])) start--;
  if (!atLineEnd) while (end < lineEnd && /[ \t\u3000]/.test(text[end])) end++;

  // everything in [start, end) that is not a value, a matched label, header or caption must be template wording
  const known: Span[] = [];
  const labels: { span: Span; official: string }[] = [];
  for (const r of table.rows) {
    for (const c of r.cells) known.push(c);
    if (r.labelMatch) labels.push({ span: r.labelMatch, official: r.label });
  }
  for (const c of table.columns) if (c.match) labels.push({ span: c.match, official: c.label });
  for (const c of table.captions) if (c.match) labels.push({ span: c.match, official: c.official });
  // a label read from garbled text is replaced by the official one: it must not hold a number of its own
  const digits = (s: string) => [...s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))].filter((c) => c >= '0' && c <= '9').sort().join('');
  const cells = [...known];
  const masked = (sp: Span) => {
    // the label's own text: a label wrapped around its row's values spans them
    let out = '', at = sp.start;
    for (const c of cells) {
      if (c.end <= at || c.start >= sp.end) continue;
      out += text.slice(at, Math.max(at, c.start)) + ' ';
      at = Math.max(at, c.end);
    }
    return out + text.slice(at, Math.max(at, sp.end));
  };
  cells.sort((a, b) => a.start - b.start);
  for (const l of labels) {
    const got = digits(masked(l.span).replace(INLINE_FOOTER, ' '));
    if (got && got !== digits(l.official)) return { status: 'skipped', reason: `number text in a label: "${text.slice(l.span.start, l.span.end).slice(0, 30)}"` };
    known.push(l.span);
  }
  known.sort((a, b) => a.start - b.start);
  const rest: string[] = [];
  let at = start;
  for (const k of known) {
    if (k.end <= at) continue;
    if (k.start > at) rest.push(text.slice(at, Math.min(k.start, end)));
    at = Math.max(at, k.end);
    if (at >= end) break;
  }
  if (at < end) rest.push(text.slice(at, end));
  const chars = new Set(vocab.join(''));
  const problem = onlyWording(rest, vocab, chars);
  if (problem) return { status: 'skipped', reason: problem };

  // the note of 表三 is kept where it was: written in the table when it was there (or nowhere), else left alone
  let withNote = true;
  if (def.note) {
    const re = looseRegex(def.note);
    re.lastIndex = region.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && m.index < region.end) {
      if (m.index < start || m.index + m[0].length > end) { withNote = false; break; }
    }
  }
  const block = canonicalLines(def, table, withNote).join(eol);
  const newText = (atLineStart ? '' : eol) + block + (atLineEnd ? '' : eol);
  if (text.slice(start, end) === newText) return { status: 'unchanged' };
  return { edit: { start, end, newText }, status: 'rewritten' };
}

/** One pass: the edits that rewrite every fully located table, and what happened to each table. */
function normalizeOnce(text: string, model: ReportModel): { edits: TextEdit[]; tables: TableNormalization[] } {
  const eol = eolOf(text);
  const edits: TextEdit[] = [];
  const tables: TableNormalization[] = [];
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const table = model.tables[id];
    if (!table) continue;
    const plan = planTable(text, model, table, model.tableVersion, eol);
    if (plan.edit && edits.some((e) => e.start < plan.edit!.end && plan.edit!.start < e.end)) {
      tables.push({ id, status: 'skipped', reason: 'overlaps another table' });
      continue;
    }
    if (plan.edit) edits.push(plan.edit);
    tables.push({ id, status: plan.status, ...(plan.reason ? { reason: plan.reason } : {}) });
  }
  return { edits, tables };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The one edit that turns a into b: what lies between their common start and common end. */
function diffEdit(a: string, b: string): TextEdit {
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return { start: p, end: a.length - q, newText: b.slice(p, b.length - q) };
}

/** Passes at most: rewriting one table can make another readable that was not (text collapsed onto one line). */
const MAX_PASSES = 3;

/**
 * The report with every fully located table in the canonical layout, and what happened to each table. Rewriting
 * a table puts it on lines of its own, which can make a neighbour readable that was not: the passes go on until
 * nothing changes, so that applying it again changes nothing. After one pass the edits are the tables' own; after
 * several, one edit covers what changed.
 */
export function normalizeReport(text: string, model: ReportModel = parseReport(text, new LineIndex(text))): NormalizeResult {
  const first = normalizeOnce(text, model);
  if (!first.edits.length) return { text, edits: [], tables: first.tables };
  let cur = applyEdits(text, first.edits);
  const status = new Map(first.tables.map((t) => [t.id, t]));
  let passes = 1;
  for (; passes < MAX_PASSES; passes++) {
    const next = normalizeOnce(cur, parseReport(cur, new LineIndex(cur)));
    if (!next.edits.length) break;
    for (const t of next.tables) if (t.status === 'rewritten' || status.get(t.id)?.status !== 'rewritten') status.set(t.id, t);
    cur = applyEdits(cur, next.edits);
  }
  const tables = first.tables.map((t) => status.get(t.id) ?? t);
  return { text: cur, edits: passes === 1 ? first.edits : [diffEdit(text, cur)], tables };
}

/** The edits that rewrite every fully located table in the canonical layout (see normalizeReport), and what happened to each table. */
export function normalizeEdits(text: string, model?: ReportModel): { edits: TextEdit[]; tables: TableNormalization[] } {
  const { edits, tables } = normalizeReport(text, model);
  return { edits, tables };
}

/** The report text with every fully located table rewritten in the canonical tab-separated layout. */
export function normalizeTables(text: string): string {
  return normalizeReport(text).text;
}

/**
 * The report as `nianbao format` and the editor's import command write it: cells run together (text collapsed
 * from a web page) recovered where exactly one split fits the template, then every fully located table in the
 * canonical layout.
 */
export function formatReport(text: string): NormalizeResult {
  return normalizeReport(text, recoverCollapsedTables(text, parseReport(text)).model);
}
