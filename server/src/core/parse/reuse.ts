// Tables kept from one check to the next (the language server checks every version of a document): a table whose
// region reads the same as before is not read again, only moved to where its region starts now. Reading the tables
// is half of a report's check; a keystroke in the prose leaves every table's region as it was. The same goes for
// what else is read from a region alone: the template's version markers, the rows recovered in collapsed text.
//
// What a table is read from is its region's text and nothing else (the line breaks inside it, the template and
// the options): the key is that text with one character either side (a line break next to the region), and the
// caller's tag for the rest. Kept values hold positions relative to the region and no string of the old text
// (a slice of it would keep the whole old version alive); each use gets a new copy, so that nothing a caller does
// to one model reaches another. test/unit/reuse.test.ts checks, over random edits, that a check with kept values
// finds exactly what a check from scratch finds.
import type { Cell, LabelMatch, Row, Span, Table } from '../types';

export interface TableReuseLimits {
  /** Values kept at most (the least recently used go first): a region keeps its markers, its table and its recovered table. */
  maxEntries?: number;
  /** Characters of region text kept at most, summed over the values kept (a region larger than this is not kept). */
  maxChars?: number;
}

/** A copy of a kept value with its positions moved by d (strings of the text copied when `detach`). */
export type Mover<T> = (value: T, d: number, detach: boolean) => T;

interface Entry { tag: string; lead: number; trail: number; value: unknown; chars: number }
/** The values kept for one region text, under a key string of their own. */
interface Bucket { key: string; entries: Entry[] }

export class TableReuse {
  private readonly byText = new Map<string, Bucket>();
  private chars = 0;
  private count = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  /** Values reused and values computed, since the start (for tests and the bench; a region too large to keep is not counted). */
  hits = 0;
  misses = 0;

  constructor(limits: TableReuseLimits = {}) {
    this.maxEntries = limits.maxEntries ?? 64;
    this.maxChars = limits.maxChars ?? 4_000_000;
  }

  /**
   * What is kept for text's region: look it up through the handle (its key string is made, and hashed, once). A
   * region larger than maxChars is neither kept nor looked up.
   */
  region(text: string, region: Span): KeptRegion {
    const a = Math.max(0, region.start - 1), b = Math.min(text.length, region.end + 1);
    return new KeptRegion(this, b - a > this.maxChars ? undefined : text.slice(a, b), region.start, region.start - a, b - region.end);
  }

  /** @internal (KeptRegion.kept) */
  lookup(key: string, tag: string, lead: number, trail: number): unknown {
    const bucket = this.byText.get(key);
    const hit = bucket?.entries.find((e) => e.tag === tag && e.lead === lead && e.trail === trail);
    if (!bucket || !hit) { this.misses++; return undefined; }
    this.hits++;
    // most recently used last (the map's order is the eviction order), under the kept key, not this text's slice
    this.byText.delete(key);
    this.byText.set(bucket.key, bucket);
    return hit.value;
  }

  /** @internal (KeptRegion.kept) */
  keep(key: string, entry: Entry): void {
    const bucket = this.byText.get(key);
    if (bucket) {
      this.byText.delete(key);
      bucket.entries.push(entry);
      this.byText.set(bucket.key, bucket);
    } else {
      const own = detached(key);
      this.byText.set(own, { key: own, entries: [entry] });
    }
    this.chars += entry.chars;
    this.count++;
    this.evict();
  }

  /** Forget everything kept. */
  clear(): void { this.byText.clear(); this.chars = 0; this.count = 0; }

  /** Values kept now. */
  get size(): number { return this.count; }

  private evict(): void {
    for (const [key, bucket] of this.byText) {
      if (this.count <= this.maxEntries && this.chars <= this.maxChars) return;
      this.byText.delete(key);
      for (const e of bucket.entries) { this.count--; this.chars -= e.chars; }
    }
  }
}

/** One region of one text, for the lookups of its values. */
export class KeptRegion {
  constructor(private readonly owner: TableReuse, private readonly key: string | undefined, private readonly start: number,
    private readonly lead: number, private readonly trail: number) {}

  /**
   * What `compute` returns for the region, or a moved copy of what it returned for the same region text before.
   * `compute` must depend on nothing but the region's text (and what `tag` names); `move` must move every position.
   */
  kept<T>(tag: string, compute: () => T, move: Mover<T>): T {
    const key = this.key;
    if (key === undefined) return compute();
    const hit = this.owner.lookup(key, tag, this.lead, this.trail);
    if (hit !== undefined) return move(hit as T, this.start, false);
    const value = compute();
    this.owner.keep(key, { tag, lead: this.lead, trail: this.trail, value: move(value, -this.start, true), chars: key.length });
    return value;
  }
}

/** A string of its own: a slice shares its parent's memory, this copy does not (V8 flattens the concatenation). */
function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * A copy of t with every position moved by d; strings of the text copied when `detach` (the table is being kept).
 * Every position a Table holds is here: the table's, its region's, each row's span, cells and label, each column's
 * and caption's match, each row group's label, the stray runs and where reading stopped (a test walks a table for
 * any it would miss).
 */
export function moved(t: Table, d: number, detach: boolean): Table {
  // object literals and loops, not spreads and closures: a table of a few hundred cells is copied in a few µs
  const rows: Row[] = new Array(t.rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = t.rows[i], cells: Cell[] = new Array(r.cells.length);
    for (let k = 0; k < cells.length; k++) {
      const c = r.cells[k];
      cells[k] = { rowKey: c.rowKey, colKey: c.colKey, start: c.start + d, end: c.end + d, value: detach ? Object.assign({}, c.value, { raw: detached(c.value.raw) }) : c.value };
    }
    rows[i] = {
      key: r.key, label: r.label, blockIndex: r.blockIndex, labelMatch: r.labelMatch && movedLabel(r.labelMatch, d, detach),
      cells, status: r.status, span: r.span && movedSpan(r.span, d),
    };
  }
  const out: Table = Object.assign({}, t, {
    start: t.start + d, end: t.end + d, rows,
    columns: t.columns.map((c) => ({ key: c.key, label: c.label, blockIndex: c.blockIndex, match: c.match && movedLabel(c.match, d, detach) })),
    captions: t.captions.map((c) => ({ blockIndex: c.blockIndex, official: c.official, match: c.match && movedLabel(c.match, d, detach) })),
    strayRuns: t.strayRuns.map((s) => movedSpan(s, d)),
    region: movedSpan(t.region, d),
  });
  if (t.groups) out.groups = t.groups.map((g) => ({ official: g.official, match: movedLabel(g.match, d, detach) }));
  if (t.variant) out.variant = t.variant.slice();
  if (t.missingColumns) out.missingColumns = t.missingColumns.map((m) => Object.assign({}, m));
  if (t.recovered) out.recovered = t.recovered.slice();
  if (t.ambiguous) out.ambiguous = t.ambiguous.slice();
  if (typeof t.truncatedAt === 'number') out.truncatedAt = t.truncatedAt + d;
  return out;
}

function movedSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function movedLabel(m: LabelMatch, d: number, detach: boolean): LabelMatch {
  const o: LabelMatch = { start: m.start + d, end: m.end + d, text: detach ? detached(m.text) : m.text, similarity: m.similarity, singleLine: m.singleLine };
  if ('wrapped' in m) o.wrapped = m.wrapped;
  return o;
}
