// Section headings in every real report: misspelt at random (a character inserted, dropped or changed, taken from
// the report's own text, fixed seed), written without 、 or numbered another way, numbered after a scheme of the
// report's own (restarted, shifted), dropped. Each is found by its words; a misspelling is one label-typo with the
// official wording as its fix; a numbering of the report's own is one finding for the report; a dropped heading is
// one missing-section whose fix puts it back where it belongs (applying it and checking again adds no error).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, parseReport, type Finding } from '../../server/src/core';
import { applyEdits, FIXTURES, loadReport, reportNames } from './helpers';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const CORPUS_MD = ['shuyang-2025-converted.md', 'shanghai-kewei-2024-converted.md', 'shanghai-office-2025-converted.md'];
function reports(): { name: string; text: string }[] {
  return [
    ...reportNames().map((name) => ({ name, text: loadReport(name) })),
    ...CORPUS_MD.map((f) => ({ name: f, text: readFileSync(join(FIXTURES, 'corpus', f), 'utf8') })),
  ];
}

const errorKey = (f: Finding) => `${f.rule} ${f.message}`;
const NUMERALS = '一二三四五六七八九十';

describe('headings: misspelt at random in every real report', () => {
  const rand = rng(20260120);
  let tried = 0;
  for (const { name, text } of reports()) {
    const model = parseReport(text);
    const han = [...text].filter((c) => /[\u4e00-\u9fff]/.test(c));
    for (const sec of model.sections) {
      const h = sec.heading;
      if (model.sections.filter((s) => s.n === sec.n).length > 1 || h.wordsAt === undefined) continue;
      const kind = ['insert', 'drop', 'change'][Math.floor(rand() * 3)];
      // a place inside the words (not their first character: the numeral and 、 stay as written)
      const at = h.wordsAt + 1 + Math.floor(rand() * (h.end - h.wordsAt - 1));
      const ch = han[Math.floor(rand() * han.length)];
      if (text[at] === ch || !/[\u4e00-\u9fff]/.test(text[at] ?? '')) continue;
      const edit = kind === 'insert' ? { start: at, end: at, newText: ch } : kind === 'drop' ? { start: at, end: at + 1, newText: '' } : { start: at, end: at + 1, newText: ch };
      tried++;
      it(`${name}: ${h.text} with a character ${kind === 'insert' ? 'inserted' : kind === 'drop' ? 'dropped' : 'changed'}`, () => {
        const mutated = applyEdits(text, [edit]);
        const { model: m2, findings } = checkReport(mutated);
        assert.deepEqual(m2.sections.map((s) => s.n), model.sections.map((s) => s.n), 'the sections, found by their words');
        const shift = edit.newText.length - (edit.end - edit.start);
        const hits = findings.filter((f) => f.rule === 'label-typo' && f.start <= at + 1 && f.end >= at);
        assert.equal(hits.length, 1, JSON.stringify(findings.filter((f) => f.rule === 'label-typo').map((f) => mutated.slice(f.start, f.end))));
        const fix = hits[0].fixes!.find((x) => x.preferred)!;
        assert.ok(h.official.endsWith(fix.edits[0].newText.slice(-4)), fix.edits[0].newText);
        // the fix restores the heading: no label-typo on it, and the report reads as before
        const fixed = applyEdits(mutated, fix.edits);
        const again = checkReport(fixed);
        assert.equal(again.findings.filter((f) => f.rule === 'label-typo' && f.start <= at + 1 + shift && f.end >= at).length, 0);
        assert.deepEqual(again.model.sections.map((s) => s.n), model.sections.map((s) => s.n));
        assert.equal(again.findings.filter((f) => f.rule === 'missing-section').length, checkReport(text).findings.filter((f) => f.rule === 'missing-section').length);
      });
    }
  }
  it('tried enough headings', () => assert.ok(tried >= 40, String(tried)));
});

