// npm run bench: time to check a typical report (~10 KB), and 1 MB and 10 MB inputs, with every rule on.
// Prints figures; asserts nothing. Run after `npm run build` (the npm script does).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
// the heap setting the server and the CLI run with (server/src/heap.ts); NIANBAO_BENCH_NODE_DEFAULTS=1 measures
// with Node's defaults instead
const cli = require('../dist/cli.js');
const heap = process.env.NIANBAO_BENCH_NODE_DEFAULTS === '1' ? "Node's defaults" : (cli.tuneHeap(), cli.HEAP_FLAGS);
const core = require('../dist/core.js');
const root = join(import.meta.dirname, '..');
const reports = readdirSync(join(root, 'test/fixtures/reports')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ name: f, text: readFileSync(join(root, 'test/fixtures/reports', f), 'utf8') }));

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function p95(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; }
// wall time per run; the CPU time of the process (all threads, garbage collection included) is kept in lastCpu:
// on a shared machine the wall time also counts time the process was not running
let lastCpu = [];
// every run checks a new text, as the server does after every edit: a new string object whose contents differ from
// the two checked before it (one to three line breaks added at the end). A string equal to one checked just before
// finds its code units and its prose scan cached (text.ts codeUnits compares contents), which an edited text
// never does: until this round the runs checked equal strings, and the first-check figures were 0.7–0.9 of these
const fresh = (text) => text.slice(0, -1) + text[text.length - 1];
/** Three texts of the same contents with one to three line breaks added: checked in turn, none equals the two before it. */
const variantsOf = (text) => [text + '\n', text + '\n\n', text + '\n\n\n'];
function time(text, runs) {
  const xs = [];
  const variants = variantsOf(text);
  lastCpu = [];
  for (let i = 0; i < runs; i++) {
    const input = fresh(variants[i % 3]);
    const c0 = process.cpuUsage(), t0 = performance.now();
    core.checkReport(input);
    xs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    lastCpu.push((c.user + c.system) / 1000);
  }
  return xs;
}
const kib = (t) => Buffer.byteLength(t, 'utf8') / 1024;

// warm up the JIT the way a running language server is warm
for (let i = 0; i < 30; i++) for (const r of reports) core.checkReport(r.text);

console.log('nianbao engine benchmark (parse + all rules), node', process.version, '; heap:', heap);
console.log('\nper report (median of 200 runs):');
for (const r of reports) {
  const xs = time(r.text, 200);
  console.log(`  ${r.name.padEnd(36)} ${kib(r.text).toFixed(1).padStart(6)} KiB  median ${median(xs).toFixed(3)} ms  p95 ${p95(xs).toFixed(3)} ms`);
}
const typical = reports.find((r) => r.name.startsWith('002')) ?? reports[0];
const build = (bytes) => { let t = ''; while (Buffer.byteLength(t, 'utf8') < bytes) t += typical.text + '\n'; return t; };
// the budget: 26 ms per MiB with every rule on. On a shared machine a run can take a quarter longer or more than
// the same run a minute later: the median and the fastest run are both printed, and the verdict says which met it
const BUDGET = 26;
const verdict = (min, med) => med <= BUDGET ? 'within budget' : min <= BUDGET ? 'within budget in the fastest run only' : 'over budget';
console.log(`\nlarge inputs (a real report repeated; 101 / 21 / 9 runs; budget ${BUDGET} ms/MiB):`);
// each run a first check of a new text: nothing is kept from one check to the next
for (const [label, bytes] of [['10 KB', 10e3], ['1 MB', 1e6], ['10 MB', 10e6]]) {
  const text = bytes <= 10e3 ? typical.text : build(bytes);
  const xs = time(text, bytes > 5e6 ? 9 : bytes > 1e5 ? 21 : 101);
  const m = median(xs), low = Math.min(...xs), cpu = median(lastCpu), mib = kib(text) / 1024;
  console.log(`  ${label.padEnd(6)} ${mib.toFixed(2).padStart(6)} MiB  median ${m.toFixed(2)} ms = ${(m / mib).toFixed(1)} ms/MiB wall (fastest ${(low / mib).toFixed(1)}), ${(cpu / mib).toFixed(1)} ms/MiB CPU: ${verdict(low / mib, m / mib)}`);
}
// what one report's first check is made of: the report checked with every rule off (the parse alone: sections,
// title, version, the three tables, the prose scan) and with every rule on, alternated so that both see the same
// machine. Each text differs from the two checked before it, as above
{
  const off = Object.fromEntries(core.RULES.map((r) => [r.id, 'off']));
  const variants = variantsOf(typical.text);
  const parse = [], all = [];
  let k = 0;
  const one = (opts) => { const input = fresh(variants[k++ % 3]); const t0 = performance.now(); core.checkReport(input, opts); return performance.now() - t0; };
  for (let i = 0; i < 201; i++) { parse.push(one({ severity: off })); all.push(one()); }
  const mib = kib(typical.text) / 1024, p = median(parse), a = median(all);
  console.log(`  10 KB, its parts (alternated, 201 runs each): the parse alone ${p.toFixed(2)} ms = ${(p / mib).toFixed(1)} ms/MiB; every rule on ${a.toFixed(2)} ms = ${(a / mib).toFixed(1)} ms/MiB (the rules ${(a - p).toFixed(2)} ms)`);
}

