// Server-side UI strings (code action titles, hovers, code lenses, guard messages) in both display languages.
import type { Locale } from '../core';

const MESSAGES = {
  fixAllRule: { 'zh-CN': '修复本文件中所有“{0}”问题', en: 'Fix all "{0}" problems in this file' },
  fixAllSource: { 'zh-CN': '修复所有可安全修复的 nianbao 问题', en: 'Fix all safely fixable nianbao problems' },
  fixAllGroup: { 'zh-CN': '{0} 处修改', en: '{0} edits' },
  fixAllDone: { 'zh-CN': 'nianbao：全部修复', en: 'nianbao: fix all' },
  addWord: { 'zh-CN': '将“{0}”加入词表（写入 {1}）', en: 'Add "{0}" to the dictionary (writes {1})' },
  ignoreHere: { 'zh-CN': '在此处忽略规则“{0}”（写入 {1}）', en: 'Ignore rule "{0}" here (writes {1})' },
  ignoreInFile: { 'zh-CN': '在此文件中忽略规则“{0}”（写入 {1}）', en: 'Ignore rule "{0}" in this file (writes {1})' },
  ignoreInWorkspace: { 'zh-CN': '在整个工作区忽略规则“{0}”（写入 {1}）', en: 'Ignore rule "{0}" in the whole workspace (writes {1})' },
  tooLarge: {
    'zh-CN': '文件过大（{0} KB，超过设置 nianbao.maxFileSizeKB = {1} KB），未进行校验。可在设置中调高此上限。',
    en: 'File not checked: it is {0} KB, above the setting nianbao.maxFileSizeKB = {1} KB. Raise the limit in the settings to check it.',
  },
  binary: {
    'zh-CN': '文件看起来是二进制内容（含有 NUL 字符），未进行校验。',
    en: 'File not checked: it looks like binary content (it contains NUL characters).',
  },
  internalError: {
    'zh-CN': 'nianbao 内部错误，本文件未能完成校验：{0}',
    en: 'nianbao internal error, this file could not be checked: {0}',
  },
  lensBalanced: { 'zh-CN': '{0}：勾稽关系全部成立', en: '{0}: all relations hold' },
  lensFailing: { 'zh-CN': '{0}：{1} 处勾稽关系不成立', en: '{0}: {1} relation(s) do not hold' },
  lensNotChecked: { 'zh-CN': '{0}：{1} 处勾稽关系无法核对（有单元格缺失或不可读）', en: '{0}: {1} relation(s) could not be checked (cells missing or unreadable)' },
  lensRead: { 'zh-CN': '{0}：已读出 {1}/{2} 行（本表无勾稽关系）', en: '{0}: {1} of {2} rows read (no relations in this table)' },
  lensReadBlank: { 'zh-CN': '{0}：已读出 {1}/{2} 行，{3} 格空白（本表无勾稽关系）', en: '{0}: {1} of {2} rows read, {3} cells blank (no relations in this table)' },
  hoverRow: { 'zh-CN': '行', en: 'Row' },
  hoverColumn: { 'zh-CN': '列', en: 'Column' },
  hoverValue: { 'zh-CN': '值', en: 'Value' },
  hoverRelation: { 'zh-CN': '勾稽关系', en: 'Relation' },
  hoverHolds: { 'zh-CN': '成立', en: 'holds' },
  hoverFails: { 'zh-CN': '不成立：按公式应为 {0}，表中为 {1}（相差 {2}）', en: 'does not hold: computed {0}, printed {1} (a difference of {2})' },
  hoverUnknown: { 'zh-CN': '无法核对：{0} 不是数字', en: 'cannot be checked: {0} not a number' },
  hoverMissingCells: { 'zh-CN': '无法核对：缺少 {0}', en: 'cannot be checked: {0} missing' },
  valueBlank: { 'zh-CN': '（空白）', en: '(blank)' },
  valueSlash: { 'zh-CN': '“/”（不适用）', en: '"/" (not applicable)' },
  valueDash: { 'zh-CN': '“-”（无）', en: '"-" (none)' },
  valueUnreadable: { 'zh-CN': '无法识别为数字', en: 'not readable as a number' },
  completionNextHeading: { 'zh-CN': '下一个应有的章节标题', en: 'next expected section heading' },
  completionHeading: { 'zh-CN': '章节标题（模板）', en: 'section heading (template)' },
  completionRow: { 'zh-CN': '{0} 的行', en: 'row of {0}' },
  completionMissingRow: { 'zh-CN': '{0} 中缺少的行', en: 'missing row of {0}' },
  completionFeeNone: { 'zh-CN': '信息处理费：未收取（第六部分须写明）', en: 'information processing fees: none charged (section 六 must say so)' },
  completionFeeSome: { 'zh-CN': '信息处理费：已收取，填写金额（第六部分须写明）', en: 'information processing fees: charged, with the amount (section 六 must say so)' },
  symbolReport: { 'zh-CN': '年度报告', en: 'annual report' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  const s = MESSAGES[key][locale] ?? MESSAGES[key]['zh-CN'];
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
