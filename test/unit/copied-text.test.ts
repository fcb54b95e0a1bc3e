// copied-text: the share of a report's own sentences found (identical or nearly) in last year's report of the same
// agency. test/fixtures/copying: the real 淮安市人民政府 2024 report and "2023" made from it by generate.mjs with known
// sentences replaced (changes.json lists them); the real 洪泽区 pair (2023, 2024) from the corpus.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOptionsFor, checkWorkspace, parseConfigFile, parseReport, type CheckOptions, type Finding } from '../../server/src/core';
import { copiedShares, isCopied, ownSentences } from '../../server/src/core/rules/copied-text';
import { readReportFile } from '../../server/src/io';
import { FIXTURES, loadReport } from './helpers';

const DIR = join(FIXTURES, 'copying');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const now = read('2024.txt'), last = read('2023.txt');
const changed: string[] = JSON.parse(read('changes.json')).sentences;
const copied = (fs: Finding[]) => fs.filter((f) => f.rule === 'copied-text');
/** What a reader counts of a sentence: its ideographs, letters and digits, page numbers left out. */
const chars = (s: string) => s.split('\n').filter((l) => !/^\s*-\s*\d+\s*-\s*$/.test(l)).join('').replace(/[^\p{L}\p{N}]/gu, '').length;

function check(a: string, b: string, options?: CheckOptions) {
  return checkWorkspace([{ id: 'now.txt', text: a, options }, { id: 'last.txt', text: b, options }])[0];
}

