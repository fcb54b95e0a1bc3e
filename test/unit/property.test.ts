// Property tests (fast-check): on random and mutated text the engine never throws, every range lies inside
// the document, and every fix applies cleanly and can be checked again.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReport, TEMPLATE, type Finding } from '../../server/src/core';
import { applyEdits, loadReport, reportNames } from './helpers';

const LABELS = TEMPLATE.versions['2021'].tables.concat(TEMPLATE.versions['2019'].tables)
  .flatMap((t) => t.blocks.flatMap((b) => [...b.rows.map((r) => r.label), ...b.columns.map((c) => c.label), b.caption ?? '']));
const FRAGMENTS = [
  ...TEMPLATE.sections.map((s) => s.heading + '\n'), ...LABELS,
  '\t', '\t\t', '|', '\n|\n', '\n', '\r\n', '\r', ' ', '\u3000', '0', '7', '12', '3119', '96171.6', '-18', '/', '-', '—', '- 4 -\n',
  '淮安市人民政府 2024 年政府信息公开工作年度报告\n', '2023年', '（', '）', '、', '。', '𠀾', '\uD800', '\u0000', '，', '年度报告',
];

function assertSound(text: string, findings: Finding[], applyFixes = true): void {
  const inside = (s: { start: number; end: number }, what: string) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), what);
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} ${s.start}-${s.end} of ${text.length}`);
  };
  for (const f of findings) {
    inside(f, f.rule);
    assert.ok(f.message.length > 0);
    for (const r of f.related ?? []) inside(r, f.rule + ' related');
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) inside(e, f.rule + ' fix');
      if (!applyFixes) continue;
      const fixed = applyEdits(text, fix.edits); // throws on overlap
      checkReport(fixed); // and the result can be checked again
    }
  }
}

describe('properties', () => {
  it('random text built from report fragments', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), (parts) => {
      const text = parts.join('');
      assertSound(text, checkReport(text).findings);
    }), { numRuns: 300 });
  });

  it('arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      assertSound(text, checkReport(text).findings);
    }), { numRuns: 300 });
  });

  it('real reports with random deletions, insertions and duplications', () => {
    const reports = reportNames().map(loadReport);
    const edit = fc.record({
      at: fc.nat(), len: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), dup: fc.boolean(),
    });
    fc.assert(fc.property(fc.nat({ max: reports.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
      let text = reports[which];
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        const end = Math.min(text.length, at + e.len);
        text = e.dup ? text.slice(0, end) + text.slice(at, end) + text.slice(end) : text.slice(0, at) + e.insert + text.slice(end);
      }
      assertSound(text, checkReport(text).findings);
    }), { numRuns: 200 });
  });
});

describe('large and degenerate inputs', () => {
  it('a megabyte of numbers inside one section is checked, with no arithmetic invented (a quadratic rule would exceed the timeout)', () => {
    const base = loadReport('002_b67df828cb4a1735');
    const text = base.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况\n' + '1\t2\t3\t4\t5\t6\t21\n'.repeat(70000));
    const { findings } = checkReport(text);
    assertSound(text, findings);
    assert.equal(findings.filter((f) => f.rule === 'table-balance' || f.rule === 'text-table-mismatch').length, 0);
    assert.ok(findings.some((f) => f.rule === 'table-unreadable'), 'says the region was too large to read');
  });
  it('one line of a million digits, and a million characters without a full stop', () => {
    // with an e-mail address in the text, punctuation looks for addresses: not at every digit of the run again
    const withMail = '一、总体情况\n联系邮箱：gk@example.gov.cn\n' + '7'.repeat(1_000_000) + '件\n';
    for (const text of ['一、总体情况\n' + '7'.repeat(1_000_000) + '件\n', '一、总体情况\n' + '申请'.repeat(500_000), withMail]) {
      const { findings } = checkReport(text);
      assertSound(text, findings, false);
      // at most 500 per rule, and a note saying how many more there are
      const byRule = new Map<string, number>();
      for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      for (const [rule, n] of byRule) assert.ok(n <= 501, `${rule}: ${n}`);
    }
    const flood = checkReport('一、总体情况\n' + '申请'.repeat(500_000)).findings;
    if (flood.length > 500) assert.ok(flood.some((f) => /more finding|未列出/.test(f.message)));
  });
  it('a rule reporting past the limit: 500 findings listed in full, the rest counted in one note at the first one not listed', () => {
    // section-order builds its findings only when they are listed (RuleContext.report with a function)
    const copy = '一、总体情况\n本机关全面推进政务公开。\n';
    const text = copy.repeat(700);
    const repeated = checkReport(text, { locale: 'en' }).findings.filter((f) => f.rule === 'section-order');
    assert.equal(repeated.length, 501);
    const listed = repeated.filter((f) => f.severity !== 'information');
    assert.equal(listed.length, 500);
    listed.forEach((f, k) => {
      assert.equal(f.start, (k + 1) * copy.length, 'the k-th repeated heading, in order');
      assert.equal(text.slice(f.start, f.end), '一、总体情况');
      assert.match(f.message, /appears twice/);
      assert.deepEqual(f.related?.map((r) => [r.start, r.end]), [[0, 6]]);
    });
    const note = repeated.find((f) => f.severity === 'information')!;
    assert.match(note.message, /^199 more finding\(s\) of section-order/);
    assert.equal(note.start, 501 * copy.length, 'at the first repeated heading not listed');
  });
});
