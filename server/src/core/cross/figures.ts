// Figures stated in the prose, matched to the table cells they describe. Phrasings are data (CLAIMS below);
// a claim is only compared when its pattern is unambiguous and every cell it sums was read as a number.
import { addDec, parseDec, ZERO } from '../numbers';
import { codeUnits, fold, foldedLength, foldedToSource, foldKeeps, type Folded } from '../text';
import type { Cell, Dec, ReportModel, Span, TableId, TemplateVersion } from '../types';

/** A reference to table cells: table, row keys (summed), column key. */
interface CellRef { table: TableId; rows: string[]; col: string }

export interface ClaimDef {
  id: string;
  /** What the figure is, for messages. */
  what: { 'zh-CN': string; en: string };
  /** Pattern over folded prose (no white space, half-width digits); group 1 is the number unless `zero`. */
  re: RegExp;
  /** The sentence says the figure is zero ("未收到…申请"). */
  zero?: boolean;
  /** The stated figure is not a number in the text but these cells ("均获维持": 结果维持 = 总计). */
  equals?: CellRef[];
  /** Cells to sum, per template version. */
  cells: Partial<Record<TemplateVersion, CellRef[]>>;
  /** An alternative reading accepted when the sentence says so (受理 … 含上年结转). */
  alt?: { when: RegExp; cells: CellRef[] };
  /** Words of which the sentence must contain one for the pattern to have a chance (only such sentences are read). */
  hint: string[];
  /** Only inside the part of the sentence after this pattern (e.g. after 行政复议, before 行政诉讼). */
  after?: RegExp;
  before?: RegExp;
}

const T3 = (rows: string[], col = 'total'): CellRef => ({ table: 't3', rows, col });
const T4 = (rows: string[]): CellRef => ({ table: 't4', rows: ['cases'], col: rows[0] });
const both = (refs: CellRef[]) => ({ '2019': refs, '2021': refs });
const DENIED = ['denied-1', 'denied-2', 'denied-3', 'denied-4', 'denied-5', 'denied-6', 'denied-7', 'denied-8'];
const N = '(\\d{1,12})(?:件|项|起|宗|条|个)';
/** Nothing approximate may stand before the number. */
const NOT_APPROX = '(?<![约近逾超过余多第])';

