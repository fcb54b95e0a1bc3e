// parseReport: text -> model (title, sections, template version, tables). One linear pass over the lines,
// then bounded work inside the table sections.
import { tableDef, TEMPLATE, versionForYear, VERSIONS } from '../template';
import { fold, foldString, LineIndex } from '../text';
import type { ReportModel, Section, Span, Table, TableId, TemplateVersion } from '../types';
import { findSections, findTitle } from './sections';
import { readTable } from './tables';
import { recoverCollapsedRows } from './collapsed';
import { moved, type KeptRegion, type Mover, type TableReuse } from './reuse';

const FOLDED_MARKERS = VERSIONS.map((v) => ({ v, markers: TEMPLATE.versions[v].markers.map((m) => ({ m, f: foldString(m) })) }));

type Evidence = ReportModel['templateEvidence'];

/** The first occurrence in text[region] of each version's markers (the column headers only one version has). */
function markersIn(text: string, region: Span): Evidence {
  const out: Evidence = [];
  const r = fold(text, region.start, region.end);
  for (const { v, markers } of FOLDED_MARKERS) {
    for (const { m, f } of markers) {
      const at = r.s.indexOf(f);
      if (at >= 0) out.push({ version: v, text: m, span: { start: r.offs[at], end: r.offs[at + f.length - 1] + 1 } });
    }
  }
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
  const read = (id: TableId, region: Span, orphan?: boolean): Table => {
    const def = tableDef(parseVersion, id);
    const go = () => readTable(text, idx, { def, region, orphan });
    regionOf.set(id, region);
    return at(region)?.kept(`${parseVersion} ${id} read ${orphan ? 1 : 0}`, go, moved) ?? go();
  };
  const tables: Partial<Record<TableId, Table>> = {};
  if (s2) tables.t2 = read('t2', s2.body);
  if (s3) tables.t3 = read('t3', s3.body);
  if (s4) tables.t4 = read('t4', s4.body);
  else if (s3 && tables.t3) {
    // heading 四 missing: look for 表四 between the end of 表三 and the next section
    const after = sections.find((s) => s.start > s3.start && s.n > 4);
    const region = { start: Math.max(tables.t3.end, s3.body.start), end: after ? after.start : s3.end };
    const t4 = read('t4', region, true);
    if (!t4.absent) tables.t4 = t4;
  }
  // cells run together (web text collapsed onto one line): split where exactly one split fits the template
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const t = tables[id];
    if (!recover || !t || !t.rows.some((r) => r.status === 'unlocated')) continue;
    const def = tableDef(parseVersion, id);
    const go = (): Table => {
      const r = recoverCollapsedRows(text, def, t);
      return r.recovered.length || r.ambiguous.length ? { ...r.table, recovered: r.recovered, ambiguous: r.ambiguous } : r.table;
    };
    tables[id] = at(regionOf.get(id) ?? t.region)?.kept(`${parseVersion} ${id} recovered ${t.orphan ? 1 : 0}`, go, moved) ?? go();
  }
  return { text, title, sections, template: version, tableVersion: parseVersion, templateEvidence: evidence, tables };
}
