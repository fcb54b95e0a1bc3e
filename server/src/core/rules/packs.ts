// User rule packs (`packs` in .nianbao.json): a reviewer's or an office's own wrong → right pairs (local names, the
// preferred terms) and forbidden phrases, each pack a rule of its own with the id `pack:<name>`, run by the same
// runner as the built-in rules (so `rules`, `ignore` and "ignore here" take that id). Checked in the prose: not in
// the tables or the section headings (the template's wording).
//
// The text of a pack is untrusted (a config file in a folder of reports someone sent): it is never compiled to a
// RegExp. Entries are literal text, matched on the folded prose (white space dropped, widths unified, as the typo
// rule matches), and a pattern may hold `*` for a gap of at most PACK_LIMITS.gap characters inside one sentence
// (`\*` is a literal star). The matcher remembers where a segment failed, so a pattern costs at most
// (segments × prose length × gap) steps whatever the text: no catastrophic backtracking. config.ts bounds the sizes.
import { proseSpans, insideSpans } from '../prose/regions';
import { foldRanges, foldChar, type Folded } from '../text';
import { PACK_LIMITS, packRuleId, type PackForbid, type PackReplace, type UserPack } from '../settings';
import type { ReportModel } from '../types';
import type { ReportRule, RuleContext } from './rule';

/** Text folded as the prose is (fold's character map, white space dropped). */
export function foldPackText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = foldChar(s.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}

/** The literal segments of a pattern between its `*` (`\*` and `\\` are literal). */
export function patternSegments(pattern: string): string[] {
  const segs: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) { cur += pattern[++i]; continue; }
    if (c === '*') { segs.push(cur); cur = ''; continue; }
    cur += c;
  }
  segs.push(cur);
  return segs.map(foldPackText);
}

// sentence ends as they read after folding (full-width ！？； become ! ? ;)
const SENTENCE_END = new Set(['。', '!', '?', ';']);

interface Match { start: number; end: number }

/**
 * Non-overlapping matches of the segments in `s`: segment 0, then each next segment starting within `gap`
 * characters of the previous one's end, with no sentence end in between; the shortest gaps first. Each (segment,
 * place) fails at most once (remembered) and succeeds at most once (matches do not overlap): at most
 * 2 × segments × (s.length + 1) steps (`stats` counts them), whatever the text.
 */
export function matchSegments(s: string, segs: readonly string[], gap: number, stats?: { steps: number }): Match[] {
  const out: Match[] = [];
  if (!segs.length || segs.some((g) => !g)) return out;
  const n = s.length;
  // failed[i][at]: segment i was tried at `at` and no match of the rest followed (memo: each place tried once)
  const failed: (Uint8Array | undefined)[] = segs.map(() => undefined);
  /** The end of a match of segs[i..] whose segment i starts exactly at `at`, or -1. */
  const from = (i: number, at: number): number => {
    if (failed[i]?.[at]) return -1;
    if (stats) stats.steps++;
    const seg = segs[i];
    if (s.startsWith(seg, at)) {
      const e = at + seg.length;
      if (i + 1 === segs.length) return e;
      for (let g = 0; g <= gap && e + g <= n; g++) {
        if (g > 0 && SENTENCE_END.has(s[e + g - 1])) break;
        const r = from(i + 1, e + g);
        if (r >= 0) return r;
      }
    }
    (failed[i] ??= new Uint8Array(n + 1))[at] = 1;
    return -1;
  };
  for (let p = s.indexOf(segs[0]); p >= 0; ) {
    const e = from(0, p);
    if (e > p) out.push({ start: p, end: e });
    p = s.indexOf(segs[0], e > p ? e : p + 1);
  }
  return out;
}

interface Compiled {
  replace: { entry: PackReplace; wrong: string; right: string }[];
  forbid: { entry: PackForbid; segs: string[] }[];
}

