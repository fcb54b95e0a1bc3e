// The agency a report's title names: whether it is one (a title read wrong can give "正文"), whether two titles name
// the same agency (`洪泽区人民政府` and `淮安市洪泽区人民政府`), and its level for the statutory deadlines
// (FORMAT.md §2; 《政府信息公开条例》第四十九条, 国办公开办函〔2021〕30号 二、报告方式及时间).
import { foldString } from '../text';

/** The agency name folded (widths, spaces), without leading marks left by a converter (`# 沭阳县人民政府`). */
export function foldAgency(name: string): string {
  return foldString(name).replace(/^[^\p{Script=Han}A-Za-z0-9]+/u, '');
}

// how the name of an administrative body ends (a government, an office, a bureau, a commission …)
const AGENCY_END = /(?:政府|办事处|[局委厅办署处院所站队部会室]|中心|公署|管委会)$/u;

/** Does this (folded) name look like an agency's? At least three characters, ending as an agency's name does. */
export function looksLikeAgency(name: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9（）()·]{3,60}$/u.test(name) && AGENCY_END.test(name);
}

// a place that can lead an agency's name: two or more characters and the suffix of a division
const PLACE_PREFIX = /^[\p{Script=Han}]{2,}?(?:自治区|自治州|自治县|地区|省|市|区|县|旗|州|盟)/u;

/**
 * Do two folded agency names name the same agency? Equal, or one is the other with a leading place added
 * (`淮安市` + `洪泽区人民政府`) where the shorter itself starts with a place (so `市商务局` is no short form of
 * `淮安市商务局`: which city's is unknown).
 */
export function sameAgency(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!long.endsWith(short) || !PLACE_PREFIX.test(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return /(?:省|市|自治区|自治州|地区|盟|州|区|县)$/u.test(prefix);
}

/** The level of an agency, as far as its name tells it. */
export type AgencyLevel = 'department' | 'county' | 'prefecture' | 'province';

// systems under vertical leadership (实行垂直领导) report up their own system, on their own timetable: not judged
const VERTICAL = /(?:^国家|^中国|^国务院|税务|海关|气象局|调查队|邮政管理局|烟草专卖|海事局|金融监管|金融监督管理|外汇管理|地震局|出入境边防|消防救援|铁路|民航|通信管理局|电力监管|国家安全|^中共|党委|人大常委会|政协|法院|检察院)/u;

const MUNICIPALITIES = /^(?:北京|上海|天津|重庆)市/u;

/**
 * The level of the agency for the deadlines, or undefined when the name does not tell it (then no deadline is
 * judged). Conservative: a government whose level is uncertain gets the latest of its possible levels.
 * - a department of a government at county level or above, a township or street office → 'department' (1月31日);
 * - 县/区/旗/县级市 人民政府 → 'county' (its summary: 2月20日); a city's 人民政府 (prefecture-level or county-level:
 *   the name does not say) and 自治州/地区/盟 → 'prefecture' (3月10日);
 * - 省/自治区 人民政府 and the four municipalities' → 'province' (3月31日).
 */
export function agencyLevel(agency: string): AgencyLevel | undefined {
  const name = foldAgency(agency);
  if (!looksLikeAgency(name) || VERTICAL.test(name)) return undefined;
  // a government, or its office publishing the report of "本政府机关" (a department's deadline)
  const gov = /^(.*?)人民政府$/u.exec(name) ?? /^(.*?(?:省|市|区|县|旗|州|盟))政府$/u.exec(name);
  if (gov) {
    const place = gov[1];
    if (/(?:乡|镇|苏木)$/u.test(place)) return 'department';
    if (/(?:省|自治区)$/u.test(place)) return 'province';
    if (MUNICIPALITIES.test(place) && /^(?:北京|上海|天津|重庆)市$/u.test(place)) return 'province';
    if (/(?:自治州|地区|盟)$/u.test(place)) return 'prefecture';
    if (/市$/u.test(place)) return 'prefecture';
    if (/(?:区|县|旗|自治县|林区|特区)$/u.test(place)) return 'county';
    return undefined;
  }
  // development zones' committees publish like a department or like a county: not told by the name
  if (/(?:管委会|管理委员会|开发区|新区|园区)/u.test(name)) return undefined;
  if (/(?:街道办事处|办事处)$/u.test(name)) return 'department';
  if (/(?:局|委员会|委|办公室|办公厅|厅|办|署|中心)$/u.test(name)) return 'department';
  return undefined;
}
