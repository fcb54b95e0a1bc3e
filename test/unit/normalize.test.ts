// normalizeTables: every fully located table in the canonical tab layout, every value kept, idempotent,
// the same findings before and after apart from layout-only ones (label wording).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReport, parseReport, TEMPLATE, type ReportModel } from '../../server/src/core';
import { normalizeEdits, normalizeReport, normalizeTables } from '../../server/src/core/normalize';
import { reportSkeleton } from '../../server/src/lsp/skeleton';
import { applyEdits, FIXTURES, loadReport, reportNames } from './helpers';

/** Rules about the tables' content and the report's structure: normalising must not change their findings. */
const TABLE_RULES = new Set(['missing-title', 'missing-section', 'section-order', 'missing-table', 'missing-row', 'format-version', 'blank-cell', 'table-balance', 'table-unreadable']);

const cellValues = (m: ReportModel) => Object.values(m.tables).flatMap((t) => t!.rows.flatMap((r) =>
  r.status === 'ok' ? r.cells.map((c) => `${t!.id}.${r.key}.${c.colKey}=${c.value.raw}`) : [`${t!.id}.${r.key}:${r.status}`]));

/**
 * The findings before and after normalising: the same for the table and structure rules; for the other rules
 * (wording, punctuation, prose) findings may only go away, and only those that were inside a rewritten table.
 */
function assertSameFindings(text: string, res: ReturnType<typeof normalizeReport>): void {
  const before = checkReport(text).findings, after = checkReport(res.text).findings;
  const key = (f: { rule: string; message: string }) => `${f.rule} ${f.message}`;
  assert.deepEqual(after.filter((f) => TABLE_RULES.has(f.rule)).map(key).sort(), before.filter((f) => TABLE_RULES.has(f.rule)).map(key).sort());
  const left = before.filter((f) => !TABLE_RULES.has(f.rule)).map(key);
  for (const f of after.filter((x) => !TABLE_RULES.has(x.rule))) {
    const k = left.indexOf(key(f));
    assert.ok(k >= 0, `new finding after normalising: ${key(f)}`);
    left.splice(k, 1);
  }
  const gone = before.filter((f) => !TABLE_RULES.has(f.rule) && left.includes(key(f)));
  for (const f of gone) assert.ok(res.edits.some((e) => e.start <= f.start && f.end <= e.end), `${key(f)} went, but it was not in a rewritten table`);
}

/** Numbers standing alone in a piece of text (as table values do), not page footers (`- 4 -`). */
function valueNumbers(s: string): string[] {
  const t = s.replace(/(^|\s)[-—－–]\s*\d{1,3}\s*[-—－–](?=\s|$)/gm, ' ');
  return [...t.matchAll(/(?<=^|[\s|｜])[+-]?\d+(?:[.,]\d+)*(?=$|[\s|｜])/g)].map((m) => m[0].replace(/,/g, '')).sort();
}

