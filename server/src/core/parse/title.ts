// The report's title: found among the first lines before the first section heading, whatever precedes it (blank
// lines, a web page's breadcrumb, a crawler's header, a converter's `正文`), written on one line or wrapped over up to
// three, with the year before or after the agency (年 or 年度), with or without 工作:
//   淮安市人民政府 2024 年政府信息公开工作年度报告 · 2019年上海市人民政府办公厅政府信息公开工作年度报告 ·
//   2023年度瀍河区商务局政府信息公开年度报告 · 淮安市人民政府 / 2024 年政府信息公开工作年度报告 (two lines) ·
//   # 沐阳县人民政府 2025 年 政府信息公开工作年度报告 (Markdown) · XX局政府信息公开工作2023年度报告.
// The agency and the year are read from it in every form.
import { fold, type LineIndex } from '../text';
import type { Title } from '../types';

/** How far into the text a title is looked for (characters and lines before the first heading). */
const MAX_CHARS = 4000;
const MAX_LINES = 40;
/** A title is short: its folded text, agency and year included, holds at most this many characters. */
const MAX_TITLE = 80;
/** The most lines a title is wrapped over. */
const MAX_WRAP = 3;

/**
 * The words a title ends with, on folded text (no white space): 政府信息公开 [工作] [YYYY年度] 年度报告 | 报告 | 年报,
 * and a year in brackets after it. The part before it (agency and year) is checked apart.
 */
