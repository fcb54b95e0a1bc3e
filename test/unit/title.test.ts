// The title in every form real reports give it: each real report's own title (agency and year as read from it) is
// rewritten in each form and put back in place of the original, after whatever may precede a title (blank lines, a
// breadcrumb, a crawler's header, a converter's 正文); the agency and the year read back are the same, and
// missing-title stays silent. Without a title, missing-title fires once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, parseReport } from '../../server/src/core';
import { FIXTURES, loadReport, reportNames } from './helpers';

const FORMS: [string, (agency: string, year: number) => string][] = [
  ['agency first', (a, y) => `${a} ${y} 年政府信息公开工作年度报告`],
  ['year first', (a, y) => `${y}年${a}政府信息公开工作年度报告`],
  ['year first, 年度, without 工作', (a, y) => `${y}年度${a}政府信息公开年度报告`],
  ['year inside the words', (a, y) => `${a}政府信息公开工作${y}年度报告`],
  ['year in brackets after', (a, y) => `${a}政府信息公开工作年度报告（${y}年度）`],
  ['wrapped: agency, then year and words', (a, y) => `${a}\n${y} 年政府信息公开工作年度报告`],
  ['wrapped over three lines', (a, y) => `${a}\n${y}年政府信息公开工作\n年度报告`],
  ['wrapped with a blank line inside', (a, y) => `${a} ${y} 年政府信息公开工作年度报\n\n告`],
  ['year first, wrapped', (a, y) => `${y} 年${a}政府信息公开\n工作年度报告`],
  ['after blank lines', (a, y) => `\n\n\n${y}年${a}政府信息公开工作年度报告`],
  ['after a breadcrumb', (a, y) => `首页 > 政务公开 > 政府信息公开年报\n\n${y}年${a}政府信息公开工作年度报告`],
  ['at the end of a breadcrumb', (a, y) => `当前位置：首页 > 政务公开 > ${a}${y}年政府信息公开工作年度报告`],
  ['after a crawler header', (a, y) => `==== 元数据 ====\nurl: http://example.gov.cn/art/${y}/1.html\n发布时间: ${y + 1}-01-20\n来源：${a}\n==== 正文 ====\n${a}${y}年政府信息公开工作年度报告`],
  ['a converter\'s 正文 line before a wrapped title', (a, y) => `正文\n${y} 年${a}政府信息公开工作\n年度报告`],
  ['a Markdown heading', (a, y) => `# ${a} ${y} 年 政府信息公开工作年度报告`],
  ['bold', (a, y) => `**${y}年${a}政府信息公开工作年度报告**`],
];

/** Real reports with a title naming both agency and year: fixture reports and the converted corpus files. */
function reports(): { name: string; text: string }[] {
  const out = reportNames().map((name) => ({ name, text: loadReport(name) }));
  for (const f of ['shuyang-2025-converted.md', 'shanghai-kewei-2024-converted.md', 'shanghai-office-2025-converted.md']) {
    out.push({ name: f, text: readFileSync(join(FIXTURES, 'corpus', f), 'utf8') });
  }
  return out.filter((r) => { const t = parseReport(r.text).title; return !!(t?.agency && t.year); });
}

describe('title: every form, on every real report', () => {
  const all = reports();
  it('has the reports to rewrite', () => assert.ok(all.length >= 10, String(all.length)));
  for (const { name, text } of all) {
    const original = parseReport(text);
    const { agency, year } = original.title!;
    for (const [form, make] of FORMS) {
      it(`${name}: ${form}`, () => {
        const title = make(agency!, year!);
        const changed = text.slice(0, original.title!.start) + title + text.slice(original.title!.end);
        const { model, findings } = checkReport(changed);
        assert.ok(model.title, 'no title');
        assert.equal(model.title.agency, agency);
        assert.equal(model.title.year, year);
        assert.ok(model.title.hasSuffix || /工作\d{4}年度报告/.test(model.title.text), model.title.text);
        assert.deepEqual(findings.filter((f) => f.rule === 'missing-title').map((f) => f.message), []);
        assert.deepEqual(model.sections.map((s) => s.n), original.sections.map((s) => s.n));
        // the title's range is the title: it starts with its first character and ends with its last
        const shown = changed.slice(model.title.start, model.title.end).replace(/\s+/g, '');
        assert.ok(/报告|年度[)）]$/.test(shown) && !/^[#*=]/.test(shown) && !/正文|首页|元数据/.test(shown), shown);
      });
    }
  }
});

describe('title: none, or incomplete', () => {
  const body = loadReport('huaian-2024-pdf-tabs');
  const model = parseReport(body);
  const withTitle = (title: string) => title + body.slice(model.title!.end);

  it('no title at all: missing-title once, on the first line', () => {
    const { findings } = checkReport(body.slice(model.title!.end).replace(/^\s+/, ''));
    const hits = findings.filter((f) => f.rule === 'missing-title');
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /缺少标题/);
  });
  it('a breadcrumb, a crawler header and a 标题 line without the words are not a title', () => {
    for (const head of ['首页 > 政务公开 > 年度报告\n', '==== 正文 ====\n', '发布时间：2025-01-20  来源：本站\n', 'Real reports beyond the seeds\n']) {
      const hits = checkReport(head + body.slice(model.title!.end)).findings.filter((f) => f.rule === 'missing-title');
      assert.equal(hits.length, 1, head);
      assert.match(hits[0].message, /缺少标题/, head);
    }
  });
  it('a title without the agency or the year says which is missing', () => {
    const noAgency = checkReport(withTitle('2024 年政府信息公开工作年度报告')).findings.filter((f) => f.rule === 'missing-title');
    assert.deepEqual(noAgency.map((f) => f.message), ['标题不完整：缺少机关名称']);
    const noYear = checkReport(withTitle('淮安市人民政府政府信息公开工作年度报告')).findings.filter((f) => f.rule === 'missing-title');
    assert.deepEqual(noYear.map((f) => f.message), ['标题不完整：缺少年份']);
  });
  it('a sentence of the report that names the template is not its title', () => {
    const text = '根据《中华人民共和国政府信息公开工作年度报告格式》编制本报告。\n' + body.slice(model.title!.end);
    assert.equal(parseReport(text).title, undefined);
  });
});
