// copied-text (across reports): the share of the report's own sentences that are identical or nearly identical to a
// sentence of last year's report of the same agency ("不得出现敷衍了事甚至年年雷同现象"), over the whole report and
// per section; reported at or above a threshold (.nianbao.json `copiedText`: `report`, default 50 %; `section`,
// default 80 %).
//
// Only the writer's own sentences count: the template's text is left out (the tables with their labels, the section
// headings, numbered subheadings such as （一）主动公开情况), and so is the notice's boilerplate (the opening
// paragraph before 一、: basis, statistics period, contact; the 信息处理费 statement of 六; the date and the agency
// under the report). Shares are of characters (ideographs, letters, digits), so that a long sentence weighs more
// than a short one. "Nearly identical": the sentences' character bigrams overlap by NEAR_DICE or more (the same
// sentence with its year or one figure changed).
import { looksLikeAgency } from '../cross/agency';
import { COPIED_DEFAULTS } from '../settings';
import { TEMPLATE } from '../template';
import { tableSpans } from '../prose/regions';
import { foldTable } from '../text';
import type { ReportModel, Section, Span } from '../types';
import type { PairRule } from './rule';

/** Dice coefficient of two sentences' bigram sets at or above which they are "nearly identical". */
export const NEAR_DICE = 0.8;
/** A sentence shorter than this (characters counted) is not judged: too short to be anyone's writing. */
export const MIN_SENTENCE = 8;
/** Characters of own text a section needs to be judged on its own; the whole report needs REPORT_MIN. */
export const SECTION_MIN = 100;
export const REPORT_MIN = 200;

export interface Sentence extends Span {
  /** Section number (1–6). */
  n: number;
  /** The sentence's ideographs, letters and digits, folded (widths unified). */
  s: string;
}

const WORD = /[\p{L}\p{N}]/u;
const END = new Set(['。', '！', '？', '；', '!', '?', ';']);
// a numbered subheading or list marker at the start of a sentence: （一） (1) 一、 1. 1、
const NUMBERED = /^[\s#>*_]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d))/u;
const PAGE_FOOTER = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})\s*$/u;
const DATE_LINE = /^[\s#>*_]*[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^。，,]{1,6}日\s*[）)]?\s*$/u;

let templateTexts: Set<string> | undefined;
/** The template's own wordings (headings, labels, captions), normalised as sentences are. */
function templateSentences(): Set<string> {
  if (templateTexts) return templateTexts;
  const all: string[] = [];
  for (const s of TEMPLATE.sections) all.push(s.heading, ...s.variants);
  for (const v of Object.values(TEMPLATE.versions)) {
    for (const t of v.tables) {
      all.push(t.name['zh-CN'], ...(t.headerLabels ?? []));
      if (t.note) all.push(t.note);
      for (const b of t.blocks) {
        if (b.caption) all.push(b.caption);
        for (const c of b.columns) all.push(c.label);
        for (const r of b.rows) all.push(r.label);
      }
    }
  }
  templateTexts = new Set(all.map(normalise));
  return templateTexts;
}

function normalise(s: string): string {
  const table = foldTable();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = table[s.charCodeAt(i)];
    if (c < 0) continue;
    const ch = String.fromCharCode(c);
    if (WORD.test(ch)) out += ch;
  }
  return out;
}

const cache = new WeakMap<ReportModel, Sentence[]>();

/** The report's own sentences (see the top of this file for what is left out), in order. */
export function ownSentences(model: ReportModel): Sentence[] {
  let out = cache.get(model);
  if (out) return out;
  out = [];
  const text = model.text;
  const sections = model.sections.filter((s, i, all) => all.findIndex((x) => x.n === s.n) === i);
  if (!sections.length) { cache.set(model, out); return out; }
  const excluded: Span[] = [...tableSpans(model), ...model.sections.map((s) => s.heading)];
  const template = templateSentences();
  for (const sec of sections) {
    // the section's body up to the next section heading in the text (whatever its number)
    const next = model.sections.find((s) => s.heading.start > sec.heading.start);
    const end = Math.min(sec.body.end, next ? next.heading.start : text.length);
    collect(text, sec, sec.heading.end, end, excluded, template, out);
  }
  cache.set(model, out);
  return out;
}

function collect(text: string, sec: Section, from: number, to: number, excluded: readonly Span[], template: Set<string>, out: Sentence[]): void {
  // start: the sentence's first character counted; after: where the previous sentence ended (its numbering is between)
  let start = -1, s = '', after = from;
  let lineStart = from;
  const flush = (end: number) => {
    if (start >= 0 && s.length >= MIN_SENTENCE) {
      const raw = text.slice(after, end);
      const heading = NUMBERED.test(raw) && s.length <= 20;
      // the agency's name under the report (a line without a full stop that names an agency)
      const signature = !END.has(text[end - 1]) && looksLikeAgency(s);
      if (!heading && !signature && !template.has(s) && !s.includes('信息处理费')) out.push({ start, end, n: sec.n, s });
    }
    start = -1; s = ''; after = end;
  };
  const table = foldTable();
  for (let i = from; i < to; i++) {
    if (i === lineStart) {
      // a line of its own: page footer, date line or blank line ends the sentence and is skipped
      let e = text.indexOf('\n', i);
      if (e < 0 || e > to) e = to;
      const line = text.slice(i, e);
      if (!line.trim()) { flush(i); lineStart = e + 1; i = e; continue; }
      if (PAGE_FOOTER.test(line) || DATE_LINE.test(line)) { lineStart = e + 1; i = e; continue; }
      // a numbered line starts a new sentence (a subheading without its full stop)
      if (NUMBERED.test(line)) flush(i);
      lineStart = e + 1;
    }
    if (inside(excluded, i)) { flush(i); continue; }
    const ch = text[i];
    if (END.has(ch)) { flush(i + 1); continue; }
    const c = table[text.charCodeAt(i)];
    if (c < 0) continue;
    const f = String.fromCharCode(c);
    if (!WORD.test(f)) continue;
    if (start < 0) start = i;
    s += f;
  }
  flush(to);
}