export const CLAIMS: ClaimDef[] = [
  { id: 'received', hint: ['受理', '收到', '接收', '新收'], what: { 'zh-CN': '本年新收申请', en: 'requests received' },
    re: new RegExp(`(?:受理|收到|接收|新收)(?:了)?(?:各类)?(?:政府信息公开|依申请公开|信息公开)(?:申请)?(?:事项)?(?:共|总计|合计|共计)?${NOT_APPROX}${N}`),
    cells: both([T3(['new'])]), alt: { when: /含(?:上年度?|上一年度?)结转/, cells: [T3(['new', 'carried-over'])] } },
  { id: 'received-zero', hint: ['申请'], what: { 'zh-CN': '本年新收申请', en: 'requests received' }, zero: true,
    re: /(?:未收到|没有收到|未受理|未办理过?|无)(?:过)?(?:任何)?(?:政府信息)?(?:依申请公开|政府信息公开申请|公开申请)/, cells: both([T3(['new'])]) },
  { id: 'handled', hint: ['答复', '办结', '办理完毕'], what: { 'zh-CN': '本年办结（答复）申请', en: 'requests handled' },
    re: new RegExp(`${NOT_APPROX}(\\d{1,12})(?:件|项)(?:已)?(?:在法定期限内)?(?:全部|均)?(?:予以)?(?:答复|办结|办理完毕)`), cells: both([T3(['handled-total'])]) },
  { id: 'handled2', hint: ['答复', '办结', '办理完毕'], what: { 'zh-CN': '本年办结（答复）申请', en: 'requests handled' },
    re: new RegExp(`(?:答复|办结|办理完毕)(?:申请)?(?:共|共计)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(['handled-total'])]) },
  { id: 'carried-over', hint: ['结转'], what: { 'zh-CN': '上年结转申请', en: 'requests carried over from last year' },
    re: new RegExp(`上(?:一)?年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(['carried-over'])]) },
  { id: 'carry-forward', hint: ['结转', '顺延'], what: { 'zh-CN': '结转下年度申请', en: 'requests carried forward' },
    re: new RegExp(`${NOT_APPROX}(\\d{1,12})(?:件|项)(?:申请)?(?:结转|顺延)(?:到|至)?下(?:一)?年`), cells: both([T3(['carry-forward'])]) },
  { id: 'carry-forward2', hint: ['结转', '顺延'], what: { 'zh-CN': '结转下年度申请', en: 'requests carried forward' },
    re: new RegExp(`(?:结转|顺延)(?:到|至)?下(?:一)?年(?:度)?(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(['carry-forward'])]) },
  { id: 'granted', hint: ['予以公开'], what: { 'zh-CN': '予以公开', en: 'disclosed in full' },
    re: new RegExp(`(?<!不)予以公开(?:的)?(?:申请)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(['granted'])]) },
  { id: 'partial', hint: ['部分公开'], what: { 'zh-CN': '部分公开', en: 'disclosed in part' },
    re: new RegExp(`部分公开(?:的)?(?:申请)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(['partial'])]) },
  { id: 'denied', hint: ['不予公开'], what: { 'zh-CN': '不予公开', en: 'refused' },
    re: new RegExp(`不予公开(?:的)?(?:申请)?${NOT_APPROX}(\\d{1,12})(?:件|项)`), cells: both([T3(DENIED)]) },
  // 表四: 行政复议 before 行政诉讼 in a sentence; results after the word they belong to
  { id: 'review', hint: ['行政复议'], what: { 'zh-CN': '行政复议案件', en: 'administrative reviews' },
    re: new RegExp(`行政复议(?:案件)?(?:共|共计)?${NOT_APPROX}(\\d{1,12})(?:件|起|宗)`), cells: both([T4(['review-total'])]) },
  { id: 'review-zero', hint: ['行政复议'], what: { 'zh-CN': '行政复议案件', en: 'administrative reviews' }, zero: true,
    re: /(?:无|未发生|没有|未被申请)(?:因?政府信息公开)?(?:工作)?(?:引起的|被申请)?行政复议/, cells: both([T4(['review-total'])]) },
  { id: 'lawsuit', hint: ['行政诉讼'], what: { 'zh-CN': '行政诉讼案件', en: 'lawsuits' },
    re: new RegExp(`行政诉讼(?:案件)?(?:共|共计)?${NOT_APPROX}(\\d{1,12})(?:件|起|宗)`), cells: both([T4(['direct-total']), T4(['after-review-total'])]) },
  { id: 'lawsuit-zero', hint: ['行政诉讼'], what: { 'zh-CN': '行政诉讼案件', en: 'lawsuits' }, zero: true,
    re: /(?:无|未发生|没有|未被提起)(?:因?政府信息公开)?(?:工作)?(?:引起的|被提起)?行政诉讼/, cells: both([T4(['direct-total']), T4(['after-review-total'])]) },
  ...(['upheld', 'corrected', 'other', 'pending'] as const).flatMap((k): ClaimDef[] => {
    const word = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' }[k];
    const en = { upheld: 'upheld', corrected: 'corrected', other: 'other results', pending: 'pending' }[k];
    const re = new RegExp(`${word}(?:的)?${NOT_APPROX}(\\d{1,12})(?:件|起|宗)`);
    return [
      { id: `review-${k}`, hint: [word], what: { 'zh-CN': `行政复议${word}`, en: `administrative reviews ${en}` }, re, after: /行政复议/, before: /行政诉讼/, cells: both([T4([`review-${k}`])]) },
      { id: `lawsuit-${k}`, hint: [word], what: { 'zh-CN': `行政诉讼${word}`, en: `lawsuits ${en}` }, re, after: /行政诉讼/, cells: both([T4([`direct-${k}`]), T4([`after-review-${k}`])]) },
    ];
  }),
  { id: 'review-all-upheld', hint: ['维持'], what: { 'zh-CN': '行政复议结果维持（正文称均获维持）', en: 'administrative reviews upheld (the text says all were)' },
    re: /行政复议[^。；;]{0,30}?(?:均|全部|都)(?:获|被|予以|得到)?维持/, equals: [T4(['review-total'])], cells: both([T4(['review-upheld'])]) },
  { id: 'lawsuit-all-upheld', hint: ['维持', '胜诉'], what: { 'zh-CN': '行政诉讼结果维持（正文称均获维持）', en: 'lawsuits upheld (the text says all were)' },
    re: /行政诉讼[^。；;]{0,30}?(?:均|全部|都)(?:获|被|予以|得到)?(?:维持|胜诉)/, equals: [T4(['direct-total']), T4(['after-review-total'])], cells: both([T4(['direct-upheld']), T4(['after-review-upheld'])]) },
  // 表二
  { id: 'normative-issued', hint: ['规范性文件'], what: { 'zh-CN': '本年制发行政规范性文件', en: 'normative documents issued' },
    re: new RegExp(`(?:制发|印发|出台|制定)(?:了)?(?:行政)?规范性文件(?:共)?${NOT_APPROX}(\\d{1,12})(?:件|个|份)`),
    cells: { '2021': [{ table: 't2', rows: ['normative'], col: 'issued' }], '2019': [{ table: 't2', rows: ['normative'], col: 'made' }] } },
  { id: 'normative-repealed', hint: ['规范性文件'], what: { 'zh-CN': '本年废止行政规范性文件', en: 'normative documents repealed' },
    re: new RegExp(`废止(?:了)?(?:行政)?规范性文件(?:共)?${NOT_APPROX}(\\d{1,12})(?:件|个|份)`), cells: { '2021': [{ table: 't2', rows: ['normative'], col: 'repealed' }] } },
  { id: 'normative-in-force', hint: ['规范性文件'], what: { 'zh-CN': '现行有效行政规范性文件', en: 'normative documents in force' },
    re: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件(?:共)?${NOT_APPROX}(\\d{1,12})(?:件|个|份)`), cells: { '2021': [{ table: 't2', rows: ['normative'], col: 'in-force' }] } },
  { id: 'rules-issued', hint: ['规章'], what: { 'zh-CN': '本年制发规章', en: 'rules issued' },
    re: new RegExp(`(?:制发|印发|出台|制定|新增公开)(?:了)?(?:市政府|省政府|本机关)?规章(?:共)?${NOT_APPROX}(\\d{1,12})(?:件|个|部)`),
    cells: { '2021': [{ table: 't2', rows: ['rules'], col: 'issued' }], '2019': [{ table: 't2', rows: ['rules'], col: 'made' }] } },
  ...([['licensing', '行政许可'], ['penalty', '行政处罚'], ['enforcement', '行政强制']] as const).map(([row, word]): ClaimDef => ({
    id: `${row}-decisions`, hint: [word], what: { 'zh-CN': `${word}决定`, en: `${row} decisions` },
    re: new RegExp(`(?:作出|办理|办结)(?:了)?${word}(?:决定)?(?:共)?${NOT_APPROX}(\\d{1,12})(?:件|项|个|起)`),
    cells: both([{ table: 't2', rows: [row], col: 'decisions' }]),
  })),
  { id: 'fee-amount', hint: ['行政事业性收费'], what: { 'zh-CN': '行政事业性收费金额（万元）', en: 'administrative fees (10,000 yuan)' },
    re: new RegExp(`行政事业性收费(?:金额)?(?:共|合计|共计)?${NOT_APPROX}(\\d{1,12}(?:\\.\\d{1,12})?)万元`), cells: { '2021': [{ table: 't2', rows: ['fees'], col: 'fee-amount' }] } },
];

