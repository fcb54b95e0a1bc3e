// node bench/typo-recall.mjs [count] [seed] (after npm run build): recall of the typo checks on typos made at random in
// the real reports, and their false alarms on the reports as they are.
//
// The reports: test/fixtures/reports, test/fixtures/corpus and, when there, ../shared/seeds and ../shared/corpus
// (read as the CLI reads them; the same text twice counts once). The typos (core makeTypos, fixed seed): a word of a
// report's own prose (as the dictionary segments it) gets one change that makes it no word: a character of the same
// sound or of similar shape, a character doubled, an extra character confused with its neighbour, a character dropped
// (shares in core TYPO_MIX). A typo is found when a finding of typo, duplicate-text or name-mismatch covers it; its fix
// restores the report when the finding's preferred (else first) fix gives back the report's text exactly.
// False alarms: typo findings on the reports as they are, less the defects a reviewer confirmed (CONFIRMED below).
// Beside each figure, the same for the lexicon alone (the typo rule's listed misspellings, without the dictionary).
// CORE=out uses the tsc output (out/) instead of dist/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const useOut = process.env.CORE === 'out';
const core = require(useOut ? join(root, 'out/server/src/core/index.js') : join(root, 'dist/core.js'));
const io = require(useOut ? join(root, 'out/server/src/io/index.js') : join(root, 'dist/io.js'));
const COUNT = Number(process.argv[2] ?? 1000), SEED = Number(process.argv[3] ?? 19);

/** Defects a reviewer confirmed (shared/corpus/README.md; the reviews of test/fixtures/expected-prose). */
export const CONFIRMED = ['受理渠', '审查管', '重新涉\n?及', '资金资金', '我县县政府', '沐阳', '办法贺', '图文形势', '显\n?着', '分类整体', '漣河', '灤河'];

const RULES = ['typo', 'duplicate-text', 'name-mismatch'];
const onlyThese = Object.fromEntries(core.RULES.filter((r) => r.scope === 'report' && !RULES.includes(r.id)).map((r) => [r.id, 'off']));
const isDictionaryFinding = (f) => f.rule === 'typo' && f.message.includes('不成词');

export async function loadReports() {
  const dirs = [join(root, 'test/fixtures/reports'), join(root, 'test/fixtures/corpus'), join(root, '../shared/seeds'), join(root, '../shared/corpus')];
  const seen = new Set();
  const out = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|md|pdf|docx|html)$/.test(f) || f === 'README.md') continue;
      const r = await io.readReportFile(join(dir, f));
      if (!r.ok || seen.has(r.text)) continue;
      seen.add(r.text);
      out.push({ name: f, text: r.text });
    }
  }
  return out;
}

function applyFix(text, fix) {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const pct = (a, b) => (b ? (100 * a / b).toFixed(1) : '-') + '%';

async function main() {
  const reports = await loadReports();
  const texts = reports.map((r) => r.text);
  const t0 = performance.now();
  const typos = core.makeTypos(texts, COUNT, SEED);
  const kinds = {};
  let found = 0, restored = 0, foundLex = 0, restoredLex = 0;
  for (const m of typos) {
    const k = (kinds[m.kind] ??= { n: 0, found: 0, restored: 0, lex: 0 });
    k.n++;
    const { findings } = core.checkReport(m.text, { severity: onlyThese });
    const covers = (f) => RULES.includes(f.rule) && f.start < m.end && m.start < Math.max(f.end, f.start + 1);
    const restores = (f) => { const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0]; return !!fix && applyFix(m.text, fix) === texts[m.report]; };
    const hit = findings.filter(covers);
    if (hit.length) { found++; k.found++; if (hit.some(restores)) { restored++; k.restored++; } }
    const lex = hit.filter((f) => f.rule === 'typo' && !isDictionaryFinding(f));
    if (lex.length) { foundLex++; k.lex++; if (lex.some(restores)) restoredLex++; }
  }
  const ms = performance.now() - t0;
  console.log(`typo recall: ${typos.length} typos (seed ${SEED}) in ${reports.length} reports: found ${pct(found, typos.length)}, fix restores the text ${pct(restored, typos.length)} | lexicon alone: found ${pct(foundLex, typos.length)}, restores ${pct(restoredLex, typos.length)} (${(ms / 1000).toFixed(1)} s)`);
  console.log('  by kind: ' + Object.entries(kinds).map(([k, v]) => `${k} ${v.found}/${v.n} (restores ${v.restored}, lexicon alone ${v.lex})`).join('; '));

  // false alarms on the reports as they are
  const confirmed = CONFIRMED.map((s) => new RegExp(s, 'g'));
  const isConfirmed = (text, f) => confirmed.some((re) => [...text.matchAll(re)].some((m) => m.index < f.end && f.start < m.index + m[0].length));
  let fa = 0, faLex = 0, worst = 0, huaian = 0;
  const lines = [];
  for (const r of reports) {
    const { findings } = core.checkReport(r.text, { severity: onlyThese });
    const false_ = findings.filter((f) => f.rule === 'typo' && !isConfirmed(r.text, f));
    const lexFalse = false_.filter((f) => !isDictionaryFinding(f));
    fa += false_.length; faLex += lexFalse.length; worst = Math.max(worst, false_.length);
    if (/huaian/.test(r.name)) huaian += false_.length;
    for (const f of false_) lines.push(`    ${r.name}: ${JSON.stringify(r.text.slice(f.start, f.end))} ${f.message}`);
    const dup = findings.filter((f) => f.rule === 'duplicate-text' && !isConfirmed(r.text, f));
    for (const f of dup) lines.push(`    ${r.name}: duplicate-text ${JSON.stringify(r.text.slice(f.start, f.end))} ${f.message}`);
  }
  console.log(`typo false alarms on the ${reports.length} reports as they are: ${fa} (at most ${worst} in one report; 淮安 ${huaian}) | lexicon alone: ${faLex}`);
  if (lines.length) console.log(lines.join('\n'));
}

/**
 * Resident memory of a process that has checked one report, with the dictionary's checks off and on (each in a
 * fresh process, after a full garbage collection): what the dictionary adds to the language server.
 */
function memory() {
  const report = join(root, 'test/fixtures/reports/huaian-2024-pdf-text.txt');
  const corePath = useOut ? join(root, 'out/server/src/core/index.js') : join(root, 'dist/core.js');
  const rss = (off) => {
    const script = `const core = require(${JSON.stringify(corePath)}); const text = require('fs').readFileSync(${JSON.stringify(report)}, 'utf8');
      core.checkReport(text, { severity: ${JSON.stringify(off)} }); globalThis.gc(); globalThis.gc();
      process.stdout.write(String(process.memoryUsage().rss));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    return Number(r.stdout) / 1048576;
  };
  const off = Object.fromEntries(RULES.map((id) => [id, 'off']));
  const runs = [0, 1, 2].map(() => [rss(off), rss({})]);
  const med = (xs) => xs.sort((a, b) => a - b)[1];
  const without = med(runs.map((r) => r[0])), withDict = med(runs.map((r) => r[1]));
  console.log(`memory (RSS of a process that checked one report, median of 3): typo, duplicate-text and name-mismatch off ${without.toFixed(1)} MiB; on (dictionary loaded) ${withDict.toFixed(1)} MiB: +${(withDict - without).toFixed(1)} MiB`);
}

if (process.argv[1] === import.meta.filename) { await main(); memory(); }