function inside(spans: readonly Span[], i: number): boolean {
  for (const s of spans) if (i >= s.start && i < s.end) return true;
  return false;
}

interface Index { exact: Set<string>; postings: Map<string, number[]>; sizes: number[] }
const indexes = new WeakMap<ReportModel, Index>();

function bigrams(s: string): Set<string> {
  const b = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) b.add(s.slice(i, i + 2));
  return b;
}

function indexOf(model: ReportModel): Index {
  let ix = indexes.get(model);
  if (ix) return ix;
  const sentences = ownSentences(model);
  ix = { exact: new Set(sentences.map((x) => x.s)), postings: new Map(), sizes: [] };
  sentences.forEach((x, k) => {
    const b = bigrams(x.s);
    ix!.sizes[k] = b.size;
    for (const g of b) {
      const list = ix!.postings.get(g);
      if (list) list.push(k); else ix!.postings.set(g, [k]);
    }
  });
  indexes.set(model, ix);
  return ix;
}

/** Is the sentence identical or nearly identical to one of last year's? */
export function isCopied(s: string, last: ReportModel): boolean {
  const ix = indexOf(last);
  if (ix.exact.has(s)) return true;
  const b = bigrams(s);
  const shared = new Map<number, number>();
  for (const g of b) for (const k of ix.postings.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
  for (const [k, n] of shared) if ((2 * n) / (b.size + ix.sizes[k]) >= NEAR_DICE) return true;
  return false;
}

export interface CopiedShares {
  /** Characters counted and copied, over the whole report and per section number. */
  total: { counted: number; copied: number };
  sections: Map<number, { counted: number; copied: number }>;
}

export function copiedShares(model: ReportModel, last: ReportModel): CopiedShares {
  const out: CopiedShares = { total: { counted: 0, copied: 0 }, sections: new Map() };
  for (const x of ownSentences(model)) {
    const copied = isCopied(x.s, last) ? x.s.length : 0;
    let sec = out.sections.get(x.n);
    if (!sec) out.sections.set(x.n, (sec = { counted: 0, copied: 0 }));
    sec.counted += x.s.length; sec.copied += copied;
    out.total.counted += x.s.length; out.total.copied += copied;
  }
  return out;
}

const NUMERAL = ['', '一', '二', '三', '四', '五', '六'];
const pct = (x: { counted: number; copied: number }) => Math.round((x.copied / x.counted) * 100);

export const copiedText: PairRule = {
  id: 'copied-text',
  scope: 'pair',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '与上年报告雷同', en: 'Copied from last year\'s report' },
  description: {
    'zh-CN': '跨报告：全文（默认 50% 起）或某一部分（默认 80% 起）的语句与上年报告相同或几乎相同',
    en: 'across reports: 50% or more of the report\'s own sentences (80% of a section\'s) identical or nearly identical to last year\'s',
  },
  check({ model, last, lastId, settings, t, report }) {
    const reportMin = settings.copiedText?.report ?? COPIED_DEFAULTS.report;
    const sectionMin = settings.copiedText?.section ?? COPIED_DEFAULTS.section;
    const shares = copiedShares(model, last);
    const lastYear = last.title?.year;
    const sectionList = [...shares.sections].filter(([, x]) => x.counted >= SECTION_MIN).sort((a, b) => a[0] - b[0]);
    const whole = shares.total;
    if (whole.counted >= REPORT_MIN && pct(whole) >= reportMin) {
      const anchor = model.title ?? model.sections[0]?.heading;
      const parts = sectionList.map(([n, x]) => `${NUMERAL[n]} ${pct(x)}%`).join(t('、', ', '));
      if (anchor) {
        report({
          start: anchor.start, end: anchor.end,
          message: t(`全文 ${pct(whole)}% 的语句与 ${lastYear} 年报告相同或几乎相同（${parts}；不计表格、标题和固定表述）：格式要求不得年年雷同`,
            `${pct(whole)}% of the report's own sentences are identical or nearly identical to the ${lastYear} report (${parts}; tables, headings and set wording not counted): the notices forbid copying year after year`),
          ...(last.title ? { related: [{ start: last.title.start, end: last.title.end, file: lastId, message: t(`${lastYear} 年报告`, `the ${lastYear} report`) }] } : {}),
        });
      }
    }
    for (const [n, x] of sectionList) {
      if (pct(x) < sectionMin) continue;
      const h = model.sections.find((s) => s.n === n)!.heading;
      const lh = last.sections.find((s) => s.n === n)?.heading;
      report({
        start: h.start, end: h.end,
        message: t(`“${h.official}”${pct(x)}% 的语句与 ${lastYear} 年报告相同或几乎相同（格式要求不得年年雷同）`,
          `Section ${n}: ${pct(x)}% of its sentences are identical or nearly identical to the ${lastYear} report (the notices forbid copying year after year)`),
        ...(lh ? { related: [{ start: lh.start, end: lh.end, file: lastId, message: t(`${lastYear} 年报告第${NUMERAL[n]}部分`, `section ${n} of the ${lastYear} report`) }] } : {}),
      });
    }
  },
};
