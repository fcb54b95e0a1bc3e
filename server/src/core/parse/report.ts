// parseReport: text -> model (title, sections, template version, tables). One linear pass over the lines,
// then bounded work inside the table sections.
import { tableDef, TEMPLATE, versionForYear, VERSIONS } from '../template';
import { foldString, foldTable, LineIndex, unitsOf } from '../text';
import type { ReportModel, Section, Span, Table, TableId, TemplateVersion } from '../types';
import { findSections } from './sections';
import { findTitle } from './title';
import { readTable } from './tables';
import { recoverCollapsedRows } from './collapsed';
import { bestVariant } from './variants';
import { moved, type KeptRegion, type Mover, type TableReuse } from './reuse';

const FOLDED_MARKERS = VERSIONS.map((v) => ({ v, markers: TEMPLATE.versions[v].markers.map((m) => ({ m, f: foldString(m) })) }));
/** Every marker, folded, by its first character (markersIn tries only those at a character that starts one). */
const MARKER_LIST = FOLDED_MARKERS.flatMap(({ v, markers }) => markers.map(({ m, f }) => ({ v, m, f })));
/** MARKER_GROUP[c] > 0: the markers starting with c are MARKER_BY_GROUP[MARKER_GROUP[c]] (indices in MARKER_LIST). */
const MARKER_GROUP = new Uint8Array(65536), MARKER_BY_GROUP: number[][] = [[]];
MARKER_LIST.forEach(({ f }, k) => {
  const c = f.charCodeAt(0);
  if (!MARKER_GROUP[c]) { MARKER_GROUP[c] = MARKER_BY_GROUP.length; MARKER_BY_GROUP.push([]); }
  MARKER_BY_GROUP[MARKER_GROUP[c]].push(k);
});
// markersIn compares folded characters one by one: exact only while no marker holds what fold writes for a label's
// `1、` (a full stop after a digit)
if (MARKER_LIST.some(({ f }) => /[.、．]/.test(f))) throw new Error('a version marker holds . or 、');

type Evidence = ReportModel['templateEvidence'];

/**
 * The first occurrence in text[region] of each version's markers (the column headers only one version has), as
 * fold(text, region) would find it: white space and bars skipped, widths unified. Matched in the text itself, not in
 * a folded copy of the region.
 */
function markersIn(text: string, region: Span): Evidence {
  const table = foldTable(), u = unitsOf(text), end = Math.min(region.end, u.length);
  const at = new Int32Array(MARKER_LIST.length).fill(-1), to = new Int32Array(MARKER_LIST.length);
  let left = MARKER_LIST.length;
  for (let i = Math.max(0, region.start); i < end && left; i++) {
    const c = table[u[i]];
    if (c < 0 || !MARKER_GROUP[c]) continue;
    const group = MARKER_BY_GROUP[MARKER_GROUP[c]];
    for (let g = 0; g < group.length; g++) {
      const k = group[g], f = MARKER_LIST[k].f;
      if (at[k] >= 0) continue;
      let j = i + 1, m = 1, last = i;
      for (; m < f.length && j < end; j++) {
        const d = table[u[j]];
        if (d < 0) continue;
        if (d !== f.charCodeAt(m)) break;
        m++; last = j;
      }
      if (m === f.length) { at[k] = i; to[k] = last + 1; left--; }
    }
  }
  const out: Evidence = [];
  MARKER_LIST.forEach(({ v, m }, k) => { if (at[k] >= 0) out.push({ version: v, text: m, span: { start: at[k], end: to[k] } }); });
  return out;
}
const movedEvidence: Mover<Evidence> = (ev, d) => ev.map((e) => ({ version: e.version, text: e.text, span: { start: e.span.start + d, end: e.span.end + d } }));

/** The version whose markers the regions hold more of (2021 on a tie), with a marker's first region as its evidence. */
function detectVersion(found: Evidence[]): { version: TemplateVersion | null; evidence: Evidence } {
  const evidence: Evidence = [];
  for (const { v, markers } of FOLDED_MARKERS) {
    for (const { m } of markers) {
      for (const r of found) {
        const e = r.find((x) => x.version === v && x.text === m);
        if (e) { evidence.push(e); break; }
      }
    }
  }
  const n21 = evidence.filter((e) => e.version === '2021').length;
  const n19 = evidence.filter((e) => e.version === '2019').length;
  const version = n21 === 0 && n19 === 0 ? null : n21 >= n19 ? '2021' : '2019';
  return { version, evidence: evidence.filter((e) => e.version === version) };
}

/** The value of a blank cell in a table that writes blanks for zeros. */
const BLANK_ZERO = Object.freeze({ kind: 'blank' as const, raw: '', num: Object.freeze({ units: 0n, scale: 0 }) });

/**
 * A table that writes blanks for zeros throughout (blank cells, not one 0 written, some number above 0) with its blank
 * cells counting as 0 (Table.blankZeros: how many). Any other table is returned as it is: there a blank is a gap.
 */
export function blanksAsZeros(t: Table): Table {
  let blanks = 0, positive = false;
  for (const r of t.rows) for (const c of r.cells) {
    const v = c.value;
    if (v.kind === 'blank') blanks++;
    else if (v.num) { if (v.num.units === 0n) return t; positive = true; }
  }
  if (!blanks || !positive) return t;
  const rows = t.rows.map((r) => r.cells.some((c) => c.value.kind === 'blank')
    ? Object.assign({}, r, { cells: r.cells.map((c) => (c.value.kind === 'blank' ? Object.assign({}, c, { value: BLANK_ZERO }) : c)) })
    : r);
  return Object.assign({}, t, { rows, blankZeros: blanks });
}

