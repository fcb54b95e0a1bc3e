// doc-reference: citations of the governing documents that are wrong: the format notice is 国办公开办函〔2021〕30号
// (2019 version: 〔2019〕60号), the regulation is 国务院令第711号 (the 2007 one, 第492号, is superseded for reports
// from 2019 on), the fee measures are 国办函〔2020〕109号. Seed 003 cites 国办公开办函〔2023〕30号.
import { matchesStarting } from '../prose/util';
import type { ReportRule } from './rule';

const BR_OPEN = '〔\\[【（(［';
const BR_CLOSE = '〕\\]】）)］';
// each starts with the literal it is looked for by (matchesStarting)
const NOTICE_RE = new RegExp(`国办公开办函\\s*[${BR_OPEN}]\\s*(\\d{4})\\s*[${BR_CLOSE}]\\s*(\\d+)\\s*号`);
const FEE_RE = new RegExp(`国办函\\s*[${BR_OPEN}]\\s*(\\d{4})\\s*[${BR_CLOSE}]\\s*(\\d+)\\s*号`);
const DECREE_RE = /(?:国务院令|国令)\s*(?:第\s*)?(\d+)\s*号/;

export const docReference: ReportRule = {
  id: 'doc-reference',
  scope: 'report',
  group: 'prose',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '引用文件的文号有误', en: 'Wrong document number in a citation' },
  otherSeverities: ['information'],
  description: {
    'zh-CN': '引用的规范文件文号有误（〔2023〕30号 → 国办公开办函〔2021〕30号）；文号年份未用六角括号为信息',
    en: 'wrong citations of the governing documents (〔2023〕30号 → 国办公开办函〔2021〕30号); a document number\'s year not in 〔〕 as information',
  },
  check({ model, text, t, report }) {
    const year = model.title?.year;
    // context before a citation, without white space (PDF text breaks 政府\n信息公开条例)
    const before = (i: number, n: number) => text.slice(Math.max(0, i - n - 20), i).replace(/\s+/g, '').slice(-n);

    for (const m of matchesStarting(NOTICE_RE, text, ['国办公开办函'])) {
      const y = Number(m[1]), no = Number(m[2]);
      const near = before(m.index, 24);
      const aboutReport = /年度报告/.test(before(m.index, 160));
      let right: string | undefined;
      // cited right after the notice's own title, or with the number of one of the two notices
      if (/年度报告有关事项的通知[》>〉]*\s*[（(]?\s*$/.test(near)) right = '国办公开办函〔2019〕60号';
      else if (/年度报告格式[〉>》]*\s*的?\s*通知[》>〉]*\s*[（(]?\s*$/.test(near)) {
        // the 2019 notice is also right for the 2019 and 2020 reports
        right = y === 2019 && no === 60 && (!year || year <= 2020) ? undefined : '国办公开办函〔2021〕30号';
      } else if (no === 30 && y !== 2021 && y >= 2019 && aboutReport) right = '国办公开办函〔2021〕30号';
      else if (no === 60 && y !== 2019 && y >= 2019 && aboutReport) right = '国办公开办函〔2019〕60号';
      const cited = m[0];
      if (right && `国办公开办函〔${y}〕${no}号` !== right) {
        report({
          start: m.index, end: m.index + cited.length,
          message: t(`文号有误：《中华人民共和国政府信息公开工作年度报告格式》的通知文号为${right}`, `Wrong document number: the notice on the annual report format is ${right}`),
          fixes: [{ title: t(`改为“${right}”`, `Change to "${right}"`), edits: [{ start: m.index, end: m.index + cited.length, newText: right }], preferred: true }],
        });
      } else if (!/〔/.test(cited) || !/〕/.test(cited)) {
        const fixed = `国办公开办函〔${y}〕${no}号`;
        report({
          start: m.index, end: m.index + cited.length,
          severity: 'information',
          message: t('发文字号的年份应使用六角括号“〔〕”', 'The year of a document number takes the hexagonal brackets 〔〕'),
          fixes: [{ title: t(`改为“${fixed}”`, `Change to "${fixed}"`), edits: [{ start: m.index, end: m.index + cited.length, newText: fixed }], preferred: true }],
        });
      }
    }

    for (const m of matchesStarting(DECREE_RE, text, ['国务院令', '国令'])) {
      if (!/政府信息公开条例/.test(before(m.index, 40))) continue;
      const no = Number(m[1]);
      const old = year !== undefined && year <= 2018;
      const want = old ? 492 : 711;
      if (no === want || (no === 492 && year === undefined)) continue;
      const ds = m.index + m[0].indexOf(m[1]);
      report({
        start: ds, end: ds + m[1].length,
        message: no === 492
          ? t('《中华人民共和国政府信息公开条例》已于2019年修订，现行条例为国务院令第711号', 'The regulation was revised in 2019: the one in force is State Council Decree No. 711')
          : t(`《中华人民共和国政府信息公开条例》为国务院令第${want}号`, `The regulation is State Council Decree No. ${want}`),
        fixes: [{ title: t(`改为“${want}”`, `Change to "${want}"`), edits: [{ start: ds, end: ds + m[1].length, newText: String(want) }], preferred: true }],
      });
    }

    for (const m of matchesStarting(FEE_RE, text, ['国办函'])) {
      if (!/信息处理费/.test(before(m.index, 60))) continue;
      if (m[1] === '2020' && m[2] === '109') continue;
      const right = '国办函〔2020〕109号';
      report({
        start: m.index, end: m.index + m[0].length,
        message: t(`文号有误：《政府信息公开信息处理费管理办法》的通知文号为${right}`, `Wrong document number: the measures on information processing fees are ${right}`),
        fixes: [{ title: t(`改为“${right}”`, `Change to "${right}"`), edits: [{ start: m.index, end: m.index + m[0].length, newText: right }], preferred: true }],
      });
    }
  },
};
