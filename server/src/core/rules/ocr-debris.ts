// ocr-debris: garbage left by PDF extraction or OCR: a stray Latin letter glued to a Chinese word (E结转), lines of
// unrelated characters inside a table (seed 000, 表三), Latin junk in table headers (4H 4H 4M 4H), replacement and
// private-use characters.
import { TEMPLATE } from '../template';
import { tableSpans } from '../prose/regions';
import { proseScan } from '../prose/scan';
import { isAsciiAlnum, isAsciiLetter, isHan } from '../prose/util';
import { unitsOf } from '../text';
import type { ReportModel, Span } from '../types';
import type { ReportRule } from './rule';

/** Characters a single letter legitimately precedes: A级, B类, X光, T恤, A股, B超, A岗, C座 … */
const LETTER_WORDS = new Set(Array.from('级类股超光恤线证档区座栋楼型端岗卡照牌段款号轮版字件个项条次人名家元台篇期批份处起场所万亿年月日天'));

let vocab: Uint8Array | undefined;
/** Every character of the official table wording (labels, captions, headers, notes), as a bitmap. */
function tableVocabulary(): Uint8Array {
  if (vocab) return vocab;
  vocab = new Uint8Array(65536);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') { for (let i = 0; i < v.length; i++) vocab![v.charCodeAt(i)] = 1; }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(TEMPLATE);
  return vocab;
}

/** Spans of the labels the table parser matched (label-typo owns their fixes). */
function labelSpans(model: ReportModel): Span[] {
  const out: Span[] = [];
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (const r of t.rows) if (r.labelMatch) out.push(r.labelMatch);
    for (const c of t.columns) if (c.match) out.push(c.match);
    for (const c of t.captions) if (c.match) out.push(c.match);
  }
  return out;
}


export const ocrDebris: ReportRule = {
  id: 'ocr-debris',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '识别或转换残留的乱码', en: 'Extraction debris' },
  description: {
    'zh-CN': '识别或转换残留的乱码：零散字母、表格中由无关字符组成的行',
    en: 'extraction garbage: stray letters, lines of unrelated characters inside tables',
  },
  check({ model, text, idx, t, report }) {
    const tables = tableSpans(model);
    const labels = labelSpans(model);
    const inTable = (i: number) => tables.some((s) => s.start <= i && i < s.end);
    const inLabel = (s: number, e: number) => labels.some((l) => l.start < e && s < l.end);

    // 1. a single Latin letter glued before a Chinese word, and odd characters, anywhere
    const scan = proseScan(model);
    for (let k = 0; k < scan.letters.length; k++) {
      const i = scan.letters[k];
      const p = i > 0 ? text.charCodeAt(i - 1) : 10, n = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      if (isAsciiAlnum(p) || !isHan(n) || LETTER_WORDS.has(text[i + 1])) continue;
      if (!(isHan(p) || p === 9 || p === 32 || p === 10 || p === 0x3000)) continue;
      const table = inTable(i);
      if (table && inLabel(i, i + 1)) continue; // a table label: label-typo reports it with the official wording
      report({
        start: i, end: i + 1,
        message: t(`中文词语前夹杂的字母“${text[i]}”，疑为识别残留`, `Stray letter "${text[i]}" before a Chinese word (extraction debris)`),
        fixes: [{ title: t(`删除“${text[i]}”`, `Remove "${text[i]}"`), edits: [{ start: i, end: i + 1, newText: '' }], preferred: true }],
      });
    }
    const odd = scan.odd;
    for (let k = 0; k < odd.length;) {
      const i = odd[k];
      let j = i + 1;
      k++;
      while (k < odd.length && odd[k] === j) { j++; k++; }
      const table = inTable(i);
      report({
        start: i, end: j,
        message: t(`乱码字符“${text.slice(i, j)}”`, `Garbage character "${text.slice(i, j)}"`),
        fixes: [{ title: t('删除乱码', 'Remove it'), edits: [{ start: i, end: j, newText: '' }], preferred: !table || !inLabel(i, j) }],
      });
    }

    // 2. inside tables: lines of characters foreign to the table's wording, and Latin junk
    const voc = tableVocabulary();
    const u = unitsOf(text), starts = idx.starts, count = idx.lineCount;
    for (const ts of tables) {
      const first = idx.positionAt(ts.start).line, last = idx.positionAt(ts.end).line;
      for (let n = first; n <= last && n < count; n++) {
        // the line without its break (LineIndex.lineSpan, read from the code units)
        const lineStart = starts[n];
        let lineEnd = n + 1 < count ? starts[n + 1] : u.length;
        while (lineEnd > lineStart && (u[lineEnd - 1] === 10 || u[lineEnd - 1] === 13)) lineEnd--;
        if (lineStart < ts.start || lineEnd > ts.end) continue;
        let han = 0, known = 0, digits = 0, letters = 0;
        for (let i = lineStart; i < lineEnd; i++) {
          const c = u[i];
          if (c < 128) { if (c >= 48 && c <= 57) digits++; else if (isAsciiLetter(c)) letters++; }
          else if (!digits && isHan(c)) { han++; known += voc[c]; }
        }
        if (han < 6 && letters < 2) continue;
        const ls = { start: lineStart, end: lineEnd };
        if (han >= 6 && !digits && known / han < 0.5 && !inLabel(ls.start, ls.end)) {
          const line = text.slice(ls.start, ls.end).trim();
          const s = ls.start + text.slice(ls.start, ls.end).indexOf(line);
          const lineEnd = n + 1 < idx.lineCount ? idx.starts[n + 1] : ls.end;
          report({
            start: s, end: s + line.length,
            message: t('表格中混入与表格无关的乱码文字', 'A line of unrelated characters inside the table (extraction debris)'),
            fixes: [{ title: t('删除此行', 'Remove the line'), edits: [{ start: ls.start, end: lineEnd, newText: '' }], preferred: true }],
          });
          continue;
        }
        // Latin junk: runs of letters and digits with a letter, several of them separated by spaces (4H 4H 4M 4H)
        if (letters < 2) continue;
        const re = /[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:[ \t]+[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)*/g;
        const line = text.slice(ls.start, ls.end);
        for (let m = re.exec(line); m; m = re.exec(line)) {
          if (m[0].length < 2) continue; // single letters: case 1
          const s = ls.start + m.index;
          report({
            start: s, end: s + m[0].length,
            message: t(`表格中的乱码“${m[0]}”`, `Garbage "${m[0]}" inside the table (extraction debris)`),
          });
        }
      }
    }
  },
};