describe('normalizeTables', () => {
  for (const name of reportNames()) {
    describe(name, () => {
      const text = loadReport(name);
      const res = normalizeReport(text);
      it('keeps every value, is idempotent, and keeps the findings apart from wording inside the tables', () => {
        assert.deepEqual(cellValues(parseReport(res.text)), cellValues(parseReport(text)));
        assert.equal(normalizeTables(res.text), res.text);
        assertSameFindings(text, res);
      });
      it('changes nothing outside the tables it rewrites', () => {
        let at = 0;
        let rebuilt = '';
        for (const e of [...res.edits].sort((a, b) => a.start - b.start)) { rebuilt += text.slice(at, e.start) + e.newText; at = e.end; }
        assert.equal(rebuilt + text.slice(at), res.text);
        for (const e of res.edits) {
          const numbers = valueNumbers(text.slice(e.start, e.end));
          const after = valueNumbers(e.newText);
          for (const n of numbers) { const k = after.indexOf(n); assert.ok(k >= 0, `${n} lost`); after.splice(k, 1); }
        }
      });
    });
  }

  it('rewrites the tables of the fixtures it can read fully, and says why it leaves the others', () => {
    const status = (name: string) => Object.fromEntries(normalizeReport(loadReport(name)).tables.map((t) => [t.id, t.status]));
    assert.deepEqual(status('huaian-2024-pdf-text'), { t2: 'rewritten', t3: 'rewritten', t4: 'rewritten' });
    assert.deepEqual(status('002_b67df828cb4a1735'), { t2: 'rewritten', t3: 'rewritten', t4: 'rewritten' });
    const seed3 = normalizeReport(loadReport('003_b5a011f3d089b4ff')).tables.find((t) => t.id === 't3')!;
    assert.equal(seed3.status, 'skipped');
    assert.match(seed3.reason!, /7 row\(s\) not located/);
    // the collapsed page: 表三's run-together cells are split (one split fits), 规章 and 表四 are ambiguous
    const collapsed = normalizeReport(loadReport('huaian-2024-web-collapsed'));
    assert.deepEqual(collapsed.tables.map((t) => [t.id, t.status]), [['t2', 'skipped'], ['t3', 'rewritten'], ['t4', 'skipped']]);
    const pdf = parseReport(loadReport('huaian-2024-pdf-tabs')).tables.t3!;
    const back = parseReport(collapsed.text).tables.t3!;
    for (const row of pdf.rows) assert.deepEqual(back.rows.find((r) => r.key === row.key)!.cells.map((c) => c.value.raw), row.cells.map((c) => c.value.raw), row.key);
  });

  it('writes the canonical layout: official labels, one row per line, tab-separated, as a new report has it', () => {
    const out = normalizeTables(loadReport('huaian-2024-pdf-text'));
    const lines = out.split('\n');
    assert.ok(lines.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454'));
    assert.ok(lines.includes('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t67\t3\t0\t0\t1\t0\t71'), 'official 1. instead of 1、');
    assert.ok(lines.includes('72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20'));
    assert.ok(lines.includes('行政事业性收费\t96171.6'));
    assert.ok(!out.includes('- 4 -'), 'page footers inside tables go');
    assert.equal(lines.filter((l) => l.startsWith('（本列数据的勾稽关系为')).length, 1, 'the note once');
    // the same layout as a new report
    for (const v of ['2021', '2019'] as const) {
      const skeleton = reportSkeleton(2023, '某某市某某局', v);
      assert.equal(normalizeTables(skeleton), skeleton, v);
    }
  });

  it('puts a table from a collapsed line on lines of its own, without the spaces around it', () => {
    const out = normalizeTables(loadReport('huaian-2024-web-spaces'));
    assert.ok(out.includes('二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n'), out.slice(0, 2000));
    assert.ok(out.includes('\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t'));
  });

  it('keeps CRLF line ends and blank cells', () => {
    const text = loadReport('000_3d3a2a252aa442c3').replace(/\r?\n/g, '\r\n');
    const out = normalizeTables(text);
    assert.ok(!/[^\r]\n/.test(out), 'only CRLF');
    const blanks = (t: string) => Object.values(parseReport(t).tables).flatMap((x) => x!.rows.flatMap((r) => r.cells.filter((c) => c.value.kind === 'blank').map((c) => `${r.key}.${c.colKey}`)));
    assert.deepEqual(blanks(out), blanks(text));
    assert.ok(blanks(text).length > 0);
  });

  it('leaves a table alone when text that is not the template is inside it', () => {
    const base = loadReport('huaian-2024-pdf-tabs');
    const noted = base.replace('2.其他法律行政法规禁止公开', '注：含转办件\n2.其他法律行政法规禁止公开');
    const r = normalizeReport(noted);
    const t3 = r.tables.find((t) => t.id === 't3')!;
    assert.equal(t3.status, 'skipped');
    assert.match(t3.reason!, /not part of the table/);
    assert.ok(r.text.includes('注：含转办件\n2.其他法律行政法规禁止公开'));
    const stray = base.replace('7.属于行政执法案卷', '（另 12 件）\n7.属于行政执法案卷');
    assert.equal(normalizeReport(stray).tables.find((t) => t.id === 't3')!.status, 'skipped');
    // a number run into a label is not a value the engine read: the table is left alone rather than lose it
    const glued = base.replace('二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量12');
    const g = normalizeReport(glued);
    if (g.tables.find((t) => t.id === 't3')!.status === 'rewritten') assert.ok(g.text.includes('12'));
    // a 2019 table with a unit written in it keeps it
    const unit = loadReport('002_b67df828cb4a1735').replace('采购总金额', '采购总金额（万元）');
    const u = normalizeReport(unit).tables.find((t) => t.id === 't2')!;
    assert.equal(u.status, 'skipped');
  });

  it('edits are usable by an editor: sorted, non-overlapping, inside the text', () => {
    for (const name of reportNames()) {
      const text = loadReport(name);
      const { edits } = normalizeEdits(text);
      const sorted = [...edits].sort((a, b) => a.start - b.start);
      sorted.forEach((e, i) => {
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
        if (i) assert.ok(sorted[i - 1].end <= e.start);
      });
    }
  });

  it('the texts read from .html, .docx and .pdf files normalise to the same tables as their source', () => {
    const src = normalizeTables(loadReport('huaian-2024-pdf-tabs'));
    const tablesOf = (t: string) => cellValues(parseReport(t));
    const html = readFileSync(join(FIXTURES, 'formats', 'huaian-2024.html'), 'utf8');
    // the HTML reader is tested in io.test.ts; here: its text normalises to the same values
    const { htmlToText } = require('../../server/src/io/html') as typeof import('../../server/src/io/html');
    const fromHtml = normalizeTables(htmlToText(html));
    assert.deepEqual(tablesOf(fromHtml), tablesOf(src));
    assert.equal(normalizeTables(fromHtml), fromHtml);
  });

  it('one stray tab in text collapsed onto one line: rewriting the other tables makes 表三 readable, and one call does it all', () => {
    // found by the property below: the tab made the line tab-separated, so 表三's first label ran back to the title
    // (a label is now kept inside its table's region)
    const src = loadReport('huaian-2024-web-spaces');
    const at = src.indexOf('1362 （二）部分公开') + '1362 （'.length; // the 二 becomes a tab
    const text = src.slice(0, at) + '\t' + src.slice(at + 1);
    const res = normalizeReport(text);
    assert.deepEqual(res.tables.map((t) => `${t.id}:${t.status}`), ['t2:rewritten', 't3:rewritten', 't4:rewritten']);
    assert.equal(normalizeTables(res.text), res.text);
    // one edit per table, none reaching back out of its table's section into the prose before it
    assert.equal(res.edits.length, 3);
    assert.ok(res.edits.every((e) => e.start >= text.indexOf('二、主动公开政府信息情况')));
    assert.equal(applyEdits(text, res.edits), res.text);
    assert.ok(res.text.split('\n').includes('一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119'));
  });

  it('property: on mutated reports it never loses a value and applying it twice changes nothing', () => {
    const reports = reportNames().map(loadReport);
    const LABELS = TEMPLATE.versions['2021'].tables.flatMap((t) => t.blocks.flatMap((b) => [...b.rows.map((r) => r.label), ...b.columns.map((c) => c.label)]));
    const FRAGMENTS = ['\t', '\n', '\r\n', ' ', '|', '0', '12', '- 4 -\n', '（', '注：', ...LABELS];
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 30 }), insert: fc.constantFrom(...FRAGMENTS), dup: fc.boolean() });
    fc.assert(fc.property(fc.nat({ max: reports.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
      let text = reports[which];
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        const end = Math.min(text.length, at + e.len);
        text = e.dup ? text.slice(0, end) + text.slice(at, end) + text.slice(end) : text.slice(0, at) + e.insert + text.slice(end);
      }
      const res = normalizeReport(text);
      if (!res.edits.length) { assert.equal(res.text, text); return; }
      for (const e of res.edits) {
        const after = valueNumbers(e.newText);
        for (const n of valueNumbers(text.slice(e.start, e.end))) { const k = after.indexOf(n); assert.ok(k >= 0, `${n} lost`); after.splice(k, 1); }
      }
      const before = parseReport(text), after = parseReport(res.text);
      for (const t of res.tables.filter((x) => x.status === 'rewritten')) {
        const vals = (m: ReportModel) => m.tables[t.id]!.rows.map((r) => r.cells.map((c) => c.value.raw).join('|'));
        assert.deepEqual(vals(after), vals(before), t.id);
      }
      assert.equal(normalizeTables(res.text), res.text);
    }), { numRuns: 150 });
  });
});
