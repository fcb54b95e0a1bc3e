// HTML to report text. Paragraphs and other blocks become lines; every data table becomes one line per row
// with its cells separated by tabs, merged cells (colspan/rowspan) laid out on the grid they cover, so that the
// engine reads the table as it reads a PDF's tab-separated rows. Tables used for page layout (a cell holding
// another table) are read as ordinary blocks.
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'caption', 'ul', 'body', 'html', 'title', 'option',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'input', 'textarea']);
const MAX_SPAN = 1000;

const WS = /[ \t\n\r\f\u00a0\u200b]+/g;
const isCjk = (c: string | undefined) => !!c && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c);

function isHidden(el: Element): boolean {
  const style = el.attribs?.style;
  return 'hidden' in (el.attribs ?? {}) || (!!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style));
}

function elementChildren(el: Element, names: Set<string>): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (names.has(e.name)) out.push(e);
  }
  return out;
}

/** The rows of a table (not of the tables nested in it). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (e.name === 'tr') rows.push(e);
    else if (e.name === 'thead' || e.name === 'tbody' || e.name === 'tfoot') rows.push(...elementChildren(e, new Set(['tr'])));
  }
  return rows;
}

function containsTable(node: AnyNode): boolean {
  if (node.type !== 'tag') return false;
  const e = node as Element;
  if (e.name === 'table') return true;
  return e.children.some(containsTable);
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

class Lines {
  readonly out: string[] = [];
  private cur = '';
  /** Append inline text; white space collapses as a browser collapses it. */
  text(s: string): void {
    const t = s.replace(WS, ' ');
    if (t === ' ' && (this.cur === '' || this.cur.endsWith(' '))) return;
    this.cur += this.cur.endsWith(' ') && t.startsWith(' ') ? t.slice(1) : t;
  }
  break(): void {
    const line = this.cur.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
    if (line) this.out.push(line);
    this.cur = '';
  }
  raw(line: string): void { this.break(); if (line) this.out.push(line); }
}

/** Text of a table cell: its inline text, with line breaks inside it joined (no space between CJK characters). */
function cellText(node: AnyNode): string {
  const parts: string[] = [];
  const sub = new Lines();
  const walk = (n: AnyNode) => {
    if (n.type === 'text') { sub.text((n as unknown as { data: string }).data); return; }
    if (n.type !== 'tag') return;
    const e = n as Element;
    if (SKIP.has(e.name) || isHidden(e)) return;
    if (e.name === 'br') { sub.break(); return; }
    const block = BLOCK.has(e.name);
    if (block) sub.break();
    for (const c of e.children) walk(c);
    if (block) sub.break();
  };
  for (const c of (node as Element).children) walk(c);
  sub.break();
  for (const line of sub.out) {
    const t = line.replace(/\t/g, ' ');
    const prev = parts[parts.length - 1];
    if (prev !== undefined && !(isCjk(prev[prev.length - 1]) && isCjk(t[0]))) parts.push(' ');
    parts.push(t);
  }
  return parts.join('');
}

function emitTable(table: Element, lines: Lines): void {
  const grid: (string | undefined)[][] = [];
  const rows = tableRows(table);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of elementChildren(tr, new Set(['td', 'th']))) {
      while (grid[r][c] !== undefined) c++;
      const cs = span(cell.attribs.colspan), rs = Math.min(span(cell.attribs.rowspan), rows.length - r);
      const text = isHidden(cell) ? '' : cellText(cell);
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
      }
      c += cs;
    }
  });
  for (const row of grid) {
    const cells = Array.from(row ?? [], (x) => x ?? '');
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    if (cells.length) lines.raw(cells.join('\t'));
  }
}

/** Report text of an HTML document. */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const lines = new Lines();
  const walk = (n: AnyNode) => {
    if (n.type === 'text') { lines.text((n as unknown as { data: string }).data); return; }
    if (n.type !== 'tag') return;
    const e = n as Element;
    if (SKIP.has(e.name) || isHidden(e)) return;
    if (e.name === 'br') { lines.break(); return; }
    if (e.name === 'table') {
      const rows = tableRows(e);
      const layout = rows.some((tr) => elementChildren(tr, new Set(['td', 'th'])).some((td) => td.children.some(containsTable)));
      if (!layout) {
        lines.break();
        const caption = elementChildren(e, new Set(['caption']))[0];
        if (caption) lines.raw(cellText(caption));
        emitTable(e, lines);
        return;
      }
    }
    const block = BLOCK.has(e.name);
    if (block) lines.break();
    for (const c of e.children) walk(c);
    if (block) lines.break();
  };
  for (const c of doc.children) {
    if (c.type === 'tag' || c.type === 'text') walk(c);
  }
  lines.break();
  return lines.out.join('\n') + '\n';
}

/** The charset an HTML document declares (BOM aside): `<meta charset>` or `<meta http-equiv content="…charset=…">`. */
export function declaredCharset(head: Uint8Array): string | undefined {
  const s = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(s) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(s);
  return m?.[1];
}
