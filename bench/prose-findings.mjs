// Lists every prose finding on the fixture reports (for review): node bench/prose-findings.mjs [name-filter]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const PROSE = ['typo', 'duplicate-text', 'ocr-debris', 'punctuation', 'traditional-char', 'injected-content', 'name-mismatch', 'year-mismatch', 'doc-reference'];
const root = join(import.meta.dirname, '..', 'test/fixtures/reports');
const filter = process.argv[2] ?? '';
const skip = (process.argv[3] ?? '').split(',').filter(Boolean);
for (const f of readdirSync(root).filter((f) => f.endsWith('.txt') && f.includes(filter)).sort()) {
  const text = readFileSync(join(root, f), 'utf8');
  const { findings, lineIndex } = core.checkReport(text);
  const mine = findings.filter((x) => PROSE.includes(x.rule) && !skip.includes(x.rule));
  console.log(`== ${f}: ${mine.length}`);
  for (const x of mine) {
    const fix = x.fixes?.find((z) => z.preferred);
    const ctx = text.slice(Math.max(0, x.start - 8), x.end + 8).replace(/\n/g, '⏎');
    console.log(`  ${x.rule.padEnd(16)} L${lineIndex.positionAt(x.start).line + 1} [${text.slice(x.start, x.end)}]${fix ? ' -> [' + fix.edits[0].newText + ']' : ''}  …${ctx}…  ${x.message}`);
  }
}
