// injected-content: text that does not belong in a government report: gambling, betting, casino, adult or SEO-spam
// terms in Chinese, pinyin and Latin (data/spam.json), and links to spam or foreign hosts. A run of spam tokens
// (beat365体育亚洲入口_365bet最新备用_bte365) is one finding whose fix removes it.
import { spamLexicon, type SpamKind } from '../prose/lexicon';
import { lowerBound, proseScan } from '../prose/scan';
import { isAsciiAlnum, isAsciiLetter, matchesStarting, q } from '../prose/util';
import { isWhite } from '../text';
import type { Span } from '../types';
import type { ReportRule } from './rule';

interface Tok extends Span { kind: SpamKind | 'latin' | 'other' }

/** Starts with http or www. (matchesStarting). */
const URL_RE = /(?:https?:\/\/|www\.)[A-Za-z0-9.\-]+(?::\d+)?(?:[/?#][!-~]*)?/;
/** Does text[a, b) hold only what separates spam tokens (_ - | · • ~ . and white space)? */
function separatorsOnly(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 95 || c === 45 || c === 124 || c === 0xb7 || c === 0x2022 || c === 126 || c === 46 || isWhite(c))) return false;
  }
  return true;
}
/** Betting words in Latin letters (bet, casino …), and digits glued to letters (beat365, 365bet). */
const PREFILTER = /bet|bte|casino|poker|baccarat|roulette|sportsbook|bwin|w88|porn|baijiale|bocai|duchang|xinpujing|weinisiren|yulecheng|zhenrenyule|qipai|touzhu|caijin|taiyangcheng|huangguantiyu|[a-z](?:365|188|888)|(?:365|188|888)[a-z]/i;
/** Runs of Latin letters and digits that hold a betting word (runs are rare in Chinese text: tested one by one). */
function latinSpamAt(text: string, letters: ArrayLike<number>, out: number[]): void {
  let done = -1;
  for (let k = 0; k < letters.length; k++) {
    const i = letters[k];
    if (i < done) continue;
    let a = i, b = i + 1;
    while (a > 0 && isAsciiAlnum(text.charCodeAt(a - 1))) a--;
    while (b < text.length && isAsciiAlnum(text.charCodeAt(b))) b++;
    if (b - a >= 3 && PREFILTER.test(text.slice(a, b))) out.push(a);
    done = b;
  }
}
/** Strong spam terms by their first character (built on first use). */
let strongByFirst: (string[] | undefined)[] | undefined;
/** Strong spam terms, as written, at the candidate positions (a wrapped term is caught when a Latin term is near). */
function strongAt(text: string, candidates: ArrayLike<number>, out: number[]): void {
  if (!candidates.length) return;
  if (!strongByFirst) {
    const byFirst: (string[] | undefined)[] = new Array(65536).fill(undefined);
    const lex = spamLexicon();
    lex.terms.forEach((term, k) => {
      if (lex.kinds[k] === 'strong') (byFirst[term.charCodeAt(0)] ??= []).push(term);
    });
    strongByFirst = byFirst;
  }
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k], terms = strongByFirst[text.charCodeAt(i)];
    if (!terms) continue;
    const c1 = text.charCodeAt(i + 1);
    for (let j = 0; j < terms.length; j++) {
      const term = terms[j];
      if ((term.length < 2 || term.charCodeAt(1) === c1) && text.startsWith(term, i)) { out.push(i); break; }
    }
  }
}

/** Latin spam words: inside a run that also holds digits (beat365), or the whole run (casino). */
let latinWords: { inside: RegExp; whole: Set<string> } | undefined;
function latinSpamWords(): { inside: RegExp; whole: Set<string> } {
  if (!latinWords) {
    const latin = spamLexicon().latin;
    latinWords = { inside: new RegExp(latin.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')), whole: new Set(latin) };
  }
  return latinWords;
}

/** Characters looked at on each side of a betting or strong spam term; a window grows while spam reaches its edge. */
const REACH = 48;
/** Spam within this many characters of a window's edge may go on beyond it. */
const EDGE = 12;

/** Windows around the hits of two lists, each in order (merged, not sorted). */
function windowsAround(text: string, a: number[], b: number[]): Span[] {
  const out: Span[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const p = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    const start = Math.max(0, p - REACH), end = Math.min(text.length, p + REACH);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end); else out.push({ start, end });
  }
  return out;
}

/**
 * A stable sort for the short lists sorted here (the tokens of a window): insertion sort beats Array.prototype.sort
 * and its comparator calls on a few elements.
 */
function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): void {
  if (a.length > 64) { a.sort(cmp); return; } // long: the built-in sort (it finds runs already in order)
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && cmp(a[j], x) > 0) { a[j + 1] = a[j]; j--; }
    a[j + 1] = x;
  }
}

