// The phrasings of figures stated in the prose (data): each names the table cells it describes. Read by
// figures.ts; the words that start a claim's sentence (SENTENCE_WORDS) are also what the prose scan marks.
import type { TableId, TemplateVersion } from '../types';

/** A reference to table cells: table, row keys (summed), column key. */
export interface CellRef { table: TableId; rows: string[]; col: string }

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

/** Every hint word of every claim: a sentence without one is not looked at. */
export const HINTS = [...new Set(CLAIMS.flatMap((d) => d.hint))];
/** Words other rules look for sentences by (sentencesWith). */
export const OTHER_WORDS = ['其中', '信息处理费'];
/** The words sentencesWith finds: the claims' hints and the other rules' words, each once; a hint's index here is its index in HINTS. */
export const SENTENCE_WORDS = [...new Set([...HINTS, ...OTHER_WORDS])];
