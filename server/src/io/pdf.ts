// PDF to report text with pdf.js (pdfjs-dist, legacy build for Node). Text items are put back into lines by
// their position on the page; on a line, a wide gap (a table cell boundary) becomes a tab, so a table row
// comes out as tab-separated cells, and row labels wrapped over several lines come out as pdftotext prints them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Item { str: string; x: number; y: number; w: number; size: number }

// pdf.js loads its worker, CMaps and fonts from files at run time. The build copies them into dist/pdfjs/ beside
// the bundles (that is what the .vsix ships); compiled by tsc and run from out/, they come from node_modules.
const req = createRequire(__filename);

interface PdfjsFiles { module: string; cmaps: string; fonts: string }
let files: PdfjsFiles | undefined;
function pdfjsFiles(): PdfjsFiles {
  if (files) return files;
  const bundled = join(__dirname, 'pdfjs');
  if (existsSync(join(bundled, 'pdf.mjs'))) {
    files = { module: join(bundled, 'pdf.mjs'), cmaps: join(bundled, 'cmaps'), fonts: join(bundled, 'standard_fonts') };
  } else {
    const root = dirname(req.resolve('pdfjs-dist/package.json'));
    files = { module: join(root, 'legacy', 'build', 'pdf.mjs'), cmaps: join(root, 'cmaps'), fonts: join(root, 'standard_fonts') };
  }
  return files;
}

// pdf.js is an ES module; a real dynamic import() (not turned into require() by the compilers) loads it.
const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<Pdfjs> | undefined;

/**
 * In Node, pdf.js takes DOMMatrix from the optional native package @napi-rs/canvas (for rendering) and
 * creates one when it loads. Only text is read here, so without that package (the .vsix ships no native
 * code) an identity-matrix stand-in lets the module load; the warnings it prints about rendering are dropped.
 */
async function loadPdfjs(): Promise<Pdfjs> {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix === undefined) {
    g.DOMMatrix = class TextOnlyMatrix {
      a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
      constructor(init?: ArrayLike<number>) {
        if (init && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init);
      }
    };
  }
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0])) return;
    warn(...args);
  };
  try {
    return await (dynamicImport(pathToFileURL(pdfjsFiles().module).href) as Promise<Pdfjs>);
  } finally {
    console.warn = warn;
  }
}

function pdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= loadPdfjs().catch((e) => {
    pdfjsPromise = undefined;
    throw new PdfError(`pdf.js could not be loaded (${(e as Error).message})`);
  });
  return pdfjsPromise;
}

export class PdfError extends Error {}

/**
 * Most pages read from a PDF. A report is 5–30 pages, under 100 with its annexes; a PDF of many more is not one
 * report, and the time to read one grows faster than its pages (500 pages of one line: 2 s and 136 MB here;
 * 20,000 pages: 8 minutes and 274 MB). 500 leaves five times the longest report; the page count is known as soon as
 * the document is opened, before any page is read.
 */
export const MAX_PDF_PAGES = 500;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A gap between two pieces of text on a line wide enough to be a cell boundary (text runs on without one). */
function cellGap(gap: number, size: number, before: string, after: string): boolean {
  if (gap > 0.9 * size) return true;
  if (/[0-9]/.test(before) && /[0-9]/.test(after)) return gap > 0.25 * size;
  return (CJK.test(before) || CJK.test(after)) && gap > 0.45 * size;
}

const NUMERIC = /^(?:[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-—–－/／])$/;
const HEADING = /^[一二三四五六]、\S{5,}/;

interface Line { y: number; size: number; items: Item[] }

function joinItems(items: Item[]): string {
  items.sort((a, b) => a.x - b.x);
  let out = '';
  let prevEnd = -Infinity;
  let prevChar = '';
  for (const it of items) {
    const gap = it.x - prevEnd;
    const size = Math.max(1, it.size);
    if (out) {
      if (cellGap(gap, size, prevChar, it.str[0])) out += '\t';
      else if (gap > 0.2 * size && !(CJK.test(prevChar) && CJK.test(it.str[0]))) out += ' ';
    }
    out += it.str;
    prevEnd = Math.max(prevEnd, it.x + it.w);
    prevChar = it.str[it.str.length - 1];
  }
  return out.replace(/[ \u3000]+$/, '');
}

/** A table row: a line with a number standing alone in its cell (wide gaps on both sides). */
function isValueLine(line: Line): boolean {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  if (items.length < 2) return false;
  return items.some((it, i) => {
    if (!NUMERIC.test(it.str.trim())) return false;
    const before = i === 0 ? Infinity : it.x - (items[i - 1].x + items[i - 1].w);
    const after = i === items.length - 1 ? Infinity : items[i + 1].x - (it.x + it.w);
    return before > 0.9 * it.size && after > 0.9 * it.size;
  });
}

const FOOTER = /^\s*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页.*|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const overlap = (a: Item, b: Item) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
const within = (a: Item, b: Item) => a.x >= b.x - 0.5 * b.size && a.x + a.w <= b.x + b.w + 0.5 * b.size;

