// duplicate-text: a word typed twice (审核审核, 审核、审核), a function character doubled (的的, 在在), a sentence
// repeated right after itself. Legitimate reduplication (研究研究, 一步一步, 的的确确, 目的的) is left alone.
import { dictionary } from '../prose/dictionary';
import { proseSpans } from '../prose/regions';
import { segment } from '../prose/segment';
import { isHan } from '../prose/util';
import { lowerBound, proseScan } from '../prose/scan';
import { codeUnits } from '../text';
import type { Span } from '../types';
import type { ReportRule, RuleContext } from './rule';

/** Reduplicated verbs and the like that are correct as written. */
const REDUP = new Set(['研究研究', '讨论讨论', '学习学习', '商量商量', '考虑考虑', '了解了解', '交流交流', '沟通沟通', '休息休息', '检查检查', '整理整理', '锻炼锻炼']);
/** Function characters that are never doubled, with the characters before them that make the pair legitimate (目的的 = 目的 + 的). */
const DOUBLE: Record<string, string> = {
  的: '目有别似是真端众', 在: '存所实自现正内外潜', 和: '温平总调祥随谦饱柔缓暖', 与: '参给赋授', 并: '合兼吞',
  于: '', 之: '', 已: '', 也: '', 而: '因从继进然反', 又: '', 都: '首京古国旧建定迁',
};
/** What may follow a repeated list item (审核、审核、): the item ends there. */
const ITEM_END = '、，,。；;：:）)》”';

function isSpaceCode(c: number): boolean { return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000; }

export const duplicateText: ReportRule = {
  id: 'duplicate-text',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '重复的字词或句子', en: 'Repeated word or sentence' },
  description: {
    'zh-CN': '字、词、列举项或句子重复',
    en: 'a character, word, list item or sentence typed twice',
  },
  check(ctx) {
    const pos = proseScan(ctx.model).punct;
    for (const sp of proseSpans(ctx.model)) {
      words(ctx, sp);
      sentences(ctx, sp, pos);
    }
  },
};

/** ABAB and AB、AB: the text without white space, with the source offset of each character. */
// the last position of each character, plus a base that grows past every position of the spans looked at
// before: a value below the current base is from an earlier span (so the table is never cleared)
const lastSeen = new Int32Array(65536);
let base = 0;

/** ABAB and AB、AB, found by looking back from each Han character to its previous occurrence only. */
function words(ctx: RuleContext, sp: Span): void {
  const { text, t, report } = ctx;
  const u = codeUnits(text);
  const hanAt = (k: number) => { const c = u[k]; return c >= 0x4e00 && c <= 0x9fff; };
  const allHan = (a: number, b: number) => { for (let k = a; k < b; k++) if (!hanAt(k)) return false; return true; };
  const same = (a: number, b: number, len: number) => { for (let k = 0; k < len; k++) if (u[a + k] !== u[b + k]) return false; return true; };
  if (base + sp.end + 1 > 0x7fffffff) { lastSeen.fill(0); base = 0; }
  const b = base - sp.start + 1; // stored: position + b, always > 0 in this span
  base += sp.end - sp.start + 1;
  let skipUntil = -1;
  for (let j = sp.start; j < sp.end; j++) {
    const c = u[j];
    if (c < 0x4e00 || c > 0x9fff) continue;
    const v = lastSeen[c] - b;
    const p = v >= sp.start ? v : -1;
    lastSeen[c] = j + b;
    if (p < 0 || j < skipUntil || j - p > 9) continue;
    if (p === j - 1) { doubledChar(ctx, j); continue; }
    let len = j - p, hit = -1;
    if (len >= 2 && len <= 8 && j + len <= sp.end && allHan(p, j) && same(p, j, len)) hit = 0;
    else if (len >= 3 && u[j - 1] === 0x3001 /* 、 */ && j + len - 1 <= sp.end) {
      len -= 1;
      if (allHan(p, p + len) && same(p, j, len) && (j + len === sp.end || ITEM_END.includes(text[j + len]))) hit = 1;
    }
    if (hit < 0) continue;
    const unit = text.slice(p, p + len);
    if (REDUP.has(unit + unit) || (len === 2 && unit[0] === '一')) continue;
    const start = p + len, end = j + len;
    report({
      start, end,
      message: t(`“${unit}”重复`, `"${unit}" is repeated`),
      fixes: [{ title: t(`删除重复的“${unit}”`, `Remove the repeated "${unit}"`), edits: [{ start, end, newText: '' }], preferred: true }],
    });
    skipUntil = j + len;
  }
}

