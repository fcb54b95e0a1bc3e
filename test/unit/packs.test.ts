// User rule packs (`packs` in .nianbao.json): wrong → right pairs with a fix and forbidden phrases with a message,
// run by the same runner as the built-in rules under the id pack:<name>; untrusted patterns bounded (no RegExp).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOptionsFor, checkReport, checkWorkspace, parseConfigFile, ruleDocPath, type CheckOptions, type Finding } from '../../server/src/core';
import { matchSegments, patternSegments } from '../../server/src/core/rules/packs';
import { PACK_LIMITS } from '../../server/src/core/settings';
import { applyEdits, loadReport, ROOT } from './helpers';

const text = loadReport('huaian-2024-pdf-tabs');
const optionsOf = (config: object): CheckOptions => {
  const r = parseConfigFile(JSON.stringify(config));
  assert.equal(r.error, undefined);
  return checkOptionsFor(r.config, undefined);
};
const pack = (fs: Finding[], name = 'office') => fs.filter((f) => f.rule === `pack:${name}`);

describe('user rule packs', () => {
  const config = {
    packs: {
      office: {
        replace: { 政务新媒体: '政务新媒体账号', 日常巡查: { right: '日常检查', message: '本办统一用语' } },
        forbid: { '进一步*加强': '“进一步加强”类表述请写明具体措施', 年年雷同: '不得年年雷同' },
      },
    },
  };

  it('a wrong → right pair: each place it is written, with its fix (preferred when on one line), the pack\'s id and message', () => {
    const hits = pack(checkReport(text, optionsOf(config)).findings);
    const reading = hits.filter((f) => f.message.startsWith('“日常巡查”'));
    assert.equal(reading.length, 1);
    const [f] = reading;
    assert.equal(text.slice(f.start, f.end), '日常巡查');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '“日常巡查”应为“日常检查”（规则包“office”：本办统一用语）');
    assert.deepEqual(f.fixes![0].edits, [{ start: f.start, end: f.end, newText: '日常检查' }]);
    assert.equal(f.fixes![0].preferred, true);
    // applying every fix leaves nothing of the pair to report
    const fixed = applyEdits(text, hits.filter((x) => x.fixes).map((x) => x.fixes![0].edits[0]));
    assert.equal(pack(checkReport(fixed, optionsOf(config)).findings).filter((x) => x.fixes).length, 0);
  });

  it('the right form that contains the wrong one is not reported (政务新媒体账号 holds 政务新媒体)', () => {
    const t = '淮安市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况\n关停政务新媒体账号 3 个，整合政务新媒体 2 个。\n';
    const hits = pack(checkReport(t, optionsOf(config)).findings);
    assert.deepEqual(hits.map((f) => t.slice(f.start, f.end)), ['政务新媒体']);
    assert.equal(hits[0].start, t.indexOf('整合政务新媒体') + 2);
  });

  it('a word broken over two lines is found; its fix is offered, not preferred (it joins the lines)', () => {
    const t = '淮安市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况\n开展日常\n巡查工作。\n';
    const [f] = pack(checkReport(t, optionsOf(config)).findings);
    assert.equal(t.slice(f.start, f.end), '日常\n巡查');
    assert.equal(f.fixes![0].preferred, false);
  });

  it('a forbidden phrase with *: a gap of at most 20 characters inside one sentence, the message given', () => {
    const t = '淮安市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况\n我们将进一步全面加强培训。进一步。加强。下一步将进一步在二十个字以上的很长很长很长很长的一段话之后再加强。\n';
    const hits = pack(checkReport(t, optionsOf(config)).findings).filter((f) => f.message.startsWith('“进一步加强”'));
    assert.deepEqual(hits.map((f) => t.slice(f.start, f.end)), ['进一步全面加强']);
    assert.equal(hits[0].message, '“进一步加强”类表述请写明具体措施（规则包“office”：“进一步全面加强”）');
    assert.equal(hits[0].fixes, undefined);
  });

  it('only the prose: not the table labels, not the section headings', () => {
    // 公开申请 is in the prose (申请集中的领域…), in the heading of 三 and in 表三's labels (本年新收政府信息公开申请数量 …)
    const o = optionsOf({ packs: { labels: { forbid: { 公开申请: 'x' } } } });
    const hits = pack(checkReport(text, o).findings, 'labels');
    const heading = text.indexOf('三、收到和处理政府信息公开申请情况');
    assert.ok(heading > 0);
    assert.equal(hits.length, 2);
    assert.ok(hits.every((f) => f.start < heading), hits.map((f) => f.start).join(','));
  });

  it('the runner applies to packs what it applies to rules: severity (the pack\'s, then the user\'s), off, ignore, "ignore here"', () => {
    const base = { packs: { office: { severity: 'information', replace: { 日常巡查: '日常检查' } } } };
    const run = (extra: object = {}) => pack(checkReport(text, optionsOf({ ...base, ...extra })).findings);
    assert.deepEqual(run().map((f) => f.severity), ['information']);
    assert.deepEqual(run({ rules: { 'pack:office': 'error' } }).map((f) => f.severity), ['error']);
    assert.deepEqual(run({ rules: { 'pack:office': 'off' } }), []);
    assert.deepEqual(run({ ignore: ['pack:office'] }), []);
    assert.deepEqual(run({ ignore: ['*'] }), []);
    const [f] = run();
    const line = text.slice(text.lastIndexOf('\n', f.start) + 1, text.indexOf('\n', f.start)).trim();
    assert.deepEqual(run({ ignore: [{ rule: 'pack:office', line }] }), []);
    assert.equal(run({ ignore: [{ rule: 'pack:other', line }] }).length, 1);
  });

  it('the CLI reads packs from .nianbao.json, shows the pack id, says which entries it left out, and links the packs page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-packs-'));
    writeFileSync(join(dir, '2024.txt'), text);
    writeFileSync(join(dir, '.nianbao.json'), JSON.stringify({ packs: { office: { replace: { 日常巡查: '日常检查' }, forbid: { '**': 'bad' } } } }));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files[0].diagnostics.filter((d: { rule: string }) => d.rule.startsWith('pack:')).map((d: { rule: string }) => d.rule), ['pack:office']);
    assert.match(r.stderr, /packs\["office"\]\.forbid\["\*\*"\]: .*\(ignored\)/);
    const sarif = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), 'check', '--format', 'sarif', dir], { encoding: 'utf8' });
    const run = JSON.parse(sarif.stdout).runs[0];
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'pack:office');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'pack:office');
    assert.equal(ruleDocPath('pack:office'), 'docs/packs.md');
  });

  it('untrusted patterns: literal text and * only, sizes bounded, bad entries left out with a warning', () => {
    const long = 'a'.repeat(PACK_LIMITS.text + 1);
    const r = parseConfigFile(JSON.stringify({
      packs: {
        ok: { replace: { 帐户: '账户' }, forbid: { '(a+)+$': '正则符号只是文字', 'a\\*b': '星号转义' } },
        'bad name': { replace: { a: 'b' } },
        bad: { severity: 'loud', replace: { [long]: 'x', 同: '同', 空: '' }, forbid: { '*开头': 'm', '结尾*': 'm', 'a**b': 'm', '一*二*三*四*五': 'm', 好: 'm', 缺少: '' } },
      },
    }));
    assert.equal(r.error, undefined);
    const ok = r.config.packs!.find((p) => p.name === 'ok')!;
    assert.deepEqual(ok.forbid.map((f) => f.pattern), ['(a+)+$', 'a\\*b']);
    const bad = r.config.packs!.find((p) => p.name === 'bad')!;
    assert.deepEqual([bad.severity, bad.replace, bad.forbid], ['warning', [], []]);
    assert.equal(r.config.packs!.length, 2);
    assert.equal(r.warnings!.length, 1 + 1 + 3 + 6, r.warnings!.join('\n'));
    // regex syntax is text: "(a+)+$" matches itself only
    assert.deepEqual(matchSegments('x(a+)+$y aaaa', patternSegments('(a+)+$'), 20), [{ start: 1, end: 7 }]);
    assert.deepEqual(patternSegments('a\\*b'), ['a*b']);
  });

  it('the matcher is bounded whatever the text: at most 2 × segments × (length + 1) steps', () => {
    for (const [s, p] of [['a'.repeat(20000), 'a*a*a*b'], ['ab'.repeat(10000), 'a*b*a*c'], ['。'.repeat(5000) + 'a'.repeat(5000), 'a*a*a*a']] as const) {
      const segs = patternSegments(p);
      const stats = { steps: 0 };
      matchSegments(s, segs, PACK_LIMITS.gap, stats);
      assert.ok(stats.steps <= 2 * segs.length * (s.length + 1), `${p}: ${stats.steps} steps on ${s.length} characters`);
      assert.ok(stats.steps > 0);
    }
    assert.equal(matchSegments('a'.repeat(100), patternSegments('a*a*a*a'), 20).length, 25);
  });

  it('a pack over many reports: each report gets it, compiled once per config', () => {
    const o = optionsOf(config);
    const results = checkWorkspace([{ id: 'a', text, options: o }, { id: 'b', text, options: o }]);
    assert.deepEqual(results.map((r) => pack(r.findings).length), [pack(results[0].findings).length, pack(results[0].findings).length]);
    assert.ok(pack(results[0].findings).length >= 3);
  });
});
