// node bench/prose.mjs (after npm run build): cost of the prose rules (issue 6).
// Prints: time per MiB of the prose rules alone and of the whole engine; memory of the engine before and after
// the prose lexicons (typo automaton, spam automaton, traditional map, gazetteer) are built.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const PROSE = ['typo', 'duplicate-text', 'ocr-debris', 'punctuation', 'traditional-char', 'injected-content', 'name-mismatch', 'year-mismatch', 'doc-reference'];
const gc = globalThis.gc ?? (() => {});
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const mib = (b) => (b / 1048576).toFixed(1);

const h0 = heap();
const core = require('../dist/core.js');
const h1 = heap();
const root = join(import.meta.dirname, '..', 'test/fixtures/reports');
const reports = readdirSync(root).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(root, f), 'utf8') }));
// first check builds the lexicons (lazily, once)
let t0 = performance.now();
core.checkReport(reports[0].text);
const firstMs = performance.now() - t0;
const h2 = heap();
console.log(`node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
console.log(`heap: engine loaded ${mib(h1 - h0)} MiB; + prose lexicons built ${mib(h2 - h1)} MiB (total heapUsed ${mib(h2)} MiB); first check (builds them) ${firstMs.toFixed(1)} ms`);

const off = (ids) => Object.fromEntries(ids.map((id) => [id, 'off']));
const allIds = core.RULES.filter((r) => r.scope === 'report').map((r) => r.id);
const onlyProseOff = off(PROSE);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// each run a text whose contents differ from the two before (line breaks added at the end): an equal text would
// find its code units and prose scan cached, which an edited text never does (as in bench.mjs)
function time(text, opts, runs) {
  const variants = [text + '\n', text + '\n\n', text + '\n\n\n'];
  const xs = [];
  for (let i = 0; i < runs; i++) { const input = variants[i % 3]; const t = performance.now(); core.checkReport(input, opts); xs.push(performance.now() - t); }
  return median(xs);
}
for (let i = 0; i < 20; i++) for (const r of reports) core.checkReport(r.text);

console.log('\nper report (median of 100): all rules | prose rules off | prose share');
let sumAll = 0, sumWithout = 0, sumBytes = 0;
for (const r of reports) {
  const all = time(r.text, {}, 100), without = time(r.text, { severity: onlyProseOff }, 100);
  sumAll += all; sumWithout += without; sumBytes += Buffer.byteLength(r.text);
  console.log(`  ${r.name.padEnd(34)} ${all.toFixed(2)} ms | ${without.toFixed(2)} ms | ${(all - without).toFixed(2)} ms`);
}
const m = sumBytes / 1048576;
console.log(`  each report on its own, per MiB: all rules ${(sumAll / m).toFixed(1)} ms/MiB; prose rules off ${(sumWithout / m).toFixed(1)} ms/MiB; prose rules ${((sumAll - sumWithout) / m).toFixed(1)} ms/MiB`);
// 1 MiB of real report text: the seeds and the corpus concatenated until 1 MiB
let big = '';
while (Buffer.byteLength(big) < 1048576) for (const r of reports) big += r.text + '\n';
const size = Buffer.byteLength(big) / 1048576;
const all = time(big, {}, 5), without = time(big, { severity: onlyProseOff }, 5);
const proseOnly = time(big, { severity: off(allIds.filter((id) => !PROSE.includes(id))) }, 5);
console.log(`\n${size.toFixed(2)} MiB of reports: all rules ${(all / size).toFixed(1)} ms/MiB; without prose ${(without / size).toFixed(1)} ms/MiB; prose rules alone (with parse) ${(proseOnly / size).toFixed(1)} ms/MiB`);
for (const id of PROSE) {
  const x = time(big, { severity: off(allIds.filter((i) => i !== id)) }, 3);
  console.log(`  ${id.padEnd(18)} + parse: ${(x / size).toFixed(1)} ms/MiB`);
}
const base = time(big, { severity: off(allIds) }, 3);
console.log(`  parse only:               ${(base / size).toFixed(1)} ms/MiB`);
