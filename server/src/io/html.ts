// HTML to report text. Paragraphs and other blocks become lines; every data table becomes one line per row
// with its cells separated by tabs, merged cells (colspan/rowspan) laid out on the grid they cover, so that the
// engine reads the table as it reads a PDF's tab-separated rows. Tables used for page layout (a cell holding
// another table) are read as ordinary blocks. The tree is walked without recursion: pages nest elements thousands
// deep (a recursive walk ran out of stack at about 5,000 levels).
import { DomHandler, Parser, type ParserOptions } from 'htmlparser2';
import type { AnyNode, Document, DomHandlerOptions, Element } from 'domhandler';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'caption', 'ul', 'body', 'html', 'title', 'option',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'input', 'textarea']);
const MAX_SPAN = 1000;

/**
 * Most parsing work a page may take, counted as the sum over its tags of the depth each is opened or closed at.
 * The parser's cost per tag grows with the depth of the elements open around it, so a page nested N levels costs
 * about N² (a page of 64 MiB could nest ten million levels: hours). A real page costs a few million; 10⁹ lets a
 * page nest about 30,000 elements (10,000 tables, each a table, a row and a cell) and keeps the worst page to a
 * few seconds here.
 */
export const MAX_NESTING_WORK = 1_000_000_000;

export class HtmlError extends Error {}

class BoundedHandler extends DomHandler {
  private work = 0;
  charge(): void {
    this.work += this.tagStack.length;
    if (this.work > MAX_NESTING_WORK) throw new HtmlError(`the web page nests its elements too deeply to be read (${this.tagStack.length} levels here)`);
  }
}

class BoundedParser extends Parser {
  constructor(private readonly bounded: BoundedHandler, options: ParserOptions) { super(bounded, options); }
  override onopentagname(start: number, end: number): void { this.bounded.charge(); super.onopentagname(start, end); }
  override onclosetag(start: number, end: number): void { this.bounded.charge(); super.onclosetag(start, end); }
}

function parseBounded(html: string): Document {
  const options: ParserOptions & DomHandlerOptions = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const handler = new BoundedHandler(undefined, options);
  new BoundedParser(handler, options).end(html);
  return handler.root;
}

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

/** Marks the end of an element's children on the walk's stack. */
class Leave { constructor(readonly el: Element) {} }

/**
 * Depth first over the nodes and all their descendants, in document order, with a stack instead of recursion:
 * `enter` says whether to walk an element's children, `leave` is called after them.
 */
function traverse(nodes: readonly AnyNode[], enter: (n: AnyNode) => boolean, leave: (e: Element) => void = () => {}): void {
  const stack: (AnyNode | Leave)[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length) {
    const top = stack.pop()!;
    if (top instanceof Leave) { leave(top.el); continue; }
    if (!enter(top) || top.type !== 'tag') continue;
    const e = top as Element;
    stack.push(new Leave(e));
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
}

/** The elements that are a table or have one inside them (one walk for the whole document). */
function elementsWithTables(nodes: readonly AnyNode[]): Set<AnyNode> {
  const found = new Set<AnyNode>();
  traverse(nodes, (n) => n.type === 'tag', (e) => {
    if (e.name === 'table' || e.children.some((c) => found.has(c))) found.add(e);
  });
  return found;
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
  traverse((node as Element).children, (n) => {
    if (n.type === 'text') { sub.text((n as unknown as { data: string }).data); return false; }
    if (n.type !== 'tag') return false;
    const e = n as Element;
    if (SKIP.has(e.name) || isHidden(e)) return false;
    if (e.name === 'br') { sub.break(); return false; }
    if (BLOCK.has(e.name)) sub.break();
    return true;
  }, (e) => { if (BLOCK.has(e.name)) sub.break(); });
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
  const doc = parseBounded(html);
  const roots = doc.children.filter((c) => c.type === 'tag' || c.type === 'text');
  const withTables = elementsWithTables(roots);
  const lines = new Lines();
  traverse(roots, (n) => {
    if (n.type === 'text') { lines.text((n as unknown as { data: string }).data); return false; }
    if (n.type !== 'tag') return false;
    const e = n as Element;
    if (SKIP.has(e.name) || isHidden(e)) return false;
    if (e.name === 'br') { lines.break(); return false; }
    if (e.name === 'table') {
      const rows = tableRows(e);
      const layout = rows.some((tr) => elementChildren(tr, new Set(['td', 'th'])).some((td) => td.children.some((c) => withTables.has(c))));
      if (!layout) {
        lines.break();
        const caption = elementChildren(e, new Set(['caption']))[0];
        if (caption) lines.raw(cellText(caption));
        emitTable(e, lines);
        return false;
      }
    }
    if (BLOCK.has(e.name)) lines.break();
    return true;
  }, (e) => { if (BLOCK.has(e.name)) lines.break(); });
  lines.break();
  return lines.out.join('\n') + '\n';
}

/** The charset an HTML document declares (BOM aside): `<meta charset>` or `<meta http-equiv content="…charset=…">`. */
export function declaredCharset(head: Uint8Array): string | undefined {
  const s = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(s) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(s);
  return m?.[1];
}
