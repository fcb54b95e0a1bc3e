// The dictionary typo checks (issue 19): typo's dictionary detector, duplicate-text's doubled characters,
// name-mismatch's misspelt places. Typos made at random in the real reports (core makeTypos, fixed seed) must be found
// at the rate the bench measured (bench/typo-recall.mjs), the reports as they are must stay quiet, and each rule of
// the detector (names, numbers, titles, official wording, the user's words, the cache) holds on small texts.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, makeTypos, RULES, type Finding } from '../../server/src/core';
import { dictionary } from '../../server/src/core/prose/dictionary';
import { runCacheStats, runsOf } from '../../server/src/core/prose/typos';
import { readReportFile } from '../../server/src/io';
import { applyEdits, FIXTURES } from './helpers';

const RULES_HERE = ['typo', 'duplicate-text', 'name-mismatch'];
const ONLY_THESE = Object.fromEntries(RULES.filter((r) => r.scope === 'report' && !RULES_HERE.includes(r.id)).map((r) => [r.id, 'off' as const]));

/** A minimal report around a paragraph of prose. */
function report(body: string, title = '淮安市人民政府2024年政府信息公开工作年度报告'): string {
  return `${title}\n一、总体情况\n${body}\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n`;
}

function found(text: string, rule: string, words?: string[]): { text: string; fixes: string[]; preferred?: string; f: Finding }[] {
  return checkReport(text, { words }).findings.filter((f) => f.rule === rule).map((f) => ({
    text: text.slice(f.start, f.end),
    fixes: (f.fixes ?? []).map((x) => x.edits[0].newText),
    preferred: f.fixes?.find((x) => x.preferred)?.edits[0].newText,
    f,
  }));
}