/** Put a fragment line into the cells of a table row; false (and nothing changed) when it does not fit them. */
function place(f: Line, t: Line, above: boolean): boolean {
  const nums = t.items.filter((it) => NUMERIC.test(it.str.trim()));
  const firstNum = Math.min(...nums.map((it) => it.x));
  const placed: { it: Item; host?: Item }[] = [];
  for (const it of [...f.items].sort((x, y) => x.x - y.x)) {
    let host: Item | undefined, best = 0;
    for (const h of t.items) {
      if (NUMERIC.test(h.str.trim())) continue;
      const o = overlap(h, it);
      if (o > best && (within(it, h) || within(h, it))) { best = o; host = h; }
    }
    if (host && best > 0.3 * Math.min(host.size, it.size)) placed.push({ it, host });
    else if (it.x + it.w <= firstNum + 0.2 * it.size && !t.items.some((h) => overlap(h, it) > 0)) placed.push({ it });
    else return false;
  }
  for (const host of new Set(placed.map((x) => x.host))) {
    const mine = placed.filter((x) => x.host === host).map((x) => x.it);
    if (!host) { for (const it of mine) t.items.push({ ...it }); continue; }
    const str = mine.map((x) => x.str).join('');
    const x = Math.min(host.x, ...mine.map((i) => i.x)), end = Math.max(host.x + host.w, ...mine.map((i) => i.x + i.w));
    host.str = above ? str + host.str : host.str + str;
    host.x = x; host.w = end - x;
  }
  return true;
}

/**
 * Table cells whose text wraps over several lines print the row's values on one of them: the other lines of
 * the row's cells are put back into the cells of the nearest row, so that each table row comes out as one
 * line. Lines that do not fit the row's cells (headers over the value columns, captions, prose) stay as they are.
 */
function mergeWrappedCells(lines: Line[]): Line[] {
  const value = lines.map(isValueLine);
  const merged = new Set<number>();
  const candidate = (l: Line) => !l.items.some((it) => it.str.includes('。')) && !HEADING.test(joinItems([...l.items])) && !FOOTER.test(joinItems([...l.items]));
  // a row's cells are centred on its values: the lines of its labels lie as far below the value line as above it
  const top = new Map<Line, number>();
  let i = 0;
  while (i < lines.length) {
    if (value[i]) { i++; continue; }
    let j = i;
    while (j < lines.length && !value[j]) j++;
    // lines i … j-1 lie between the value lines i-1 (above, if any) and j (below, if any)
    const A = i > 0 ? lines[i - 1] : undefined, B = j < lines.length ? lines[j] : undefined;
    let k = i;
    if (A) {
      const bottom = 2 * A.y - (top.get(A) ?? A.y) - 0.6 * A.size;
      for (; k < j; k++) {
        const f = lines[k];
        if (f.y < bottom || A.y - f.y > 3.2 * A.size || (B && A.y - f.y > f.y - B.y && (top.get(A) ?? A.y) === A.y)) break;
        if (!candidate(f) || !place(f, A, false)) break;
        merged.add(k);
      }
    }
    if (B) {
      for (let m = j - 1; m >= k; m--) {
        const f = lines[m];
        if (f.y - B.y > 3.2 * B.size || !candidate(f) || !place(f, B, true)) break;
        merged.add(m);
        top.set(B, f.y);
      }
    }
    i = j;
  }
  return lines.filter((_, k) => !merged.has(k));
}

/** The items of a line merged into cells: runs of items without a cell-wide gap between them. */
function cellsOf(items: Item[]): Item[] {
  items.sort((a, b) => a.x - b.x);
  const cells: Item[][] = [];
  let prevEnd = -Infinity;
  let prevChar = '';
  for (const it of items) {
    const gap = it.x - prevEnd;
    if (!cells.length || cellGap(gap, it.size, prevChar, it.str[0])) cells.push([it]);
    else cells[cells.length - 1].push(it);
    prevEnd = Math.max(prevEnd, it.x + it.w);
    prevChar = it.str[it.str.length - 1];
  }
  return cells.map((c) => {
    const x = Math.min(...c.map((i) => i.x)), end = Math.max(...c.map((i) => i.x + i.w));
    return { str: joinItems(c), x, y: c[0].y, w: end - x, size: Math.max(...c.map((i) => i.size)) };
  });
}

function pageLines(items: Item[]): string[] {
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of items) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - it.y) < 0.5 * Math.min(line.size, it.size)) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const l of lines) l.items = cellsOf(l.items);
  return mergeWrappedCells(lines).map((l) => joinItems(l.items)).filter((s) => s.trim());
}

export async function pdfToText(buf: Uint8Array): Promise<string> {
  const lib = await pdfjs();
  const { cmaps, fonts } = pdfjsFiles();
  const task = lib.getDocument({
    data: new Uint8Array(buf), // pdf.js takes ownership of the bytes
    cMapUrl: cmaps + '/',
    cMapPacked: true,
    standardFontDataUrl: fonts + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new PdfError('encrypted PDF (a password is needed to read it)');
    if (name === 'InvalidPDFException') throw new PdfError('not a valid PDF file');
    throw new PdfError(`cannot read the PDF: ${(e as Error).message}`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new PdfError(`the PDF has ${doc.numPages} pages; a report has fewer than 100, and more than ${MAX_PDF_PAGES} are not read`);
    const out: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str.trim()) continue;
        const [a, b, c, d, x, y] = raw.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 10;
        items.push({ str: raw.str.replace(/\s+/g, ' '), x, y, w: raw.width, size });
      }
      out.push(...pageLines(items));
      page.cleanup();
    }
    if (!out.join('').trim()) throw new PdfError('the PDF has no text layer (a scanned image?); it needs OCR first');
    return out.join('\n') + '\n';
  } finally {
    await doc.destroy();
  }
}
