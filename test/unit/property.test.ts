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

function assertSound(text: string, findings: Finding[]): void {
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
