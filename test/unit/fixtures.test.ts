// Every real report in test/fixtures/reports is checked against its written-down expectations
// (test/fixtures/expected/<name>.json: the exact findings with their source text, and the rules that must not fire).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../server/src/core';
import { applyEdits, FIXTURES, loadReport, reportNames } from './helpers';

interface Expected {
  template: string | null;
  title: { agency: string | null; year: number | null } | null;
  sections: number[];
  tables: Record<string, { ok: number; missing: number; unlocated: number }>;
  mustNot: string[];
  findings: { rule: string; line: number; text: string; fix?: string }[];
}

describe('real reports (fixtures)', () => {
  const names = reportNames();
  it('has the seeds, the 淮安 corpus and the collapsed web text', () => {
    assert.ok(names.length >= 9, names.join(','));
  });
  for (const name of names) {
    describe(name, () => {
      const text = loadReport(name);
      const exp: Expected = JSON.parse(readFileSync(join(FIXTURES, 'expected', name + '.json'), 'utf8'));
      const { model, findings, lineIndex } = checkReport(text);

      it('reads title, sections, template version and tables as written down', () => {
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

      it('finds exactly the expected findings, at the expected text', () => {
        const got = findings.map((f) => {
          const fix = f.fixes?.find((x) => x.preferred);
          return { rule: f.rule, line: lineIndex.positionAt(f.start).line + 1, text: text.slice(f.start, f.end), ...(fix ? { fix: fix.edits[0].newText } : {}) };
        });
        assert.deepEqual(got, exp.findings);
      });

      it('never reports the rules it must not', () => {
        for (const rule of exp.mustNot) assert.ok(!findings.some((f) => f.rule === rule), `${rule} fired`);
      });

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
        const fixed = applyEdits(text, edits);
        const again = checkReport(fixed).findings;
        assert.equal(again.filter((f) => f.fixes?.some((x) => x.preferred)).length, 0, JSON.stringify(again.map((f) => f.message)));
        // fixing wording must not disturb the tables
        assert.equal(again.filter((f) => f.rule === 'table-balance').length, findings.filter((f) => f.rule === 'table-balance').length);
      });
    });
  }
});