export interface Claim {
  def: ClaimDef;
  /** The number in the prose (for zero claims: the phrase). */
  span: Span;
  sentence: Span;
  stated: Dec;
  /** The cells summed for the comparison, and their sum; undefined when a cell was not read as a number. */
  cells: Cell[];
  table?: Dec;
  /** The alternative reading (受理 … 含结转), when it applies. */
  altCells?: Cell[];
  alt?: Dec;
}

/** Spans of the text outside the tables. */
export function proseSpans(model: ReportModel): Span[] {
  const tables = Object.values(model.tables).filter((t) => t && !t.absent).map((t) => ({ start: t!.start, end: t!.end })).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const t of tables) { if (t.start > at) out.push({ start: at, end: t.start }); at = Math.max(at, t.end); }
  if (at < model.text.length) out.push({ start: at, end: model.text.length });
  return out;
}

const claimCache = new WeakMap<ReportModel, Claim[]>();

/** Sentence marks: 。！？ end a sentence, and with clauses ；too (lists of shares, …，占6%；…, need whole sentences). */
const SENTENCE_MARKS = '。！!？?', CLAUSE_ONLY = '；;';
const END_SENTENCE = new RegExp(`[${SENTENCE_MARKS}]`, 'g'), END_CLAUSE = new RegExp(`[${SENTENCE_MARKS}${CLAUSE_ONLY}]`, 'g');
/** 1: ends a sentence, 2: ends a clause. */
const MARK = new Uint8Array(65536);
for (const ch of SENTENCE_MARKS) MARK[ch.charCodeAt(0)] = 1;
for (const ch of CLAUSE_ONLY) MARK[ch.charCodeAt(0)] = 2;