/** text[j] repeats text[j-1]: a function character typed twice, or a character doubled across two words? */
function doubledChar(ctx: RuleContext, j: number): void {
  const { text } = ctx;
  const ch = text[j];
  const before = DOUBLE[ch];
  if (before === undefined) {
    if (doubledInWords(text, j)) report(ctx, j);
    return;
  }
  if (j >= 2 && before.includes(text[j - 2])) return;
  // AABB reduplication: 的的确确, 和和美美
  if (j + 2 < text.length && text[j + 1] === text[j + 2] && text[j + 1] !== ch) return;
  report(ctx, j);
}

function report(ctx: RuleContext, j: number): void {
  const ch = ctx.text[j];
  ctx.report({
    start: j, end: j + 1,
    message: ctx.t(`“${ch}”字重复`, `"${ch}" is doubled`),
    fixes: [{ title: ctx.t(`删除重复的“${ch}”`, `Remove the doubled "${ch}"`), edits: [{ start: j, end: j + 1, newText: '' }], preferred: true }],
  });
}

/** Characters looked at either side of a doubled one. */
const AROUND = 6;
/** How much more probable the text must be with the character once than twice (in nats): a doubled key is a common slip. */
const DOUBLED_GAIN = 4;
/** A doubled character that is itself a word this frequent, and read as one here, is reduplication (常常, 层层, 某某). */
const REDUP_MIN_LN_FREQ = Math.log(100);

/**
 * Is text[j] (equal to text[j-1]) a character typed twice, by the dictionary (我县县政府, 公公开)? Yes when the run
 * around it is much more probable with the character once, the character then belongs to a word of two or more
 * characters, and the pair is not a reduplicated word read as one here (人人参与, 层层把关; 县县通 keeps a lone 县).
 */
export function doubledInWords(text: string, j: number): boolean {
  const u: number[] = [];
  let at = -1;
  for (let k = j - 1, n = 0; k >= 0 && n < AROUND; k--) {
    const c = text.charCodeAt(k);
    if (isSpaceCode(c)) continue;
    if (!isHan(c)) break;
    u.unshift(c); n++;
  }
  at = u.length; // index of text[j] in u
  for (let k = j, n = 0; k < text.length && n <= AROUND; k++) {
    const c = text.charCodeAt(k);
    if (isSpaceCode(c)) continue;
    if (!isHan(c)) break;
    u.push(c); n++;
  }
  if (at < 1 || at >= u.length) return false;
  const dict = dictionary();
  const n = u.length;
  const next = new Int32Array(n + 1);
  const before = segment(dict, u, 0, n, next);
  // the pair read as one word, frequent enough to be meant
  for (let i = 0; i < n; i = next[i]) {
    if (i === at - 1 && next[i] === at + 1) {
      const w = dict.find(u, at - 1, 2);
      if (w >= 0 && dict.lnFreq(w) >= REDUP_MIN_LN_FREQ) return false;
    }
  }
  const once = u.slice(0, at).concat(u.slice(at + 1));
  const next2 = new Int32Array(n);
  const after = segment(dict, once, 0, n - 1, next2);
  if (after - before < DOUBLED_GAIN) return false;
  // the character kept (once[at - 1]) must be part of a word
  for (let i = 0; i < n - 1; i = next2[i]) if (i <= at - 1 && next2[i] > at - 1) return next2[i] - i >= 2;
  return false;
}

/** A sentence repeated right after itself (at least 7 characters, compared as written). */
function sentences(ctx: RuleContext, sp: Span, pos: ArrayLike<number>): void {
  const { text, t, report } = ctx;
  let prevStart = -1, prevEnd = -1;
  let start = sp.start;
  let k = lowerBound(pos, sp.start);
  for (; k < pos.length && pos[k] < sp.end; k++) {
    const i = pos[k];
    const c = text.charCodeAt(i);
    if (c !== 0x3002 && c !== 0xff01 && c !== 0xff1f && c !== 0xff1b) continue;
    let s = start;
    while (s < i && isSpaceCode(text.charCodeAt(s))) s++;
    const len = i + 1 - s;
    if (prevStart >= 0 && len >= 7 && len === prevEnd - prevStart && text.charCodeAt(s) === text.charCodeAt(prevStart)
      && text.startsWith(text.slice(prevStart, prevEnd), s)) {
      report({
        start: s, end: i + 1,
        message: t('句子重复', 'The sentence is repeated'),
        fixes: [{ title: t('删除重复的句子', 'Remove the repeated sentence'), edits: [{ start: s, end: i + 1, newText: '' }], preferred: true }],
      });
    }
    prevStart = s; prevEnd = i + 1;
    start = i + 1;
  }
}
