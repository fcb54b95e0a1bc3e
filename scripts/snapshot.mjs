// A snapshot of what the engine makes of every report we have: findings (with fixes and related places),
// models (title, sections, template, every table cell) and the cross-report findings, over the fixtures, the
// examples, ../shared/seeds and ../shared/corpus (when present), the format fixtures read through io, and a
// mutation corpus generated from them with a fixed seed. Used to hold behaviour fixed across a restructuring,
// and to see exactly what a change of behaviour changes.
//
//   npm run build && node scripts/snapshot.mjs > /tmp/before.jsonl
//   ... change ...
//   npm run build && node scripts/snapshot.mjs > /tmp/after.jsonl && diff /tmp/before.jsonl /tmp/after.jsonl
//
// Options: --mutations N (default 600), --no-shared (skip ../shared), --locale en.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..');
const core = require(join(ROOT, 'dist/core.js'));
const io = require(join(ROOT, 'dist/io.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const N_MUTATIONS = Number(opt('--mutations', '600'));
const LOCALE = opt('--locale', 'zh-CN');
const SHARED = !args.includes('--no-shared');

function filesUnder(dir, exts) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => name.toLowerCase().endsWith(e))) out.push(p);
  }
  return out;
}

const sources = [
  ...filesUnder(join(ROOT, 'test/fixtures/reports'), ['.txt', '.md']),
  ...filesUnder(join(ROOT, 'test/fixtures/formats'), ['.txt', '.html', '.docx', '.pdf']),
  ...filesUnder(join(ROOT, 'examples'), ['.txt', '.md']),
  ...(SHARED ? filesUnder(join(ROOT, '../shared/seeds'), ['.txt', '.md']) : []),
  ...(SHARED ? filesUnder(join(ROOT, '../shared/corpus'), ['.txt', '.md', '.pdf', '.html', '.docx']) : []),
];

const reports = [];
for (const p of sources) {
  const r = await io.readReportFile(p);
  const id = relative(ROOT, p);
  if (!r.ok) { reports.push({ id, error: r.reason }); continue; }
  reports.push({ id, text: r.text });
}

// ---------------------------------------------------------------- mutations (fixed seed)
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const rand = rng(20261207);
const pick = (a) => a[Math.floor(rand() * a.length)];
const texts = reports.filter((r) => r.text && r.text.length < 200_000);
const HAN = /[\u4e00-\u9fff]/;
function mutate(text) {
  const kind = Math.floor(rand() * 6);
  if (kind === 0) { // change a number
    const nums = [...text.matchAll(/\d+/g)];
    if (!nums.length) return { kind: 'none', text };
    const m = pick(nums);
    const v = String(Number(m[0]) + 1 + Math.floor(rand() * 9));
    return { kind: 'number', text: text.slice(0, m.index) + v + text.slice(m.index + m[0].length) };
  }
  const lines = text.split('\n');
  if (kind === 1) { // drop a line
    const i = Math.floor(rand() * lines.length);
    lines.splice(i, 1);
    return { kind: 'drop-line', text: lines.join('\n') };
  }
  // a Han character: replaced by another from the text, doubled, or dropped
  const positions = [];
  for (let i = 0; i < text.length; i++) if (HAN.test(text[i])) positions.push(i);
  if (!positions.length) return { kind: 'none', text };
  const at = pick(positions);
  if (kind === 2) return { kind: 'replace-char', text: text.slice(0, at) + text[pick(positions)] + text.slice(at + 1) };
  if (kind === 3) return { kind: 'double-char', text: text.slice(0, at) + text[at] + text.slice(at) };
  if (kind === 4) return { kind: 'drop-char', text: text.slice(0, at) + text.slice(at + 1) };
  // swap two lines
  const i = Math.floor(rand() * lines.length), j = Math.floor(rand() * lines.length);
  [lines[i], lines[j]] = [lines[j], lines[i]];
  return { kind: 'swap-lines', text: lines.join('\n') };
}
const mutations = [];
for (let k = 0; k < N_MUTATIONS && texts.length; k++) {
  const base = pick(texts);
  const m = mutate(base.text);
  mutations.push({ id: `mutation/${k}/${m.kind}/${base.id}`, text: m.text });
}

// ---------------------------------------------------------------- output
function span(s) { return s ? [s.start, s.end] : null; }
function findingOut(f) {
  return {
    rule: f.rule, severity: f.severity, at: [f.start, f.end], message: f.message,
    ...(f.expected !== undefined ? { expected: f.expected, actual: f.actual } : {}),
    ...(f.related?.length ? { related: f.related.map((r) => ({ at: [r.start, r.end], message: r.message, ...(r.file ? { file: r.file } : {}) })) } : {}),
    ...(f.fixes?.length ? { fixes: f.fixes.map((x) => ({ title: x.title, preferred: !!x.preferred, edits: x.edits.map((e) => [e.start, e.end, e.newText]) })) } : {}),
  };
}
function modelOut(m) {
  const tables = {};
  for (const [id, t] of Object.entries(m.tables)) {
    if (!t) continue;
    tables[id] = {
      at: span(t), layout: t.layout, absent: t.absent, orphan: !!t.orphan,
      rows: t.rows.map((r) => [r.key, r.status, r.labelMatch ? [r.labelMatch.start, r.labelMatch.end, Math.round(r.labelMatch.similarity * 1000)] : null,
        r.cells.map((c) => [c.colKey, c.start, c.end, c.value.kind, c.value.raw])]),
      missingColumns: t.missingColumns?.map((c) => c.key) ?? [], recovered: t.recovered ?? [], ambiguous: t.ambiguous ?? [],
    };
  }
  return {
    title: m.title ? { at: span(m.title), text: m.title.text, agency: m.title.agency ?? null, year: m.title.year ?? null } : null,
    template: m.template, tableVersion: m.tableVersion,
    sections: m.sections.map((s) => [s.n, s.heading.start, s.heading.end, s.heading.exact, s.heading.inline]),
    tables,
  };
}

const all = [...reports.filter((r) => r.text !== undefined), ...mutations];
const results = core.checkWorkspace(all.map((r) => ({ id: r.id, text: r.text })), { locale: LOCALE });
for (const r of reports.filter((x) => x.error)) process.stdout.write(JSON.stringify({ id: r.id, error: r.error }) + '\n');
for (const r of results) {
  process.stdout.write(JSON.stringify({ id: r.id, model: modelOut(r.model), findings: r.findings.map(findingOut) }) + '\n');
}
process.stderr.write(`snapshot: ${results.length} reports (${mutations.length} mutations), ${results.reduce((n, r) => n + r.findings.length, 0)} findings\n`);
