// parseReport: text -> model (title, sections, template version, tables). One linear pass over the lines,
// then bounded work inside the table sections.
import { tableDef, TEMPLATE, versionForYear, VERSIONS } from '../template';
import { fold, foldString, LineIndex } from '../text';
import type { ReportModel, Section, Span, Table, TableId, TemplateVersion } from '../types';
import { findSections, findTitle } from './sections';
import { readTable } from './tables';
import { recoverCollapsedRows } from './collapsed';

const FOLDED_MARKERS = VERSIONS.map((v) => ({ v, markers: TEMPLATE.versions[v].markers.map((m) => ({ m, f: foldString(m) })) }));

function detectVersion(text: string, regions: Span[]): { version: TemplateVersion | null; evidence: ReportModel['templateEvidence'] } {
  const evidence: ReportModel['templateEvidence'] = [];
  const folded = regions.map((r) => fold(text, r.start, r.end));
  for (const { v, markers } of FOLDED_MARKERS) {
    for (const { m, f } of markers) {
      for (const r of folded) {
        const at = r.s.indexOf(f);
        if (at >= 0) { evidence.push({ version: v, text: m, span: { start: r.offs[at], end: r.offs[at + f.length - 1] + 1 } }); break; }
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
}

export function parseReport(text: string, idx = new LineIndex(text), options: ParseOptions = {}): ReportModel {
  const sections = findSections(text, idx);
  const title = findTitle(text, idx, sections.length ? sections[0].start : -1);
  const first = (n: number): Section | undefined => sections.find((s) => s.n === n);
  const s2 = first(2), s3 = first(3), s4 = first(4);
  const versionRegions = [s2?.body, s3?.body].filter((x): x is Span => !!x);
  const { version, evidence } = detectVersion(text, versionRegions.length ? versionRegions : [{ start: 0, end: text.length }]);
  const parseVersion: TemplateVersion = version ?? (title?.year ? versionForYear(title.year) ?? '2021' : '2021');

  const tables: Partial<Record<TableId, Table>> = {};
  if (s2) tables.t2 = readTable(text, idx, { def: tableDef(parseVersion, 't2'), region: s2.body });
  if (s3) tables.t3 = readTable(text, idx, { def: tableDef(parseVersion, 't3'), region: s3.body });
  if (s4) tables.t4 = readTable(text, idx, { def: tableDef(parseVersion, 't4'), region: s4.body });
  else if (s3 && tables.t3) {
    // heading 四 missing: look for 表四 between the end of 表三 and the next section
    const after = sections.find((s) => s.start > s3.start && s.n > 4);
    const region = { start: Math.max(tables.t3.end, s3.body.start), end: after ? after.start : s3.end };
    const t4 = readTable(text, idx, { def: tableDef(parseVersion, 't4'), region, orphan: true });
    if (!t4.absent) tables.t4 = t4;
  }
  // cells run together (web text collapsed onto one line): split where exactly one split fits the template
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const t = tables[id];
    if (options.recoverCollapsed === false || !t || !t.rows.some((r) => r.status === 'unlocated')) continue;
    const r = recoverCollapsedRows(text, tableDef(parseVersion, id), t);
    tables[id] = r.recovered.length || r.ambiguous.length ? { ...r.table, recovered: r.recovered, ambiguous: r.ambiguous } : r.table;
  }
  return { text, title, sections, template: version, tableVersion: parseVersion, templateEvidence: evidence, tables };
}