export interface ParseOptions {
  /** Split cells run together in collapsed web text (default true). */
  recoverCollapsed?: boolean;
  /** Tables kept from earlier checks (the language server keeps one): a table whose region is unchanged is reused. */
  reuse?: TableReuse;
}

export function parseReport(text: string, idx = new LineIndex(text), options: ParseOptions = {}): ReportModel {
  const sections = findSections(text, idx);
  const title = findTitle(text, idx, sections.length ? sections[0].start : -1);
  const first = (n: number): Section | undefined => sections.find((s) => s.n === n);
  const s2 = first(2), s3 = first(3), s4 = first(4);
  const { reuse } = options;
  // what is read from a region's text alone (its markers, its table) is kept in `reuse` for the next version
  const kept = new Map<Span, KeptRegion>();
  const at = (region: Span): KeptRegion | undefined => {
    if (!reuse) return undefined;
    let k = kept.get(region);
    if (!k) kept.set(region, k = reuse.region(text, region));
    return k;
  };
  const versionRegions = [s2?.body, s3?.body].filter((x): x is Span => !!x);
  // no table section found: the whole text is searched (and nothing kept)
  const found = versionRegions.length
    ? versionRegions.map((r) => at(r)?.kept('markers', () => markersIn(text, r), movedEvidence) ?? markersIn(text, r))
    : [markersIn(text, { start: 0, end: text.length })];
  const { version, evidence } = detectVersion(found);
  const parseVersion: TemplateVersion = version ?? (title?.year ? versionForYear(title.year) ?? '2021' : '2021');

  const recover = options.recoverCollapsed !== false;
  const regionOf = new Map<TableId, Span>();
  // a table is read from its region's text alone: with `reuse`, one read before from the same text is moved here
  const read = (id: TableId, region: Span, orphan?: boolean, variants?: string[]): Table => {
    const def = tableDef(parseVersion, id, variants);
    const go = () => readTable(text, idx, { def, region, orphan });
    regionOf.set(id, region);
    return at(region)?.kept(`${parseVersion} ${id}${variants?.length ? ' ' + variants.join('+') : ''} read ${orphan ? 1 : 0}`, go, moved) ?? go();
  };
  // cells run together (web text collapsed onto one line): split where exactly one split fits the template
  const recovered = (id: TableId, t: Table, variants?: string[]): Table => {
    if (!recover || !t.rows.some((r) => r.status === 'unlocated')) return t;
    const def = tableDef(parseVersion, id, variants);
    const go = (): Table => {
      const r = recoverCollapsedRows(text, def, t);
      return r.recovered.length || r.ambiguous.length ? Object.assign({}, r.table, { recovered: r.recovered, ambiguous: r.ambiguous }) : r.table;
    };
    return at(regionOf.get(id) ?? t.region)?.kept(`${parseVersion} ${id}${variants?.length ? ' ' + variants.join('+') : ''} recovered ${t.orphan ? 1 : 0}`, go, moved) ?? go();
  };
  // read in the template's form, or in a variant's where the table reads better with it
  const readBest = (id: TableId, region: Span, orphan?: boolean): Table => {
    const t = recovered(id, read(id, region, orphan));
    return bestVariant(text, tableDef(parseVersion, id), t, (variants) => recovered(id, read(id, region, orphan, variants), variants));
  };
  const tables: Partial<Record<TableId, Table>> = {};
  const bySection: [number, TableId][] = [[2, 't2'], [3, 't3'], [4, 't4']];
  for (const [n, id] of bySection) {
    const own = first(n);
    if (own) { tables[id] = readBest(id, own.body); continue; }
    // the heading is missing: the table is looked for after the section before it (after that section's table, if
    // it has one) up to the next section, and kept when enough of it is there to be the table (an orphan)
    if (!sections.length) continue;
    let prev: Section | undefined;
    for (const s of sections) if (s.n < n && (!prev || s.n >= prev.n)) prev = s;
    const next = sections.find((s) => s.n > n && s.start > (prev?.start ?? -1));
    const before = prev ? bySection.find(([m]) => m === prev!.n)?.[1] : undefined;
    const prevTable = before ? tables[before] : undefined;
    let start = prev ? prev.body.start : 0;
    if (prevTable && !prevTable.absent && prevTable.end > start && prevTable.end <= (prev?.end ?? text.length)) start = prevTable.end;
    const region = { start, end: next ? next.start : prev ? prev.end : text.length };
    if (region.end <= region.start) continue;
    const t = readBest(id, region, true);
    if (!t.absent) tables[id] = t;
  }
  // a table that writes blanks for zeros throughout: its blanks count as 0 (said once, by blank-cell)
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const t = tables[id];
    if (t) tables[id] = blanksAsZeros(t);
  }
  // a table found without its heading is kept when enough of it is there to be the table (表四: any of it)
  for (const id of ['t2', 't3'] as TableId[]) {
    const t = tables[id];
    if (t?.orphan && t.rows.filter((r) => r.status === 'ok').length < Math.max(2, t.rows.length / 2)) delete tables[id];
  }
  return { text, title, sections, template: version, tableVersion: parseVersion, templateEvidence: evidence, tables };
}