describe('typo: the dictionary detector', () => {
  it('a character of the same sound or of similar shape, with the corrected word as the preferred fix', () => {
    const t = report('全区认真做好政务公开工做，持续推近标准化建设，强化政务公开凶开平台建设。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.preferred]), [['工做', '工作'], ['推近', '推进'], ['凶开', '公开']]);
    const fixed = applyEdits(t, checkReport(t).findings.filter((f) => f.rule === 'typo').flatMap((f) => f.fixes!.find((x) => x.preferred)!.edits));
    assert.ok(fixed.includes('工作，持续推进标准化建设，强化政务公开公开平台'));
  });
  it('a word broken over two lines by a PDF: the range spans the break, the fix is the word', () => {
    const t = report('全年通过门户网站发布信息，持续推\n近标准化建设。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.preferred]), [['推\n近', '推进']]);
  });
  it('a word cut short at the end of a clause (受理渠。 for 受理渠道), not one that usually ends words (处理费)', () => {
    assert.deepEqual(found(report('畅通依申请公开受理渠。'), 'typo').map((x) => [x.text, x.preferred]), [['渠', '渠道']]);
    assert.deepEqual(found(report('本机关未收取信息处理费。'), 'typo'), []);
  });
  it('when two corrections are as likely, both are offered and none is preferred', () => {
    const t = report('本年度主动公开政府信息，全年共申布各类信息两千余条。');
    const got = found(t, 'typo');
    assert.equal(got.length, 1);
    assert.ok(got[0].fixes.length >= 2 && got[0].fixes.length <= 3, got[0].fixes.join());
    assert.equal(got[0].preferred, undefined);
  });
  it('never corrects names, numbers, Latin, titles of documents, short quotations or the official wording', () => {
    const t = report('全区共有高沟镇、钦工镇、岔河镇等乡镇，洪泽区、铜官区均已开展。1条播放量破亿，贯彻党的二十届三中全会精神。'
      + '学习《政府信息公开工做规范》，开设“张江高新区”专栏，推进“三审三校”制度，上线APP。自然人商业企科研机社会公法律服');
    assert.deepEqual(found(t, 'typo').map((x) => x.text), []);
  });
  it('a spelling the report uses twice is meant; the user dictionary accepts a word', () => {
    assert.deepEqual(found(report('开通微信公众号，微信粉丝达到一万。'), 'typo'), []);
    const t = report('各部门工做明确，专人负责。');
    assert.equal(found(t, 'typo').length, 1);
    assert.equal(found(t, 'typo', ['工做']).length, 0);
  });
  it('the clean 淮安 report and the official notices stay quiet (the lexicon too)', () => {
    const p = '各地区、各部门要认真贯彻落实《中华人民共和国政府信息公开条例》，高度重视政府信息公开工作年度报告编制发布工作，实事求是、明确具体，避免笼统模糊、泛泛而谈，不得出现敷衍了事甚至年年雷同现象。';
    assert.deepEqual(found(report(p), 'typo'), []);
  });
  it('a keystroke re-reads only the run it changed (candidates are cached per run of text, a bounded cache)', () => {
    const base = report('全区认真做好政务公开工作，持续推进标准化建设，强化政务公开平台建设，进一步规范依申请公开办理流程。');
    checkReport(base);
    const before = runCacheStats().computed;
    checkReport(base.replace('持续推进标准化建设', '持续推进标准化规范化建设'));
    assert.equal(runCacheStats().computed - before, 1);
    checkReport(base);
    assert.equal(runCacheStats().computed - before, 1);
    // bounded: more distinct runs than it holds fill it and no more
    const chars = Array.from('政府信息公开工作推进落实建设管理服务平台制度规范标准机制');
    const runs: string[] = [];
    for (const a of chars) for (const b of chars) for (const c of chars) runs.push(a + b + c);
    const { max } = runCacheStats();
    assert.ok(runs.length > max, `${runs.length} runs for a cache of ${max}`);
    checkReport(report(runs.join('。')));
    const s = runCacheStats();
    assert.equal(s.size, max);
    assert.ok(s.computed - before >= max, `${s.computed - before} computed`);
  });
  it('runs: a line break inside a word is skipped, a blank line or punctuation ends a run, 《》 is left out', () => {
    const t = '持续推\n近工作\n\n下一段《某某规定》内容，结束';
    assert.deepEqual(runsOf(t, [{ start: 0, end: t.length }]).map((r) => [r.text, r.startsClause, r.endsClause]),
      [['持续推近工作', true, false], ['下一段', false, false], ['内容', false, true], ['结束', true, true]]);
  });
  it('half-typed and odd text never throws', () => {
    for (const s of ['', '工', '工做', '\n\n\n', '《', '“工做', '工做”', 'a工b做c', '的的的的的的', '一二三四五六七八九十']) checkReport(report(s));
    assert.ok(dictionary().size > 100_000);
  });
});

describe('duplicate-text: a character doubled across words, by the dictionary', () => {
  it('finds 我县县政府 and 公公开, each with a fix that removes one', () => {
    const t = report('2025 年，我县县政府信息公开工作取得成效，严格执行信息公开公公开制度。');
    assert.deepEqual(found(t, 'duplicate-text').map((x) => x.text), ['县', '公']);
  });
  it('leaves legitimate reduplication alone', () => {
    const t = report('常常开展调研，人人参与，实现县县通，一一对应，层层把关，各级各部门，某某单位，件件有回音，村村通，户户通，事事有着落，天天更新，年年开展，步步推进，个个落实。');
    assert.deepEqual(found(t, 'duplicate-text').map((x) => x.text), []);
  });
});

describe('name-mismatch: a place one confusable character off the gazetteer', () => {
  it('the title and the body (沐阳县 -> 沭阳县), with the fix', () => {
    const t = report('现将沐阳县人民政府2025年政府信息公开年度报告向社会公布。', '沐阳县人民政府2025年政府信息公开工作年度报告');
    assert.deepEqual(found(t, 'name-mismatch').map((x) => [x.text, x.preferred]), [['沐阳县', '沭阳县'], ['沐阳县', '沭阳县']]);
    assert.deepEqual(found(t, 'typo'), []);
  });
  it('real places, a common word before a place suffix, and the user dictionary stay quiet', () => {
    const t = report('会同泗阳县、沭阳县开展工作，通过市级平台发布。现将沐阳县情况报告如下。');
    assert.deepEqual(found(t, 'name-mismatch').map((x) => x.text), ['沐阳县']);
    assert.deepEqual(found(t, 'name-mismatch', ['沐阳县']), []);
  });
});

describe('typo recall on typos made at random in the real reports (fixed seed)', function () {
  this.timeout(120_000);
  const texts: { name: string; text: string }[] = [];
  before(async () => {
    const seen = new Set<string>();
    for (const dir of [join(FIXTURES, 'reports'), join(FIXTURES, 'corpus')]) {
      for (const f of readdirSync(dir).sort()) {
        if (!/\.(txt|md|pdf)$/.test(f) || f === 'README.md') continue;
        const r = await readReportFile(join(dir, f));
        if (r.ok && !seen.has(r.text)) { seen.add(r.text); texts.push({ name: f, text: r.text }); }
      }
    }
  });

  // bench/typo-recall.mjs 500 19 measured: found 81.8%, fix restores the text 78.0% (81.8% and 78.4% on 1,000): the
  // bars are 5 points below
  it('finds at least 76.8% of 500 typos, and at least 73% get back the report\'s text from the fix', () => {
    const typos = makeTypos(texts.map((t) => t.text), 500, 19);
    assert.equal(typos.length, 500);
    const kinds = new Set(typos.map((m) => m.kind));
    assert.deepEqual([...kinds].sort(), ['double', 'drop', 'extra', 'shape', 'sound']);
    let hit = 0, restored = 0;
    for (const m of typos) {
      assert.notEqual(m.text, texts[m.report].text);
      const fs = checkReport(m.text, { severity: ONLY_THESE }).findings.filter((f) => RULES_HERE.includes(f.rule) && f.start < m.end && m.start < Math.max(f.end, f.start + 1));
      if (!fs.length) continue;
      hit++;
      if (fs.some((f) => { const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0]; return !!fix && applyEdits(m.text, fix.edits) === texts[m.report].text; })) restored++;
    }
    assert.ok(hit / typos.length >= 0.768, `recall ${hit}/${typos.length}`);
    assert.ok(restored / typos.length >= 0.73, `restored ${restored}/${typos.length}`);
  });

  it('the reports as they are: no typo finding on 淮安 (both layouts), at most one per report besides the confirmed defects', () => {
    const confirmed = /受理渠|审查管|重新涉\n?及|办法贺|图文形势|显\n?着|分类整体/g;
    for (const { name, text } of texts) {
      const typos = checkReport(text, { severity: ONLY_THESE }).findings.filter((f) => f.rule === 'typo');
      const known = [...text.matchAll(confirmed)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      const others = typos.filter((f) => !known.some((k) => k.start < f.end && f.start < k.end));
      if (/huaian/.test(name)) assert.deepEqual(others.map((f) => text.slice(f.start, f.end)), [], name);
      assert.ok(others.length <= 1, `${name}: ${others.map((f) => f.message).join('; ')}`);
    }
    assert.ok(texts.length >= 12, `${texts.length} reports`);
  });
});
