// publish-date: the date under the report against the statutory deadline for the agency's level. Built from real
// reports: seed 003 (铜官区经信局 2023, a department, dated 2024年1月18日 at the end), 沭阳县 2025 (a county, dated
// 2026年1月23日 under the title and at the end), 淮安市人民政府 2024 (no date), each with its date moved.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkReport, type Finding } from '../../server/src/core';
import { agencyLevel, sameAgency } from '../../server/src/core/cross/agency';
import { deadline, readNumber, reportDate } from '../../server/src/core/rules/publish-date';
import { readReportFile } from '../../server/src/io';
import { FIXTURES, loadReport } from './helpers';

const late = (text: string): Finding[] => checkReport(text).findings.filter((f) => f.rule === 'publish-date');
const dept = loadReport('003_b5a011f3d089b4ff');

describe('publish-date: dated after the statutory deadline', () => {
  let county = '';
  before(async () => {
    const r = await readReportFile(join(FIXTURES, 'corpus', 'shuyang-2025-converted.md'));
    assert.ok(r.ok);
    county = r.text;
  });

  it('the real reports: dated in time or not dated, nothing', async () => {
    assert.deepEqual(late(dept), []);
    assert.deepEqual(late(county), []);
    assert.deepEqual(late(loadReport('huaian-2024-pdf-tabs')), []);
    assert.deepEqual(reportDate(dept, 0), { start: dept.lastIndexOf('2024年1月18日'), end: dept.lastIndexOf('2024年1月18日') + 10, year: 2024, month: 1, day: 18 });
  });

  it('a department dated after 1月31日: information on the date, naming the deadline and how the level was told', () => {
    const text = dept.replace('2024年1月18日', '2024年2月18日');
    const hits = late(text);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].severity, 'information');
    assert.equal(text.slice(hits[0].start, hits[0].end), '2024年2月18日');
    assert.match(hits[0].message, /落款日期 2024年2月18日 晚于法定时限（《政府信息公开条例》第四十九条：政府部门（含乡镇、街道）应于1月31日前公布；层级按机关名称“铜官区经信局”判断）/);
    assert.deepEqual(late(dept.replace('2024年1月18日', '2024年1月31日')), [], 'on the day is in time');
    assert.equal(late(dept.replace('2024年1月18日', '二〇二四年二月三日')).length, 1, 'Chinese numerals');
  });

  it('a county dated after 2月20日 (both dates moved); two different dates: nothing', () => {
    const moved = county.split('2026年1月23日').join('2026年2月23日');
    const hits = late(moved);
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /县级人民政府应于2月20日前公布/);
    assert.deepEqual(late(county.split('2026年1月23日').join('2026年2月20日')), []);
    const one = county.replace(/2026年1月23日(?![\s\S]*2026年1月23日)/, '2026年2月23日');
    assert.notEqual(one, county);
    assert.deepEqual(late(one), [], 'the title\'s and the end\'s dates disagree: which is the date is not known');
  });

  it('a city\'s, a province\'s, the old regulation\'s deadlines', () => {
    const city = loadReport('huaian-2024-pdf-tabs').trimEnd() + '\n\n淮安市人民政府\n2025年3月11日\n';
    assert.match(late(city)[0].message, /地市级人民政府应于3月10日前公布/);
    assert.deepEqual(late(city.replace('2025年3月11日', '2025年3月10日')), []);
    const province = city.replace(/淮安市人民政府/g, '江苏省人民政府');
    assert.deepEqual(late(province), []);
    assert.equal(late(province.replace('2025年3月11日', '2025年4月1日')).length, 1);
    const old = dept.replace(/2023 年政府信息公开/, '2017 年政府信息公开').replace('2024年1月18日', '2018年3月20日');
    assert.deepEqual(late(old), [], 'before 2019: 3月31日 for everyone');
    assert.match(late(old.replace('2018年3月20日', '2018年4月2日'))[0].message, /原《政府信息公开条例》第三十一条/);
  });

  it('no finding when the level cannot be told or the date is not of the next year', () => {
    const undated = dept.replace('2024年1月18日', '');
    assert.deepEqual(late(undated), []);
    for (const agency of ['国家税务总局铜陵市税务局', '铜陵经济技术开发区管理委员会', '铜官区人民法院', '铜官区']) {
      assert.deepEqual(late(dept.replace('铜官区经信局 2023', `${agency} 2023`).replace('2024年1月18日', '2024年3月18日')), [], agency);
    }
    assert.deepEqual(late(dept.replace('2024年1月18日', '2025年5月18日')), [], 'another year: a slip, not a date to judge');
    // a date inside a sentence is not the date under the report
    assert.deepEqual(late(dept.replace('2024年1月18日', '本报告于2024年2月18日印发。')), []);
  });

  it('levels from agency names, conservatively', () => {
    const cases: [string, string | undefined][] = [
      ['铜官区经信局', 'department'], ['淮安市人民政府办公室', 'department'], ['上海市科学技术委员会', 'department'], ['洪泽区高良涧街道办事处', 'department'],
      ['沭阳县钱集镇人民政府', 'department'], ['沭阳县人民政府', 'county'], ['淮安市洪泽区人民政府', 'county'], ['上海市浦东新区人民政府', 'county'],
      ['淮安市人民政府', 'prefecture'], ['昆山市人民政府', 'prefecture'], ['延边朝鲜族自治州人民政府', 'prefecture'], ['江苏省人民政府', 'province'],
      ['上海市人民政府', 'province'], ['内蒙古自治区人民政府', 'province'],
      ['国家税务总局淮安市税务局', undefined], ['淮安海关', undefined], ['淮安经济技术开发区管理委员会', undefined], ['正文', undefined], ['淮安市中级人民法院', undefined],
    ];
    for (const [name, level] of cases) assert.equal(agencyLevel(name), level, name);
  });

  it('deadlines and numerals', () => {
    assert.deepEqual(deadline('department', 2024), { month: 1, day: 31 });
    assert.deepEqual(deadline('county', 2019), { month: 2, day: 20 });
    assert.deepEqual(deadline('department', 2018), { month: 3, day: 31 });
    assert.deepEqual(['二〇二六', '十二', '二十三', '三十一', '九', '１８', '十'].map((s, i) => readNumber(s, i === 0)), [2026, 12, 23, 31, 9, 18, 10]);
    assert.equal(readNumber('二二十'), undefined);
  });

  it('the same agency with or without its city, never a name without a place of its own', () => {
    assert.equal(sameAgency('淮安市洪泽区人民政府', '洪泽区人民政府'), true);
    assert.equal(sameAgency('淮安市商务局', '市商务局'), false);
    assert.equal(sameAgency('淮安市洪泽区人民政府', '宿迁市洪泽区人民政府'), false);
    assert.equal(sameAgency('淮安市人民政府', '人民政府'), false);
  });
});
