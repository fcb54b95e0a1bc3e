// Where the prose is: the whole text less the table regions (表二/表三/表四 with their header areas, which the
// table rules and label-typo check). Computed once per model and shared by every prose rule.
import type { ReportModel, Span } from '../types';

const cache = new WeakMap<ReportModel, { prose: Span[]; tables: Span[] }>();

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Table regions (merged, sorted). A table that was not found at all has no region here. */
export function tableSpans(model: ReportModel): Span[] {
  return regions(model).tables;
}

/** Prose spans: sorted, disjoint, covering everything outside the table regions. */
export function proseSpans(model: ReportModel): Span[] {
  return regions(model).prose;
}

function regions(model: ReportModel): { prose: Span[]; tables: Span[] } {
  let r = cache.get(model);
  if (r) return r;
  const raw: Span[] = [];
  for (const t of Object.values(model.tables)) {
    if (!t || t.absent) continue;
    // the region searched for the table starts at its section heading: keep the heading line as prose
    const sec = model.sections.find((s) => s.start <= t.region.start && t.region.start < s.end && s.heading.end <= t.region.end);
    const start = sec && sec.heading.end > t.region.start ? sec.heading.end : t.region.start;
    const end = Math.max(t.end, proseTailStart(model.text, t.region.start, t.region.end));
    raw.push({ start: Math.min(start, t.start), end: Math.max(end, t.end) });
  }
  const tables = merge(raw);
  const prose: Span[] = [];
  let at = 0;
  for (const t of tables) {
    if (t.start > at) prose.push({ start: at, end: t.start });
    at = Math.max(at, t.end);
  }
  if (at < model.text.length) prose.push({ start: at, end: model.text.length });
  r = { prose, tables };
  cache.set(model, r);
  return r;
}

/** A line of a table: cells split by | or tabs, or numbers side by side. */
const TABLE_LINE = /[|\t]|\d\s+\d/;
/** A line of running text: a sentence (。，；) of eight or more Han characters, no cells. */
const PROSE_LINE = /^(?=(?:[^\n]*[\u4e00-\u9fff]){8})[^|\t\n]*[。，；][^|\t\n]*$/;

/**
 * Where the prose after a table starts, when a table's region runs on into paragraphs (a heading lost in
 * conversion leaves the text of the next section inside the region): after the last line of cells, when at least
 * two lines of running text follow it; else the region's end.
 */
function proseTailStart(text: string, start: number, end: number): number {
  let lastTable = -1, proseLines = 0;
  for (let at = start; at < end;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd);
    if (TABLE_LINE.test(line)) { lastTable = lineEnd; proseLines = 0; }
    else if (PROSE_LINE.test(line)) proseLines++;
    at = lineEnd + 1;
  }
  return lastTable >= 0 && proseLines >= 2 ? lastTable : end;
}

/** Is [start, end) entirely inside one of the spans (sorted, disjoint)? Binary search. */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end;
  }
  return false;
}