const CORE = /(?:政府)?信息公开(?:工作)?((?:19|20)\d{2}年度?)?(年度报告|年报|报告)([(（](?:19|20)\d{2}年度?[)）])?/g;
const YEAR = /((?:19|20)\d{2})年度?/;
/** What cannot stand in the agency-and-year part of a title: sentence punctuation, book-title marks, quotes. */
const NOT_TITLE = /[。，,；;：:《》「」“”"!！?？、]/;
const CRUMB_SEPARATOR = '>＞»›→';
/** A web page's breadcrumb or a navigation line (首页 > 政务公开 > …): not a title, whatever it names. */
function isBreadcrumb(head: string): boolean {
  if (/当前位置|您的位置|所在位置/.test(head)) return true;
  let seps = 0;
  for (const ch of head) if (CRUMB_SEPARATOR.includes(ch)) seps++;
  return seps >= 2 || (seps >= 1 && /首页/.test(head));
}
/** A crawler's or a web page's header line (key: value), skipped; 标题：… keeps its value as a candidate. */
const META = /^(?:索引号|发布机构|发文机关|发文机构|主题分类|成文日期|发布日期|发布时间|更新时间|生成日期|信息来源|来源|文号|发文字号|链接|网址|url|source|时间|日期|浏览次数|访问量|阅读|字号|作者|分类|体裁分类|有效性)\s*[:：]/i;
const TITLE_KEY = /^(?:标题|title|名称|文件名称)\s*[:：]\s*/i;
/** Lines of a crawler's frame or a converter's page furniture (==== 正文 ====, 正文, 目录): skipped. */
const FURNITURE = /^(?:[=＝\-—_#*]{2,}\s*\S{0,8}\s*[=＝\-—_#*]{2,}|[=＝\-—_]{3,}|正\s*文|全\s*文|目\s*录|打印|关闭|【?字号[:：].*|分享到.*)$/;
/** Leading markers a paste or a converter puts before a title line (#, *, >, list bullets). */
const LEAD = /^[\s#*>•·\-]+/;

interface Piece {
  start: number; end: number; folded: string; offs: ArrayLike<number>;
  /** A blank line (or a skipped one) stands between this line and the one before it. */
  gap?: boolean;
}

/** A line's text without its leading markers and trailing emphasis, folded with its offsets. */
function pieceOf(text: string, start: number, end: number): Piece | undefined {
  const raw = text.slice(start, end);
  const lead = LEAD.exec(raw)?.[0].length ?? 0;
  let s = start + lead, e = end;
  while (e > s && /[\s*]/.test(text[e - 1])) e--;
  const key = TITLE_KEY.exec(text.slice(s, Math.min(e, s + 20)));
  if (key) s += key[0].length;
  if (e <= s) return undefined;
  const f = fold(text, s, e);
  if (!f.s) return undefined;
  return { start: s, end: e, folded: f.s, offs: Array.from(f.offs) };
}

/** Agency and year from the part of a title before its core words (and the year inside or after them). */
function readParts(before: string, yearIn?: string, yearAfter?: string): { agency?: string; year?: number } {
  let year: number | undefined;
  let agency = before;
  const m = YEAR.exec(before);
  if (m) {
    year = Number(m[1]);
    agency = before.slice(0, m.index) + before.slice(m.index + m[0].length);
  } else if (yearIn || yearAfter) {
    year = Number((yearIn ?? yearAfter)!.replace(/\D/g, '').slice(0, 4));
  }
  agency = agency.replace(/^(?:关于)/, '').replace(/(?:关于|的)$/, '').replace(/^[\s(（)）]+|[\s(（]+$/g, '');
  return { agency: agency || undefined, year };
}

/**
 * The title: the first place among the lines before the first heading (firstHeading, -1 when there is none) where
 * the title's core words stand at the end of a short run of one to three lines that names nothing but an agency and a
 * year before them. The run starts where the title does: at a year that begins a line (a year-first title), else at
 * the line that adds the agency.
 */
export function findTitle(text: string, idx: LineIndex, firstHeading: number): Title | undefined {
  const limit = Math.min(firstHeading < 0 ? text.length : firstHeading, MAX_CHARS);
  const lines: (Piece | undefined)[] = [];
  let fallback: Title | undefined;
  let gap = false;
  for (let n = 0; n < idx.lineCount && lines.length < MAX_LINES; n++) {
    const ls = idx.lineSpan(n);
    if (ls.start >= limit) break;
    const lineEnd = Math.min(ls.end, limit);
    const raw = text.slice(ls.start, lineEnd).trim();
    if (!raw) { gap = true; continue; }
    // breadcrumbs, header lines and page furniture break a wrapped title and are never part of one
    if (META.test(raw) || FURNITURE.test(raw)) { lines.push(undefined); continue; }
    let p: Piece | undefined;
    const crumb = isBreadcrumb(raw.slice(0, 200));
    if (crumb) {
      // a breadcrumb may end with the title (or run on into the report, in collapsed text): only what follows its
      // last separator is read
      let cut = -1;
      for (let i = ls.start; i < Math.min(lineEnd, ls.start + 200); i++) if (CRUMB_SEPARATOR.includes(text[i])) cut = i;
      p = cut >= 0 ? pieceOf(text, cut + 1, lineEnd) : undefined;
    } else p = pieceOf(text, ls.start, lineEnd);
    if (p) { p.gap = gap; gap = false; }
    lines.push(p);
    const found = p && titleEndingAt(text, lines);
    if (!found) continue;
    // a title named only in a crawler's `标题：` line or at the end of a breadcrumb is kept in case the body has
    // none of its own
    if (crumb || TITLE_KEY.test(raw)) { fallback ??= found; lines[lines.length - 1] = undefined; continue; }
    return found;
  }
  return fallback;
}

/** The line above a title's first line is the head of the agency's name, wrapped: short Han text right above it. */
function wrappedHead(above: Piece | undefined, first: Piece): boolean {
  return !!above && !first.gap && above.folded.length <= 12 && /^[\u4e00-\u9fff]+$/.test(above.folded) && !/(?:文件|附件|正文)$/.test(above.folded);
}

/** A title whose core words lie in the last of `lines` (undefined entries: lines that break a title). */
function titleEndingAt(text: string, lines: (Piece | undefined)[]): Title | undefined {
  const last = lines.length - 1;
  // the joined folded text of lines[from..last] with each character's source offset
  const joined = (from: number): { s: string; offs: number[]; lastStart: number } => {
    let s = '';
    const offs: number[] = [];
    for (let k = from; k <= last; k++) {
      const p = lines[k]!;
      s += p.folded;
      for (let i = 0; i < p.offs.length; i++) offs.push(p.offs[i]);
    }
    return { s, offs, lastStart: s.length - lines[last]!.folded.length };
  };
  let best: Title | undefined;
  for (let from = last; from >= Math.max(0, last - MAX_WRAP + 1); from--) {
    if (!lines[from]) break;
    const j = joined(from);
    if (j.s.length > MAX_TITLE * 3) break;
    CORE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let title: Title | undefined;
    while ((m = CORE.exec(j.s))) {
      const end = m.index + m[0].length;
      // the core words end in the last line (earlier ones were tried with the lines before it)
      if (end <= j.lastStart) continue;
      const before = j.s.slice(0, m.index);
      // an agency's name is written in Chinese: a line of English before the words is not one
      if (before.length + m[0].length > MAX_TITLE || NOT_TITLE.test(before) || (/[A-Za-z]{3,}/.test(before) && !/[\u4e00-\u9fff]/.test(before))) break;
      const { agency, year } = readParts(before, m[1], m[3]);
      const hasSuffix = /^政府信息公开(?:工作)?(?:(?:19|20)\d{2}年度?报告|年度报告)/.test(m[0]);
      const start = j.offs[0], stop = j.offs[end - 1] + 1;
      title = { start, end: stop, text: text.slice(start, stop), agency, year, hasSuffix };
      break;
    }
    if (!title) continue;
    best = title;
    // the title starts where it names both its agency and its year (a year-first title names both on its first
    // line), unless the line right above it is the head of an agency's name wrapped in two (XX市 / 人民政府办公室)
    if (title.agency && title.year && !(from > last - MAX_WRAP + 1 && wrappedHead(lines[from - 1], lines[from]!))) break;
  }
  return best;
}