// one report while it is edited: what the language server does on every keystroke. A character is typed at a
// random place of the report (a digit inside a table's region, a Chinese character elsewhere) and that version is
// checked with the tables kept from the versions checked before (a TableReuse, as the server keeps one): a table
// whose region the edit left as it was is not read again; the table typed in is. Each version is the report with
// one character typed, so the tables kept are the report's own and those of earlier versions (the oldest dropped).
{
  const reuse = new core.TableReuse();
  const base = typical.text;
  const regions = Object.values(core.checkReport(base).model.tables).map((t) => t.region);
  const inTable = (p) => regions.some((r) => p >= r.start && p < r.end);
  let seed = 1;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
  const versions = (n) => Array.from({ length: n }, () => {
    const p = Math.floor(rnd() * base.length), table = inTable(p);
    return { table, text: base.slice(0, p) + (table ? String(Math.floor(rnd() * 10)) : '字') + base.slice(p) };
  });
  for (const v of versions(300)) core.checkReport(v.text, { reuse });
  // each version is also checked from scratch (a line break added, so that it is not the string checked just
  // before), alternating which goes first: the gain of keeping the tables, on the same texts
  const all = [], prose = [], table = [], scratch = [];
  const h0 = reuse.hits, m0 = reuse.misses;
  const timed = (text, opts) => { const t0 = performance.now(); core.checkReport(text, opts); return performance.now() - t0; };
  versions(1000).forEach((v, i) => {
    let kept;
    if (i % 2) { scratch.push(timed(v.text + '\n')); kept = timed(v.text, { reuse }); } else { kept = timed(v.text, { reuse }); scratch.push(timed(v.text + '\n')); }
    all.push(kept);
    (v.table ? table : prose).push(kept);
  });
  const m = median(all), low = Math.min(...all), mib = kib(base) / 1024;
  console.log(`  ${'10 KB while it is edited (the server\'s case: 1000 versions, one character typed at a random place; tables kept between checks)'}`);
  console.log(`  ${''.padEnd(6)} ${mib.toFixed(2).padStart(6)} MiB  median ${m.toFixed(2)} ms = ${(m / mib).toFixed(1)} ms/MiB wall (fastest ${(low / mib).toFixed(1)}): ${verdict(low / mib, m / mib)}`);
  console.log(`         typed in the prose (${prose.length}): median ${median(prose).toFixed(2)} ms; in a table (${table.length}): median ${median(table).toFixed(2)} ms; kept results used ${reuse.hits - h0}, computed ${reuse.misses - m0}`);
  console.log(`         the same versions checked from scratch: median ${median(scratch).toFixed(2)} ms = ${(median(scratch) / mib).toFixed(1)} ms/MiB`);
}
// one huge table section: 1 MB of numbers inside section 三
const huge = typical.text.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况\n' + '1\t2\t3\t4\t5\t6\t21\n'.repeat(70000));
const xs = time(huge, 3);
console.log(`  1 MB of table rows inside one section: median ${median(xs).toFixed(2)} ms (${(kib(huge) / 1024).toFixed(2)} MiB)`);
// heap held by the result of a check (model and findings), measured after full collections (node --expose-gc)
const gc = globalThis.gc ?? (() => undefined);
const big = build(10e6);
// checked once before measuring, so that what a check caches per text (its code units) is in place both times
core.checkReport(big);
gc(); gc();
const before = process.memoryUsage().heapUsed;
const res = core.checkReport(big);
gc(); gc();
const held = process.memoryUsage().heapUsed - before;
console.log(`\nheap held by the result of checking 10 MB: ${globalThis.gc ? (held / 1048576).toFixed(0) + ' MiB' : 'not measured (run with node --expose-gc)'} (findings: ${res.findings.length})`);
