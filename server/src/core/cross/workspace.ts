// Checks across reports: last year's report of the same agency (same agency in the title, year − 1), and the parts
// of a report that a reviewer declared their total (`sums` in .nianbao.json).
import { byPlace, checkPair, checkParts, checkReport, type CheckOptions } from '../engine';
import type { DeclaredPart } from '../rules/rule';
import type { SumDeclaration } from '../settings';
import type { LineIndex } from '../text';
import type { Finding, ReportModel } from '../types';
import { foldAgency, looksLikeAgency, sameAgency } from './agency';

/** A report to check; `options` (what the user chose for this report) replaces checkWorkspace's options. */
export interface WorkspaceInput { id: string; text: string; options?: CheckOptions }
export interface WorkspaceResult { id: string; model: ReportModel; findings: Finding[]; lineIndex: LineIndex }

/**
 * The agency as written in the title, folded, so that spacing and widths do not matter; undefined when the title
 * names none, or something that is no agency's name (a converter's `正文` read as the title).
 */
export function agencyKey(model: ReportModel): string | undefined {
  const a = model.title?.agency;
  if (!a) return undefined;
  const k = foldAgency(a);
  return looksLikeAgency(k) ? k : undefined;
}

export { sameAgency } from './agency';

interface Keyed<T> { it: T; key: string }

/** The reports of one year, indexed by agency name and by the short forms of their names (see sameAgency). */
class YearIndex<T> {
  readonly all: Keyed<T>[] = [];
  private readonly exact = new Map<string, Keyed<T>[]>();
  private readonly byShort = new Map<string, Keyed<T>[]>();

  add(k: Keyed<T>): void {
    this.all.push(k);
    push(this.exact, k.key, k);
    for (const s of shortForms(k.key)) push(this.byShort, s, k);
  }

  /** The reports whose agency is `key`'s: the same name, or a longer or shorter form of it. */
  of(key: string): Keyed<T>[] {
    const out = new Set<Keyed<T>>([...(this.exact.get(key) ?? []), ...(this.byShort.get(key) ?? [])]);
    for (const s of shortForms(key)) for (const k of this.exact.get(s) ?? []) out.add(k);
    return [...out].filter((k) => sameAgency(k.key, key));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

/** The names a longer name can be shortened to by dropping leading places (`淮安市洪泽区人民政府` → `洪泽区人民政府`). */
function shortForms(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < key.length - 2; i++) {
    if ('省市区县州盟'.includes(key[i - 1])) {
      const s = key.slice(i);
      if (sameAgency(s, key)) out.push(s);
    }
  }
  return out;
}

function keyed<T extends { model: ReportModel }>(items: readonly T[]): Map<number, YearIndex<T>> {
  const byYear = new Map<number, YearIndex<T>>();
  for (const it of items) {
    const key = agencyKey(it.model), year = it.model.title?.year;
    if (!key || !year) continue;
    let index = byYear.get(year);
    if (!index) byYear.set(year, (index = new YearIndex<T>()));
    index.add({ it, key });
  }
  return byYear;
}

/**
 * For each report: last year's report of the same agency, when exactly one is present (and this report is the only
 * one of its agency and year). The same agency: the same name in the title, or the name with its city in front
 * (`洪泽区人民政府` and `淮安市洪泽区人民政府`).
 */
export function pairWithLastYear<T extends { model: ReportModel }>(items: T[]): Map<T, T> {
  const byYear = keyed(items);
  const out = new Map<T, T>();
  for (const [year, index] of byYear) {
    const before = byYear.get(year - 1);
    if (!before) continue;
    for (const now of index.all) {
      const last = before.of(now.key);
      if (last.length !== 1 || index.of(now.key).length !== 1 || index.of(last[0].key).length !== 1) continue;
      out.set(now.it, last[0].it);
    }
  }
  return out;
}

/**
 * The declaration of `sums` whose total is this report (the first whose `total` names its agency, and `year` its
 * year when given), with each declared part: the report of that agency and year among `items` when there is exactly
 * one. Undefined when no declaration applies.
 */
export function declaredParts<T extends { model: ReportModel; id: string }>(me: T, items: readonly T[], sums: readonly SumDeclaration[] | undefined): { declaration: SumDeclaration; parts: DeclaredPart[] } | undefined {
  if (!sums?.length) return undefined;
  const key = agencyKey(me.model), year = me.model.title?.year;
  if (!key || !year) return undefined;
  const declaration = sums.find((d) => (d.year === undefined || d.year === year) && sameAgency(foldAgency(d.total), key));
  if (!declaration) return undefined;
  const sameYear = keyed(items.filter((x) => x !== me)).get(year);
  const parts = declaration.parts.map((name): DeclaredPart => {
    const found = sameYear?.of(foldAgency(name)) ?? [];
    return found.length === 1 ? { name, count: 1, found: { model: found[0].it.model, id: found[0].it.id } } : { name, count: found.length };
  });
  return { declaration, parts };
}

/**
 * Check several reports together: every 'report' rule on each, then the 'pair' rules for each report whose agency
 * has last year's report among them, and the 'parts' rules for each report declared a total (`sums`). Each report is
 * checked with its own options when it has them.
 */
export function checkWorkspace(inputs: WorkspaceInput[], options: CheckOptions = {}): WorkspaceResult[] {
  const opts = new Map<WorkspaceResult, CheckOptions>();
  const results: WorkspaceResult[] = inputs.map((i) => {
    const o = i.options ?? options;
    const r = checkReport(i.text, o);
    const res = { id: i.id, model: r.model, findings: r.findings, lineIndex: r.lineIndex };
    opts.set(res, o);
    return res;
  });
  const touched = new Set<WorkspaceResult>();
  for (const [now, last] of pairWithLastYear(results)) {
    now.findings.push(...checkPair(now, { model: last.model, id: last.id }, opts.get(now)));
    touched.add(now);
  }
  for (const r of results) {
    const o = opts.get(r)!;
    const parts = declaredParts(r, results, o.settings?.sums);
    if (!parts) continue;
    r.findings.push(...checkParts(r, parts, o));
    touched.add(r);
  }
  for (const r of touched) r.findings.sort(byPlace);
  return results;
}