/** Sorted, disjoint spans covering the given ones. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const x of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end); else out.push({ start: x.start, end: x.end });
  }
  return out;
}

/** Does x overlap one of the sorted, disjoint spans? Binary search. */
function overlapsAny(spans: Span[], x: Span): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= x.start) lo = mid + 1;
    else if (spans[mid].start >= x.end) hi = mid - 1;
    else return true;
  }
  return false;
}

export const injectedContent: ReportRule = {
  id: 'injected-content',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'error',
  title: { 'zh-CN': '疑似被植入的无关内容', en: 'Injected content' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '被植入正文的博彩、赌球或 SEO 垃圾内容和链接（可删除）；指向境外域名的其他链接为信息',
    en: 'gambling, betting or SEO spam and links injected into the text (fix removes them); other links to foreign domains as information',
  },
  check({ model, text, t, report }) {
    const lex = spamLexicon();
    const urls: Span[] = [];
    for (const m of matchesStarting(URL_RE, text, ['http', 'www.'])) {
      let end = m.index + m[0].length;
      while (end > m.index && /[.,;:!?)\]'"`>]/.test(text[end - 1])) end--;
      urls.push({ start: m.index, end });
    }
    const inUrl = (s: number) => urls.some((u) => u.start <= s && s < u.end);

    // only the lines around a Latin betting term or a strong Chinese term are looked at (none: the common case)
    const scan = proseScan(model);
    // each list in order of offset
    const latinHits: number[] = [], strongHits: number[] = [];
    latinSpamAt(text, scan.letters, latinHits);
    strongAt(text, scan.spam, strongHits);
    if (!latinHits.length && !strongHits.length) { reportUrls(); return; }
    const chains: Tok[][] = [];
    const latin = latinSpamWords();
    for (const w of windowsAround(text, latinHits, strongHits)) {
      // grow the window while a chain holding spam reaches one of its edges
      for (;;) {
        const found = spamChains(tokensIn(w));
        const growStart = w.start > 0 && found.some((c) => c[0].start - w.start < EDGE);
        const growEnd = w.end < text.length && found.some((c) => w.end - c[c.length - 1].end < EDGE);
        if (!growStart && !growEnd) { chains.push(...found); break; }
        if (growStart) w.start = Math.max(0, w.start - REACH);
        if (growEnd) w.end = Math.min(text.length, w.end + REACH);
      }
    }

    function tokensIn(w: Span): { toks: Tok[]; legit: Span[] } {
      const toks: Tok[] = [], legit: Span[] = [];
      // Latin runs: spam when they hold a betting or casino term (digits such as 365 only together with letters);
      // found from the letters the prose scan listed, not character by character
      const L = scan.letters;
      for (let k = lowerBound(L, w.start), done = w.start; k < L.length && L[k] < w.end; k++) {
        if (L[k] < done) continue;
        let i = L[k];
        while (i > w.start && isAsciiAlnum(text.charCodeAt(i - 1))) i--;
        let j = i, letters = 0, upper = false;
        for (; j < text.length; j++) {
          const c = text.charCodeAt(j);
          if (!isAsciiAlnum(c)) break;
          if (isAsciiLetter(c)) { letters++; upper ||= c <= 90; }
        }
        done = j;
        // a run cut by the window's start is not judged from its tail
        if (letters && !(i === w.start && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1))) && !inUrl(i) && text[i - 1] !== '@' && text[j] !== '@' && text[i - 1] !== '.' && text[j] !== '.') {
          const low = upper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
          // a betting word glued to digits (beat365, 365bet, w88), or a betting word on its own (casino); never an
          // English word that merely contains one (between)
          const digits = j - i - letters;
          const spam = latin.whole.has(low) || (digits > 0 && letters >= 2 && latin.inside.test(low));
          toks.push({ start: i, end: j, kind: spam ? 'latin' : 'other' });
        }
      }
      // white space skipped: PDF text wraps spam runs anywhere (体育亚\n洲入口)
      lex.automaton.scanStarts(text, w.start, w.end, (start, end, id) => {
        const kind = lex.kinds[id];
        if (kind === 'legit') legit.push({ start, end });
        else toks.push({ start, end, kind });
      });
      return { toks, legit };
    }

    /** Chains of tokens separated only by separators that hold a strong or Latin spam term. */
    function spamChains({ toks, legit }: { toks: Tok[]; legit: Span[] }): Tok[][] {
      if (!toks.some((x) => x.kind === 'strong' || x.kind === 'latin')) return [];
      let kept = toks;
      if (legit.length) {
        const legitSpans = mergeSpans(legit);
        kept = toks.filter((x) => !overlapsAny(legitSpans, x));
      }
      sortSmall(kept, (a, b) => a.start - b.start || b.end - a.end);
      // drop tokens inside longer ones
      const tokens: Tok[] = [];
      for (const x of kept) { const last = tokens[tokens.length - 1]; if (last && x.start < last.end) continue; tokens.push(x); }
      const out: Tok[][] = [];
      let i = 0;
      while (i < tokens.length) {
        let j = i;
        while (j + 1 < tokens.length && tokens[j + 1].start - tokens[j].end <= 6 && separatorsOnly(text, tokens[j].end, tokens[j + 1].start)) j++;
        const chain = tokens.slice(i, j + 1);
        i = j + 1;
        if (chain.some((x) => x.kind === 'strong' || x.kind === 'latin')) out.push(chain);
      }
      return out;
    }

    // windows that grew into each other found the same chains
    sortSmall(chains, (a, b) => a[0].start - b[0].start);
    let reached = -1;
    for (const chain of chains) {
      if (chain[0].start < reached) continue;
      reached = chain[chain.length - 1].end;
      // trim glue and stray Latin at the edges: they are spam only between spam terms
      let a = 0, b = chain.length - 1;
      while (a < b && (chain[a].kind === 'glue' || chain[a].kind === 'other')) a++;
      while (b > a && (chain[b].kind === 'glue' || chain[b].kind === 'other')) b--;
      const start = chain[a].start, end = chain[b].end;
      // built only when listed: a defaced site repeats its spam in every paragraph
      report(() => ({
        start, end,
        message: t('疑似被植入的赌博或垃圾广告内容，不应出现在政府信息公开年度报告中', 'Injected gambling or spam content: it does not belong in the report'),
        fixes: [{ title: t('删除植入内容', 'Remove the injected content'), edits: [{ start, end, newText: '' }], preferred: true }],
      }));
    }
    reportUrls();

    function reportUrls(): void {
      for (const u of urls) {
        const url = text.slice(u.start, u.end);
        const host = url.replace(/^https?:\/\//, '').split(/[/?#:]/)[0].toLowerCase();
        if (/^\d+(\.\d+){3}$/.test(host)) continue;
        const tld = host.split('.').pop() ?? '';
        const spam = lex.spamTld.has(tld) || lex.latin.some((s) => /[a-z]{3}/.test(s) && host.includes(s));
        if (!spam && (tld === 'cn' || !tld || !host.includes('.'))) continue;
        // keep the brackets of “（网址）” balanced: remove the brackets with the link when they hold nothing else
        let rs = u.start, re = u.end;
        if (/[（(]/.test(text[rs - 1] ?? '') && /[）)]/.test(text[re] ?? '')) { rs--; re++; }
        report({
          start: u.start, end: u.end,
          severity: spam ? 'error' : 'information',
          message: spam
            ? t(`疑似被植入的垃圾链接“${q(url)}”`, `Injected spam link "${q(url)}"`)
            : t(`链接“${q(url)}”指向境外域名，请核实`, `Link "${q(url)}" points to a foreign domain; please verify it`),
          fixes: [{ title: t('删除链接', 'Remove the link'), edits: [{ start: rs, end: re, newText: '' }], preferred: spam }],
        });
      }
    }
  },
};
