// Writes test/fixtures/expected-prose/<report>.json from the current findings of the prose rules, keeping the
// "review" notes already written there. Run after `npm run build`, then REVIEW every finding (issue 6: a finding
// that is not a real defect is a bug to fix, not an expectation to accept).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const RULES = ['typo', 'duplicate-text', 'ocr-debris', 'punctuation', 'traditional-char', 'injected-content', 'name-mismatch', 'year-mismatch', 'doc-reference'];
const root = join(import.meta.dirname, '..', 'test/fixtures');
for (const f of readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.txt')).sort()) {
  const name = f.replace(/\.txt$/, '');
  const text = readFileSync(join(root, 'reports', f), 'utf8');
  const { findings, lineIndex } = core.checkReport(text);
  const mine = findings.filter((x) => RULES.includes(x.rule));
  const out = join(root, 'expected-prose', name + '.json');
  const old = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
  const rows = mine.map((x) => {
    const fix = x.fixes?.find((z) => z.preferred);
    return { rule: x.rule, line: lineIndex.positionAt(x.start).line + 1, text: text.slice(x.start, x.end), ...(fix ? { fix: fix.edits[0].newText } : {}) };
  });
  const fired = new Set(rows.map((r) => r.rule));
  const doc = {
    rules: RULES,
    review: old.review ?? 'TODO: review every finding',
    mustNot: RULES.filter((r) => !fired.has(r)),
    findings: rows,
  };
  writeFileSync(out, '{\n' + [
    ` "rules": ${JSON.stringify(doc.rules)}`,
    ` "review": ${JSON.stringify(doc.review, null, 0)}`,
    ` "mustNot": ${JSON.stringify(doc.mustNot)}`,
    ` "findings": [\n${rows.map((r) => '  ' + JSON.stringify(r)).join(',\n')}\n ]`,
  ].join(',\n') + '\n}\n');
  console.log(name, rows.length);
}
