// fee-report (2021 template): section 六 must say whether 信息处理费 was charged; a fee mentioned elsewhere must be reported there.
import { sentencesWith } from '../cross/figures';
import { foldedToSource } from '../text';
import { withoutPlaceholders } from './placeholder';
import type { ReportRule } from './rule';

const FEE_IN_SIX = /信息处理费|处理费|收费|收取|费用/;
const FEE_ELSEWHERE = /收取(?:了)?(?:政府信息公开)?信息处理费(?:共|合计)?\d+(?:\.\d+)?(?:元|万元)/;

export const feeReport: ReportRule = {
  id: 'fee-report',
  scope: 'report',
  group: 'figures',
  defaultSeverity: 'warning',
  title: { 'zh-CN': '未在第六部分报告信息处理费', en: 'Information processing fees not reported in section 6' },
  description: {
    'zh-CN': '2021 年格式：第六部分未说明是否收取信息处理费',
    en: '2021: section 六 does not say whether 信息处理费 was charged',
  },
  check({ model, text, t, report }) {
    if (model.template !== '2021') return;
    const six = model.sections.find((s) => s.n === 6);
    if (!six) return; // missing-section says so
    // the template's own note ("（文字描述，收取信息处理费情况在此处报告。）") says nothing about this year's fees
    const body = withoutPlaceholders(text.slice(six.body.start, six.body.end));
    if (FEE_IN_SIX.test(body)) return;
    const elsewhere = sentencesWith(model, ['信息处理费'], { maxLength: Infinity }).find((sen) => FEE_ELSEWHERE.test(sen.s));
    report({
      start: six.heading.start, end: six.heading.end,
      message: t('2021 年版格式要求在“六、其他需要报告的事项”中专门报告信息处理费收取情况（未收取也应写明）',
        'The 2021 template requires section 6 to report whether information processing fees (信息处理费) were charged, even if none were'),
      related: elsewhere ? [{ ...foldedToSource(elsewhere, 0, elsewhere.s.length), message: t('正文其他位置提到了收费', 'a fee is mentioned here') }] : undefined,
    });
  },
};