describe('copied-text: sentences the same as last year\'s', () => {
  it('counts the writer\'s own sentences: not the tables, headings, subheadings, the opening paragraph, the fee statement', () => {
    const m = parseReport(now);
    const sentences = ownSentences(m);
    assert.ok(sentences.length >= 20, String(sentences.length));
    const all = sentences.map((x) => x.s).join('|');
    for (const left of ['本年新收政府信息公开申请数量', '总体情况', '主动公开情况', '依申请公开情况', '本报告由淮安市人民政府办公室', '统计期限', '信息处理费', '予以公开1288']) {
      assert.ok(!all.includes(left), `"${left}" is not counted`);
    }
    for (const kept of ['全市共受理政府信息公开申请3119件', '政策解读质量仍需提升']) assert.ok(all.includes(kept), kept);
    assert.deepEqual([...new Set(sentences.map((x) => x.n))], [1, 5]);
    // each sentence's span is in the text and holds the sentence
    for (const x of sentences) assert.equal(now.slice(x.start, x.end).replace(/[^\p{L}\p{N}]/gu, '').replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).includes(x.s.slice(0, 5)), true);
  });

  it('the pair with known sentences changed: the share leaves out exactly those (the year and two figures changed still count)', () => {
    const counted = ownSentences(parseReport(now)).reduce((n, x) => n + x.s.length, 0);
    const gone = changed.reduce((n, s) => n + chars(s), 0);
    assert.ok(gone > 300 && gone < counted / 2, `${gone} of ${counted}`);
    const shares = copiedShares(parseReport(now), parseReport(last));
    assert.equal(shares.total.counted, counted);
    assert.equal(shares.total.copied, counted - gone);
    assert.equal(shares.sections.get(5)!.copied, 0, 'section 五 was rewritten');
    const expected = Math.round(((counted - gone) / counted) * 100);
    const hits = copied(check(now, last).findings);
    assert.equal(hits.length, 2);
    assert.match(hits[0].message, new RegExp(`^全文 ${expected}% 的语句与 2023 年报告相同或几乎相同（一 \\d+%、五 0%；`));
    assert.equal(now.slice(hits[0].start, hits[0].end).replace(/\s+/g, ''), '淮安市人民政府2024年政府信息公开工作年度报告');
    assert.equal(hits[0].related![0].file, 'last.txt');
    assert.match(hits[1].message, /^“一、总体情况”88% 的语句/);
  });

  it('near-identity: the same sentence with another year or figure counts; a rewritten one does not', () => {
    const m = parseReport(last);
    assert.equal(isCopied('2024年全市共受理政府信息公开申请3119件答复3050件含上年度结转申请34件另有103件顺延到下年度答复均在法定期限内', m), true);
    assert.equal(isCopied('对照上级新要求和公众新期待还有一些需要加强和改进的地方', m), false);
    assert.equal(isCopied('全年共受理申请21件', m), false);
  });

  it('thresholds from .nianbao.json: copiedText.report and copiedText.section', () => {
    const opts = (copiedText: object) => checkOptionsFor(parseConfigFile(JSON.stringify({ copiedText })).config, undefined);
    assert.equal(copied(check(now, last, opts({ report: 80, section: 90 })).findings).length, 0);
    assert.equal(copied(check(now, last, opts({ report: 72 })).findings).length, 2);
    assert.equal(copied(check(now, last, opts({ report: 73, section: 89 })).findings).length, 0);
    const bad = parseConfigFile(JSON.stringify({ copiedText: { report: 0, section: 'x' } }));
    assert.deepEqual(bad.config.copiedText, {});
    assert.equal(bad.warnings?.length, 2);
  });

  it('a short section is not judged on its own, and a short report not at all', () => {
    // last year's report is this one: every section 100%, but 六 and the table sections hold too little text
    const hits = copied(check(now, now.replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告')).findings);
    assert.deepEqual(hits.map((f) => now.slice(f.start, f.end).replace(/\s+/g, '').slice(0, 6)), ['淮安市人民政', '一、总体情况', '五、存在的主']);
    const tiny = '淮安市人民政府\n2024 年政府信息公开工作年度报告\n一、总体情况\n2024 年，我市依法做好政府信息公开工作，全年公开信息五千余条。\n五、存在的主要问题及改进情况\n个别单位政策解读内容简单、形式单一。\n';
    assert.deepEqual(copied(check(tiny, tiny.replace('2024 年政府', '2023 年政府')).findings), []);
  });

  it('the real 洪泽区 reports of 2023 and 2024 are paired (the title adds the city in 2024) and stay under the thresholds', async () => {
    const texts = await Promise.all(['hongze-2024.pdf', 'hongze-2023.pdf'].map(async (f) => {
      const r = await readReportFile(join(FIXTURES, 'corpus', f));
      assert.ok(r.ok);
      return r.text;
    }));
    const shares = copiedShares(parseReport(texts[0]), parseReport(texts[1]));
    const pct = Math.round((shares.total.copied / shares.total.counted) * 100);
    assert.ok(pct > 10 && pct < 50, `${pct}%`);
    const [r] = checkWorkspace([{ id: '2024', text: texts[0] }, { id: '2023', text: texts[1] }]);
    assert.deepEqual(copied(r.findings), []);
    // lower the threshold under the share: now it is said, which shows the two were compared
    const o = checkOptionsFor(parseConfigFile(JSON.stringify({ copiedText: { report: pct } })).config, undefined);
    const [again] = checkWorkspace([{ id: '2024', text: texts[0], options: o }, { id: '2023', text: texts[1], options: o }]);
    assert.equal(copied(again.findings).length, 1);
  });

  it('two reports of different agencies are never compared, even when a title is read wrong as the same word', () => {
    const a = loadReport('huaian-2024-pdf-tabs');
    // both titles read as "正文" (a converter's heading): no agency, no pair
    const wrong = (t: string, y: number) => '正文\n' + y + ' 年政府信息公开工作年度报告\n' + t.slice(t.indexOf('本报告'));
    const [r] = checkWorkspace([{ id: 'a', text: wrong(a, 2024) }, { id: 'b', text: wrong(a, 2023) }]);
    assert.deepEqual(r.findings.filter((f) => f.related?.some((x) => x.file)), []);
  });
});

describe('copied-text measured on reports made at random (fixed seeds)', () => {
  /** mulberry32: a small seeded generator, so that every run makes the same reports. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  }

  it('last year\'s report = this year\'s with a random share of its sentences replaced by another report\'s: the share measured is the share kept', () => {
    const reports = ['huaian-2024-pdf-tabs', '001_205104d3919f452a', '003_b5a011f3d089b4ff', '000_3d3a2a252aa442c3'];
    let runs = 0, exact = 0, worst = 0;
    for (const [k, name] of reports.entries()) {
      const text = loadReport(name);
      const donor = loadReport(reports[(k + 1) % reports.length]);
      const donorSentences = ownSentences(parseReport(donor)).map((x) => donor.slice(x.start, x.end));
      const mine = ownSentences(parseReport(text));
      const counted = mine.reduce((n, x) => n + x.s.length, 0);
      for (let seed = 1; seed <= 10; seed++) {
        const rand = rng(seed * 97 + k);
        const share = rand();
        const chosen = mine.filter(() => rand() < share);
        // replace from the end so that the offsets hold
        let last = text;
        for (const x of [...chosen].sort((a, b) => b.start - a.start)) last = last.slice(0, x.start) + donorSentences[Math.floor(rand() * donorSentences.length)] + last.slice(x.end);
        const expected = counted - chosen.reduce((n, x) => n + x.s.length, 0);
        const got = copiedShares(parseReport(text), parseReport(last)).total;
        assert.equal(got.counted, counted);
        const off = Math.abs(got.copied - expected) / counted;
        worst = Math.max(worst, off);
        if (got.copied === expected) exact++;
        runs++;
      }
    }
    assert.equal(runs, 40);
    // a replaced sentence may still resemble another of last year's, never by much
    assert.ok(worst <= 0.03, `worst difference ${(worst * 100).toFixed(1)} % of the text`);
    assert.ok(exact >= 36, `${exact} of ${runs} exact`);
  });
});