/** The words sentencesWith finds: the claims' hints and the words other rules ask for. One pass finds them all. */
const OTHER_WORDS = ['其中', '信息处理费'];
interface Words { index: Map<string, number>; codes: Uint16Array[]; byFirst: number[][]; first: Uint8Array }
let WORDS: Words | undefined;
function sentenceWords(): Words {
  if (!WORDS) {
    const list = [...new Set([...HINTS, ...OTHER_WORDS])];
    const first = new Uint8Array(65536), byFirst: number[][] = [[]];
    list.forEach((w, k) => {
      const c = w.charCodeAt(0);
      if (!first[c]) { first[c] = byFirst.length; byFirst.push([]); }
      byFirst[first[c]].push(k);
    });
    WORDS = { index: new Map(list.map((w, k) => [w, k])), codes: list.map((w) => new Uint16Array(w.length).map((_, k) => w.charCodeAt(k))), byFirst, first };
  }
  return WORDS;
}

interface WordHits { start: Int32Array; end: Int32Array; id: Int32Array; n: number }
const hitCache = new WeakMap<ReportModel, WordHits>();

/**
 * Where the words are in the prose, in order; once per model. What fold drops (white space, table bars) may stand
 * inside a word. The words are few: each position whose character starts one is tried against those words (an
 * automaton costs more here).
 */
function wordHits(model: ReportModel): WordHits {
  let h = hitCache.get(model);
  if (h) return h;
  const { codes, byFirst, first } = sentenceWords();
  const u = codeUnits(model.text), keep = foldKeeps();
  let cap = 256, n = 0;
  let start = new Int32Array(cap), end = new Int32Array(cap), id = new Int32Array(cap);
  for (const span of proseSpans(model)) {
    for (let i = span.start; i < span.end; i++) {
      const g = first[u[i]];
      if (!g) continue;
      for (const k of byFirst[g]) {
        const w = codes[k];
        let j = i + 1, m = 1;
        for (; m < w.length && j < span.end; j++) {
          const c = u[j];
          if (c === w[m]) m++;
          else if (keep[c]) break;
        }
        if (m < w.length) continue;
        if (n === cap) {
          cap *= 2;
          const s2 = new Int32Array(cap), e2 = new Int32Array(cap), i2 = new Int32Array(cap);
          s2.set(start); e2.set(end); i2.set(id);
          start = s2; end = e2; id = i2;
        }
        start[n] = i; end[n] = j; id[n] = k; n++;
      }
    }
  }
  h = { start, end, id, n };
  hitCache.set(model, h);
  return h;
}

