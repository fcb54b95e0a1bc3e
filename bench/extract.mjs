// Benchmark of `nianbao extract`: 1,000 text reports (made from the fixtures in a temporary folder) with
// --jobs 1, 2 and one per core; and 50 each of .html, .docx and .pdf files. Wall time of the whole command,
// as a user runs it (process start included). Prints figures; asserts nothing. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'nianbao.js');
const fixtures = join(root, 'test', 'fixtures');
const N = Number(process.env.NIANBAO_BENCH_REPORTS ?? 1000);

const reports = readdirSync(join(fixtures, 'reports')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(fixtures, 'reports', f), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const textDir = join(dir, 'text');
const binDir = join(dir, 'binary');
spawnSync('mkdir', ['-p', textDir, binDir]);
let bytes = 0;
for (let i = 0; i < N; i++) {
  // a different agency per file, so that the records differ as in a real province's reports
  const text = reports[i % reports.length].replace(/^(\S*?)(人民政府|商务局|经信局)/m, `$1第${i}$2`);
  writeFileSync(join(textDir, `r${String(i).padStart(4, '0')}.txt`), text);
  bytes += Buffer.byteLength(text);
}
for (const ext of ['html', 'docx', 'pdf']) {
  for (let i = 0; i < 50; i++) copyFileSync(join(fixtures, 'formats', `${i % 2 ? 'shangwu-2020' : 'huaian-2024'}.${ext}`), join(binDir, `r${i}.${ext}`));
}

function time(args, runs = 3) {
  const xs = [];
  let out;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    out = spawnSync(process.execPath, [bin, 'extract', '--no-progress', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    xs.push(performance.now() - t0);
    if (out.status !== 0) throw new Error(`extract failed (${out.status}): ${out.stderr.slice(0, 500)}`);
  }
  xs.sort((a, b) => a - b);
  return { ms: xs[Math.floor(xs.length / 2)], records: out.stdout.split('\n').length - 2, outBytes: Buffer.byteLength(out.stdout) };
}

console.log(`nianbao extract benchmark, node ${process.version}, ${availableParallelism()} core(s); median of 3 runs, wall time including process start`);
console.log(`\n${N} text reports (${(bytes / 1048576).toFixed(1)} MiB), CSV to a pipe:`);
const cores = availableParallelism();
for (const jobs of [...new Set([1, 2, Math.min(cores, 8)])]) {
  const r = time(['--jobs', String(jobs), textDir]);
  console.log(`  --jobs ${String(jobs).padEnd(2)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(N / (r.ms / 1000)).toFixed(0).padStart(5)} reports/s  ${r.records} records, ${(r.outBytes / 1048576).toFixed(1)} MiB CSV`);
}
const json = time(['--jobs', '2', '--format', 'json', textDir]);
console.log(`  --jobs 2  --format json ${(json.ms / 1000).toFixed(2)} s, ${(json.outBytes / 1048576).toFixed(1)} MiB`);

console.log('\n50 files of each kind (the two fixture reports converted by LibreOffice):');
for (const ext of ['html', 'docx', 'pdf']) {
  const files = readdirSync(binDir).filter((f) => f.endsWith('.' + ext)).map((f) => join(binDir, f));
  const one = time(['--jobs', '1', ...files], 1);
  const two = time(['--jobs', '2', ...files], 1);
  console.log(`  .${ext.padEnd(5)} --jobs 1 ${(one.ms / 1000).toFixed(2).padStart(5)} s (${(one.ms / 50).toFixed(0)} ms/file)   --jobs 2 ${(two.ms / 1000).toFixed(2).padStart(5)} s`);
}
rmSync(dir, { recursive: true, force: true });
