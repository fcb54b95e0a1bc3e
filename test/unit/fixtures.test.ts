// Every real report in test/fixtures/reports is checked against its written-down expectations
// (test/fixtures/expected/<name>.json: the exact findings with their source text, and the rules that must not fire).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../server/src/core';
import { applyEdits, FIXTURES, loadReport, reportNames } from './helpers';

interface Expected {
  /** The rules this expectation file speaks for; findings of other rules are compared in other files. */
  rules: string[];
  template?: string | null;
  title?: { agency: string | null; year: number | null } | null;
  sections?: number[];
  tables?: Record<string, { ok: number; missing: number; unlocated: number }>;
  mustNot: string[];
  findings: { rule: string; line: number; text: string; fix?: string }[];
}

describe('real reports (fixtures)', () => {
  const names = reportNames();
  it('has the seeds, the 淮安 corpus and the collapsed web text', () => {
    assert.ok(names.length >= 9, names.join(','));
  });
  // test/fixtures/expected/ holds the engine's structure and arithmetic rules; each family of rules
  // (prose, cross-checks, …) keeps its own test/fixtures/expected-<family>/ with the same file names
  const dirs = readdirSync(FIXTURES).filter((d) => d === 'expected' || d.startsWith('expected-')).sort();
  for (const name of names) {
    describe(name, () => {
      const text = loadReport(name);
      const { model, findings, lineIndex } = checkReport(text);
      const files = dirs.map((d) => join(FIXTURES, d, name + '.json')).filter((f) => existsSync(f));

      it('has written-down expectations', () => assert.ok(files.length > 0));

      for (const file of files) {
        const exp: Expected = JSON.parse(readFileSync(file, 'utf8'));
        const label = file.split('/').slice(-2).join('/');
        const mine = findings.filter((f) => exp.rules.includes(f.rule));

        if (exp.template !== undefined) it(`${label}: title, sections, template version and tables`, () => {
          assert.equal(model.template, exp.template);
          assert.deepEqual(model.title ? { agency: model.title.agency ?? null, year: model.title.year ?? null } : null, exp.title);
          assert.deepEqual(model.sections.map((s) => s.n), exp.sections);
          const tables = Object.fromEntries(Object.entries(model.tables).map(([id, t]) => [id, {
            ok: t!.rows.filter((r) => r.status === 'ok').length,
            missing: t!.rows.filter((r) => r.status === 'missing').length,
            unlocated: t!.rows.filter((r) => r.status === 'unlocated').length,
          }]));
          assert.deepEqual(tables, exp.tables);
        });

        it(`${label}: exactly the expected findings, at the expected text`, () => {
          const got = mine.map((f) => {
            const fix = f.fixes?.find((x) => x.preferred);
            return { rule: f.rule, line: lineIndex.positionAt(f.start).line + 1, text: text.slice(f.start, f.end), ...(fix ? { fix: fix.edits[0].newText } : {}) };
          });
          assert.deepEqual(got, exp.findings);
        });

        it(`${label}: never the rules it must not`, () => {
          for (const rule of exp.mustNot) assert.ok(!findings.some((f) => f.rule === rule), `${rule} fired`);
        });
      }

      it('messages exist in both locales', () => {
        const en = checkReport(text, { locale: 'en' }).findings;
        assert.equal(en.length, findings.length);
        for (let i = 0; i < en.length; i++) {
          assert.ok(/[\u4e00-\u9fff]/.test(findings[i].message), findings[i].message);
          assert.ok(/[a-z]{3,}/i.test(en[i].message.replace(/[^\x00-\x7f]/g, '')), en[i].message);
        }
      });

      it('applying every preferred fix leaves no fixable finding behind', () => {
        const edits = findings.flatMap((f) => f.fixes?.filter((x) => x.preferred).flatMap((x) => x.edits) ?? []);
        if (!edits.length) return;
        const fixed = applyEdits(text, dedupe(edits));
        const again = checkReport(fixed).findings;
        assert.equal(again.filter((f) => f.fixes?.some((x) => x.preferred)).length, 0, JSON.stringify(again.filter((f) => f.fixes?.some((x) => x.preferred)).map((f) => f.message)));
        // fixing wording must not disturb the tables
        assert.equal(again.filter((f) => f.rule === 'table-balance').length, findings.filter((f) => f.rule === 'table-balance').length);
      });
    });
  }
});

/** Preferred fixes of different rules may touch the same text; keep the first of overlapping edits. */
function dedupe<T extends { start: number; end: number }>(edits: T[]): T[] {
  const out: T[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    if (last && e.start === last.end && e.start === e.end && last.start === last.end) continue;
    out.push(e);
  }
  return out;
}