/**
 * The sentences of the prose that contain one of the words (white space allowed inside a word, as PDF lines wrap),
 * each once, in order, folded (white space removed, widths unified; offs maps back to the text). A sentence is the run of characters between two
 * sentence marks, the closing mark included. Only the text around the words is looked at, and only sentences of at
 * most maxLength folded characters (longer runs are tables or lists, not prose) and holding a match of `filter`
 * (tested on the source text) are folded. The words must be claim hints or listed in OTHER_WORDS.
 */
export function sentencesWith(model: ReportModel, words: readonly string[], opts: { clauses?: boolean; maxLength: number; filter?: RegExp }): Folded[] {
  const out: Folded[] = [];
  const { index } = sentenceWords();
  const wanted = new Uint8Array(index.size);
  for (const w of words) {
    const k = index.get(w);
    if (k === undefined) throw new Error(`sentencesWith: "${w}" is not one of the sentence words`);
    wanted[k] = 1;
  }
  const hits = wordHits(model);
  const text = model.text, u = codeUnits(text), clauses = opts.clauses ?? true, max = opts.maxLength, keep = foldKeeps();
  const endRe = clauses ? END_CLAUSE : END_SENTENCE, endMask = clauses ? 3 : 1;
  let h = 0;
  for (const span of proseSpans(model)) {
    let reached = span.start; // end of the last sentence found: a boundary
    for (; h < hits.n && hits.start[h] < span.end; h++) {
      const i = hits.start[h];
      if (i < reached || !wanted[hits.id[h]]) continue;
      // back to the previous mark, counting what folding keeps: past maxLength, the sentence is too long (a table)
      let a = i, before = 0;
      while (a > reached && !(MARK[u[a - 1]] & endMask) && before <= max) { a--; before += keep[u[a]]; }
      endRe.lastIndex = hits.end[h];
      const found = endRe.test(text) && endRe.lastIndex <= span.end;
      const e = found ? endRe.lastIndex : span.end; // after the closing mark
      reached = e;
      if (before > max || (e - a > max && before + foldedLength(text, i, e, max - before) > max)) continue;
      if (opts.filter && !opts.filter.test(text.slice(a, e))) continue;
      const f = fold(text, a, e, false);
      if (f.s.length <= max) out.push(f);
    }
  }
  return out;
}

function cellsOf(model: ReportModel, version: TemplateVersion, refs: CellRef[]): { cells: Cell[]; sum?: Dec } {
  const cells: Cell[] = [];
  let sum: Dec = ZERO;
  for (const ref of refs) {
    const table = model.tables[ref.table];
    for (const rowKey of ref.rows) {
      const row = table?.rows.find((r) => r.key === rowKey && r.status === 'ok');
      const cell = row?.cells.find((c) => c.colKey === ref.col);
      if (!cell || !cell.value.num) return { cells };
      cells.push(cell);
      sum = addDec(sum, cell.value.num);
    }
  }
  void version;
  return { cells, sum };
}

/** Longer than any sentence of prose: a run of numbers or text without full stops, not searched for claims. */
const MAX_SENTENCE = 600;

/** A claim can only match a sentence holding a digit, or one of the words of the zero and "all upheld" phrasings. */
const MAY_CLAIM = /[0-9０-９无未没均全都]/;

/** Every claim found in the prose, with the cells it refers to (computed once per model). */
export function findClaims(model: ReportModel): Claim[] {
  let c = claimCache.get(model);
  if (!c) { c = computeClaims(model); claimCache.set(model, c); }
  return c;
}