describe('headings: numbered another way', () => {
  const text = loadReport('huaian-2024-pdf-tabs');
  const model = parseReport(text);
  const sec3 = model.sections.find((s) => s.n === 3)!;
  const cases: [string, string][] = [
    ['without 、', '三收到和处理政府信息公开申请情况'],
    ['with a full stop', '三．收到和处理政府信息公开申请情况'],
    ['in Arabic numerals', '3、收到和处理政府信息公开申请情况'],
    ['as 第三部分', '第三部分 收到和处理政府信息公开申请情况'],
  ];
  for (const [what, heading] of cases) {
    it(`${what}: the section is found, one label-typo with the official heading as its fix`, () => {
      const mutated = applyEdits(text, [{ start: sec3.heading.start, end: sec3.heading.end, newText: heading }]);
      const { model: m2, findings } = checkReport(mutated);
      assert.deepEqual(m2.sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
      const hits = findings.filter((f) => f.rule === 'label-typo' || f.rule === 'section-order' || f.rule === 'missing-section');
      assert.deepEqual(hits.map((f) => [f.rule, mutated.slice(f.start, f.end), f.fixes?.[0]?.edits[0]?.newText]), [['label-typo', heading, '三、收到和处理政府信息公开申请情况']]);
    });
  }

  it('a numbering of the report\'s own (sections 二 to 六 numbered 一 to 五): one finding naming it, no other', () => {
    const edits = model.sections.filter((s) => s.n > 1).map((s) => ({ start: s.heading.start, end: s.heading.start + 1, newText: NUMERALS[s.n - 2] }));
    const mutated = applyEdits(text, edits);
    const { model: m2, findings } = checkReport(mutated);
    assert.deepEqual(m2.sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
    const structural = findings.filter((f) => ['label-typo', 'section-order', 'missing-section', 'missing-table'].includes(f.rule));
    assert.equal(structural.length, 1, structural.map((f) => f.message).join('\n'));
    assert.equal(structural[0].rule, 'section-order');
    assert.match(structural[0].message, /5 个标题的编号与模板不一致：“一、主动公开政府信息情况”是第二部分，.*“五、其他需要报告的事项”是第六部分/);
    assert.equal(structural[0].related?.length, 5);
    // offered, not preferred; applied, it renumbers as the template does
    const fix = structural[0].fixes![0];
    assert.equal(fix.preferred, false);
    assert.deepEqual(checkReport(applyEdits(mutated, fix.edits)).findings.filter((f) => f.rule === 'section-order'), []);
  });

  it('the Shanghai outline (narrative parts 二 to 六, table sections restarted at 一): one finding, sections by their words', () => {
    const kewei = readFileSync(join(FIXTURES, 'corpus', 'shanghai-kewei-2024-converted.md'), 'utf8');
    const { model: m2, findings } = checkReport(kewei);
    assert.deepEqual(m2.sections.map((s) => [s.n, s.heading.text]), [
      [1, '一、总体情况'], [2, '一、主动公开政府信息情况'], [3, '二、收到和处理政府信息公开申请情况'],
      [4, '三、政府信息公开行政复议、行政诉讼情况'], [6, '五、其他需要报告的事项'],
    ]);
    const order = findings.filter((f) => f.rule === 'section-order');
    assert.equal(order.length, 1);
    assert.match(order[0].message, /4 个标题的编号与模板不一致/);
    assert.deepEqual(findings.filter((f) => f.rule === 'label-typo' && m2.sections.some((s) => s.heading.start === f.start)), []);
    // 五 has no heading there (its parts （一）主要问题 / （二）改进情况 follow 表四): that is reported, once
    assert.deepEqual(findings.filter((f) => f.rule === 'missing-section').map((f) => f.message), ['缺少第五部分“五、存在的主要问题及改进情况”']);
  });

  it('sub-headings and prose that look like a heading are not sections', () => {
    const sec1 = model.sections.find((s) => s.n === 1)!;
    const lines = '\n（一）主动公开政府信息情况\n三是收到和处理政府信息公开申请情况良好。\n(二)收到和处理政府信息公开申请情况\n表三：收到和处理政府信息公开申请情况\n';
    const mutated = applyEdits(text, [{ start: sec1.body.start, end: sec1.body.start, newText: lines }]);
    assert.deepEqual(parseReport(mutated).sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
  });
});

describe('headings: dropped in every real report, put back by the fix', () => {
  for (const { name, text } of reports()) {
    const base = checkReport(text);
    const errors = new Set(base.findings.filter((f) => f.severity === 'error').map(errorKey));
    for (const sec of base.model.sections) {
      if (base.model.sections.filter((s) => s.n === sec.n).length > 1) continue;
      it(`${name}: ${sec.heading.official}`, () => {
        const mutated = applyEdits(text, [{ start: sec.heading.start, end: sec.heading.end, newText: '' }]);
        const hits = checkReport(mutated).findings.filter((f) => f.rule === 'missing-section');
        assert.equal(hits.length, 1 + base.findings.filter((f) => f.rule === 'missing-section').length);
        const mine = hits.find((f) => f.message.includes(sec.heading.official))!;
        const fixed = applyEdits(mutated, mine.fixes![0].edits);
        const again = checkReport(fixed);
        assert.deepEqual(again.model.sections.map((s) => s.n), base.model.sections.map((s) => s.n));
        // the table it introduces is its own again: no error that the report did not have
        assert.deepEqual(again.findings.filter((f) => f.severity === 'error' && !errors.has(errorKey(f))).map(errorKey), []);
        for (const id of ['t2', 't3', 't4'] as const) {
          const t = again.model.tables[id], t0 = base.model.tables[id];
          assert.equal(t?.rows.filter((r) => r.status === 'ok').length, t0?.rows.filter((r) => r.status === 'ok').length, id);
        }
      });
    }
  }
});