function compile(pack: UserPack): Compiled {
  return {
    replace: pack.replace.map((entry) => ({ entry, wrong: foldPackText(entry.wrong), right: foldPackText(entry.right) })).filter((x) => x.wrong.length > 0),
    // config.ts refuses a pattern with an empty segment (a leading, trailing or doubled `*`)
    forbid: pack.forbid.map((entry) => ({ entry, segs: patternSegments(entry.pattern) })).filter((x) => x.segs.every((g) => g.length > 0)),
  };
}

const foldedProse = new WeakMap<ReportModel, Folded>();
function proseOf(model: ReportModel): Folded {
  let f = foldedProse.get(model);
  if (!f) { f = foldRanges(model.text, proseSpans(model), false); foldedProse.set(model, f); }
  return f;
}

/** Does `right` read at this occurrence of `wrong` (the right form contains the wrong one: nothing to report)? */
function readsRight(s: string, at: number, wrong: string, right: string): boolean {
  for (let k = right.indexOf(wrong); k >= 0; k = right.indexOf(wrong, k + 1)) {
    if (at - k >= 0 && s.startsWith(right, at - k)) return true;
  }
  return false;
}

function check(pack: UserPack, compiled: Compiled, ctx: RuleContext): void {
  const { model, t, report } = ctx;
  if (!compiled.replace.length && !compiled.forbid.length) return;
  const { s, offs } = proseOf(model);
  const spans = proseSpans(model);
  // the template's own wording is not the writer's: the section headings are left alone like the tables
  const inHeading = (x: { start: number; end: number }) => model.sections.some((h) => x.start < h.heading.end && h.heading.start < x.end);
  const source = (m: Match) => ({ start: offs[m.start], end: offs[m.end - 1] + 1 });
  const name = pack.name;
  for (const { entry, wrong, right } of compiled.replace) {
    for (let at = s.indexOf(wrong); at >= 0; at = s.indexOf(wrong, at + wrong.length)) {
      if (right.includes(wrong) && readsRight(s, at, wrong, right)) continue;
      const src = source({ start: at, end: at + wrong.length });
      if (!insideSpans(spans, src.start, src.end) || inHeading(src)) continue;
      const written = model.text.slice(src.start, src.end);
      const note = entry.message ? t(`：${entry.message}`, `: ${entry.message}`) : '';
      report({
        ...src,
        message: t(`“${written}”应为“${entry.right}”（规则包“${name}”${note}）`, `"${written}" should be "${entry.right}" (pack "${name}"${note})`),
        fixes: [{
          title: t(`改为“${entry.right}”`, `Change to "${entry.right}"`),
          edits: [{ ...src, newText: entry.right }],
          // a match across a line break or spaces: the fix would join the lines, so it is offered, not preferred
          preferred: src.end - src.start === wrong.length,
        }],
      });
    }
  }
  for (const { entry, segs } of compiled.forbid) {
    for (const m of matchSegments(s, segs, PACK_LIMITS.gap)) {
      const src = source(m);
      if (!insideSpans(spans, src.start, src.end) || inHeading(src)) continue;
      const written = model.text.slice(src.start, src.end);
      report({
        ...src,
        message: t(`${entry.message}（规则包“${name}”：“${written}”）`, `${entry.message} (pack "${name}": "${written}")`),
      });
    }
  }
}

const rulesOf = new WeakMap<readonly UserPack[], ReportRule[]>();

/** The packs as rules of the runner (compiled once per packs array: the options of a document keep theirs). */
export function packRules(packs: readonly UserPack[] | undefined): readonly ReportRule[] {
  if (!packs?.length) return [];
  let rules = rulesOf.get(packs);
  if (rules) return rules;
  rules = packs.map((pack): ReportRule => {
    const compiled = compile(pack);
    return {
      id: packRuleId(pack.name),
      scope: 'report',
      group: 'prose',
      defaultSeverity: pack.severity,
      title: { 'zh-CN': `用户规则包“${pack.name}”`, en: `User rule pack "${pack.name}"` },
      description: { 'zh-CN': '用户在 .nianbao.json 中定义的用语规则', en: 'terms defined by the user in .nianbao.json' },
      check: (ctx) => check(pack, compiled, ctx),
    };
  });
  rulesOf.set(packs, rules);
  return rules;
}