/** Every hint word of every claim: a sentence without one is not looked at. */
const HINTS = [...new Set(CLAIMS.flatMap((d) => d.hint))];
/** For each claim (same order as CLAIMS), the indices of its hints in HINTS. */
const CLAIM_HINTS = CLAIMS.map((d) => d.hint.map((h) => HINTS.indexOf(h)));
/** Which hints a sentence holds (reused: the engine is synchronous). */
const present = new Uint8Array(HINTS.length);

const GLOBAL = new Map<ClaimDef, RegExp>();
/** The claim's pattern with the g flag (compiled once), to look for a second match. */
function globalOf(def: ClaimDef): RegExp {
  let g = GLOBAL.get(def);
  if (!g) { g = new RegExp(def.re.source, 'g'); GLOBAL.set(def, g); }
  return g;
}

function computeClaims(model: ReportModel): Claim[] {
  const version = model.template;
  if (!version) return [];
  const out: Claim[] = [];
  for (const sen of sentencesWith(model, HINTS, { maxLength: MAX_SENTENCE, filter: MAY_CLAIM })) {
    const text = sen.s;
    for (let h = 0; h < HINTS.length; h++) present[h] = text.includes(HINTS[h]) ? 1 : 0;
    for (let d = 0; d < CLAIMS.length; d++) {
      const def = CLAIMS[d], hints = CLAIM_HINTS[d];
      let hinted = false;
      for (let k = 0; k < hints.length && !hinted; k++) hinted = present[hints[k]] === 1;
      if (!hinted) continue;
      const refs = def.cells[version];
      if (!refs) continue;
      let from = 0, to = text.length;
      if (def.after) { const a = def.after.exec(text); if (!a) continue; from = a.index + a[0].length; }
      if (def.before) { const b = def.before.exec(text.slice(from)); if (b) to = from + b.index; }
      const part = text.slice(from, to);
      const m = def.re.exec(part);
      if (!m) continue;
      // the same phrasing twice in one sentence is ambiguous: say nothing
      const g = globalOf(def);
      g.lastIndex = m.index + Math.max(1, m[0].length);
      if (g.test(part)) continue;
      let a: number, b: number, stated: Dec | undefined;
      if (def.equals) { a = m.index; b = m.index + m[0].length; stated = cellsOf(model, version, def.equals).sum; } else if (def.zero) { a = m.index; b = m.index + m[0].length; stated = ZERO; } else {
        a = m.index + m[0].lastIndexOf(m[1]); b = a + m[1].length;
        stated = parseDec(m[1]);
      }
      if (!stated) continue;
      const span = foldedToSource(sen, from + a, from + b);
      const { cells, sum } = cellsOf(model, version, refs);
      const claim: Claim = { def, span, sentence: foldedToSource(sen, 0, text.length), stated, cells, table: sum };
      if (def.alt && def.alt.when.test(text)) {
        const alt = cellsOf(model, version, def.alt.cells);
        claim.altCells = alt.cells; claim.alt = alt.sum;
      }
      out.push(claim);
    }
  }
  // a claim of one kind made twice with the same number span (handled / handled2) is one claim
  if (out.length < 2) return out;
  const seen = new Set<string>();
  return out.filter((c) => { const k = `${c.span.start}:${cellsKey(c.def, version)}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

const CELLS_KEY = new Map<ClaimDef, Partial<Record<TemplateVersion, string>>>();
/** The cells a claim compares with, as a string (two claims of one number with the same cells are one claim). */
function cellsKey(def: ClaimDef, version: TemplateVersion): string {
  let byVersion = CELLS_KEY.get(def);
  if (!byVersion) CELLS_KEY.set(def, (byVersion = {}));
  return (byVersion[version] ??= def.cells[version]?.map((r) => r.rows.join('+') + r.col).join() ?? '');
}
