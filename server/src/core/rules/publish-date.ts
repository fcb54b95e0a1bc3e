// publish-date (information): the date under the report (落款: a line holding only a date, at the end of the report
// or just under its title) later than the statutory deadline for the agency's level (《政府信息公开条例》第四十九条,
// 国办公开办函〔2021〕30号 二): a department, township or street office by 1月31日; a county's report 2月20日, a
// city's 3月10日, a province's 3月31日; for reports of 2018 and before, the old regulation's 3月31日 for all.
// Silent when the date cannot be read (none, or two different ones), when it is not in the year after the report's,
// or when the agency's level cannot be told from its name (cross/agency.ts agencyLevel).
import { agencyLevel, type AgencyLevel } from '../cross/agency';
import type { Span } from '../types';
import type { ReportRule } from './rule';

export interface ReportDate extends Span { year: number; month: number; day: number }

const CN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** A number written in digits (half or full width) or in Chinese numerals (二〇二六, 二十三, 十二). */
export function readNumber(s: string, asYear = false): number | undefined {
  const half = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(half)) return Number(half);
  if (asYear) {
    if (!/^[〇○零一二三四五六七八九]{4}$/.test(s)) return undefined;
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  if (/^[一二三四五六七八九]$/.test(s)) return CN_DIGIT[s];
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return undefined;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
}

const NUM = '[0-9０-９]{1,2}|[一二三]?十?[一二三四五六七八九]?';
const YEAR = '[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}';
// a line that is only a date, maybe in brackets or Markdown emphasis: （2026年1月23日）, **二〇二六年一月二十三日**
const DATE_LINE = new RegExp(`^[\\s#>*_]*[（(]?\\s*(${YEAR})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日\\s*[）)]?[\\s*_]*$`, 'u');
// a page number or footer line between the date and the end of the text
const FOOTER = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})\s*$/u;

function dateOfLine(text: string, start: number, end: number): ReportDate | undefined {
  const line = text.slice(start, end);
  const m = DATE_LINE.exec(line);
  if (!m) return undefined;
  const year = readNumber(m[1], true), month = readNumber(m[2]), day = readNumber(m[3]);
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const at = line.indexOf(m[1]);
  const close = line.lastIndexOf('日') + 1;
  return { start: start + at, end: start + close, year, month, day };
}

/** Lines as [start, end) offsets, from `from` to `to`. */
function lines(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n') { out.push({ start: s, end: i > s && text[i - 1] === '\r' ? i - 1 : i }); s = i + 1; }
  }
  return out;
}

const TAIL_LINES = 4, HEAD_LINES = 3;

/**
 * The date under the report: a line holding only a date among the last lines of the text (page numbers skipped) or
 * the first lines under the title. Undefined when there is none, or when the lines give different dates.
 */
export function reportDate(text: string, titleEnd: number | undefined): ReportDate | undefined {
  const found: ReportDate[] = [];
  const tail = lines(text, Math.max(0, text.length - 600), text.length).reverse();
  let seen = 0;
  for (const l of tail) {
    const s = text.slice(l.start, l.end);
    if (!s.trim() || FOOTER.test(s)) continue;
    if (++seen > TAIL_LINES) break;
    const d = dateOfLine(text, l.start, l.end);
    if (d) found.push(d);
  }
  if (titleEnd !== undefined) {
    seen = 0;
    for (const l of lines(text, titleEnd, Math.min(text.length, titleEnd + 300))) {
      const s = text.slice(l.start, l.end);
      if (!s.trim()) continue;
      if (++seen > HEAD_LINES) break;
      const d = dateOfLine(text, l.start, l.end);
      if (d) found.push(d);
    }
  }
  if (!found.length) return undefined;
  const [first] = found;
  return found.every((d) => d.year === first.year && d.month === first.month && d.day === first.day) ? found[found.length - 1] : undefined;
}

/** The last day of publication (month, day in the year after the report's) for a level, by the report's year. */
export function deadline(level: AgencyLevel, reportYear: number): { month: number; day: number } {
  // the 2007 regulation (第三十一条): every agency by 3月31日; the 2019 regulation applies from the 2019 reports on
  if (reportYear < 2019) return { month: 3, day: 31 };
  switch (level) {
    case 'department': return { month: 1, day: 31 };
    case 'county': return { month: 2, day: 20 };
    case 'prefecture': return { month: 3, day: 10 };
    case 'province': return { month: 3, day: 31 };
  }
}

const LEVEL_ZH: Record<AgencyLevel, string> = { department: '政府部门（含乡镇、街道）', county: '县级人民政府', prefecture: '地市级人民政府', province: '省级人民政府' };
const LEVEL_EN: Record<AgencyLevel, string> = { department: 'a government department (or township, street office)', county: 'a county-level government', prefecture: 'a prefecture-level government', province: 'a provincial government' };

export const publishDate: ReportRule = {
  id: 'publish-date',
  scope: 'report',
  group: 'structure',
  defaultSeverity: 'information',
  title: { 'zh-CN': '落款日期晚于法定公布时限', en: 'Dated after the statutory deadline' },
  description: {
    'zh-CN': '报告落款日期晚于按机关层级的法定公布时限（部门 1月31日，县 2月20日，市 3月10日，省 3月31日）',
    en: 'the date under the report is after the deadline for the agency\'s level (department 31 Jan, county 20 Feb, city 10 Mar, province 31 Mar)',
  },
  check({ model, t, report }) {
    const title = model.title, year = title?.year;
    if (!title?.agency || !year) return;
    const level = agencyLevel(title.agency);
    if (!level) return;
    const date = reportDate(model.text, title.end);
    if (!date || date.year !== year + 1) return;
    const due = deadline(level, year);
    if (date.month < due.month || (date.month === due.month && date.day <= due.day)) return;
    const old = year < 2019;
    const basis = old
      ? t('原《政府信息公开条例》第三十一条：每年3月31日前公布', 'the 2007 regulation, art. 31: by 31 March')
      : t(`《政府信息公开条例》第四十九条：${LEVEL_ZH[level]}应于${due.month}月${due.day}日前公布`, `the regulation, art. 49: ${LEVEL_EN[level]} publishes by ${due.day} ${['', 'January', 'February', 'March'][due.month]}`);
    report({
      start: date.start, end: date.end,
      message: t(`落款日期 ${date.year}年${date.month}月${date.day}日 晚于法定时限（${basis}；层级按机关名称“${title.agency}”判断）`,
        `Dated ${date.year}-${date.month}-${date.day}, after the deadline (${basis}; level told from the name "${title.agency}")`),
    });
  },
};
