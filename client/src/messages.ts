// Runtime UI strings of the client (contribution strings live in package.nls*.json).
import * as vscode from 'vscode';
import { fill } from './previewHtml';

const M = {
  noEditor: { zh: '没有打开的编辑器。', en: 'No open editor.' },
  noWorkspace: { zh: '未打开工作区文件夹，无法检查整个工作区。', en: 'No workspace folder is open: nothing to check.' },
  checking: { zh: 'nianbao：正在检查工作区中的年度报告', en: 'nianbao: checking the annual reports in the workspace' },
  searching: { zh: '正在查找 .txt 文件…', en: 'Finding .txt files…' },
  progress: { zh: '{0}/{1} 个文件', en: '{0}/{1} files' },
  done: {
    zh: 'nianbao：已检查 {0} 份报告：错误 {1}，警告 {2}，提示 {3}。',
    en: 'nianbao: checked {0} reports: {1} errors, {2} warnings, {3} notes.',
  },
  doneSkipped: { zh: '另有 {0} 个文件超过大小上限（nianbao.maxFileSizeKB），未检查。', en: '{0} more files are above the size limit (nianbao.maxFileSizeKB) and were not checked.' },
  cancelled: { zh: 'nianbao：检查已取消（已检查 {0} 个文件）。', en: 'nianbao: check cancelled ({0} files checked).' },
  askYear: { zh: '报告年度（例如 {0}）', en: 'Report year (e.g. {0})' },
  badYear: { zh: '请输入 2008 至 2100 之间的四位年份', en: 'Enter a four-digit year between 2008 and 2100' },
  askAgency: { zh: '机关名称（例如 某某市某某局）', en: 'Agency name (e.g. 某某市某某局)' },
  badAgency: { zh: '机关名称不能为空', en: 'The agency name cannot be empty' },
  notReport: { zh: '当前文件不是年度报告（语言不是 nianbao）。', en: 'The active file is not an annual report (language is not nianbao).' },
  fixedN: { zh: 'nianbao：已应用 {0} 处修复。', en: 'nianbao: applied {0} fixes.' },
  nothingToFix: { zh: 'nianbao：没有可自动修复的问题。', en: 'nianbao: nothing to fix automatically.' },
  pickRule: { zh: '选择要查看说明的规则', en: 'Pick a rule to read its documentation' },
  statusName: { zh: '年度报告校验', en: 'Annual report check' },
  statusTemplate: { zh: '{0} 版格式', en: '{0} format' },
  statusNoTemplate: { zh: '格式版本未识别', en: 'format version not detected' },
  statusCounts: { zh: '错误 {0} · 警告 {1} · 提示 {2}', en: '{0} errors · {1} warnings · {2} notes' },
  statusSkipped: { zh: '未检查', en: 'not checked' },
  statusChecking: { zh: '检查中…', en: 'checking…' },
  showProblems: { zh: '问题', en: 'Problems' },
  restarted: { zh: 'nianbao 语言服务器已重启。', en: 'nianbao language server restarted.' },
  previewTitle: { zh: '表格预览 {0}', en: 'Tables: {0}' },
  previewNoServer: { zh: 'nianbao 语言服务器未运行。', en: 'The nianbao language server is not running.' },
  previewFailed: { zh: '语言服务器没有返回表格（详见“输出”面板中的 nianbao 日志）。', en: 'The language server returned no tables (see the nianbao log in the Output panel).' },
  importPick: { zh: '导入', en: 'Import' },
  importFilter: { zh: 'Word、PDF、网页或文本格式的报告', en: 'Reports in Word, PDF, web page or text format' },
  importReading: { zh: 'nianbao：正在导入 {0}', en: 'nianbao: importing {0}' },
  importTooLarge: { zh: '文件超过 {0} MB', en: 'the file is larger than {0} MB' },
  importFailed: { zh: 'nianbao：无法导入 {0}：{1}', en: 'nianbao: cannot import {0}: {1}' },
  importExists: { zh: '{0} 已存在，要用导入结果覆盖它吗？', en: '{0} already exists. Replace it with the imported report?' },
  importOverwrite: { zh: '覆盖', en: 'Replace' },
  importDone: { zh: 'nianbao：已从 {0} 导入 {1}。', en: 'nianbao: imported {1} from {0}.' },
  importTables: { zh: '{0} 已转为标准表格格式。', en: '{0} in the canonical table layout.' },
  importSkipped: { zh: '{0} 保持原样（{1}）。', en: '{0} left as read ({1}).' },
  importNoTables: { zh: '未识别出表格。', en: 'No tables were recognised.' },
  configNoWorkspace: { zh: '未打开工作区文件夹：配置文件要放在工作区文件夹中。', en: 'No workspace folder is open: the config file belongs in a workspace folder.' },
  configPickFolder: { zh: '选择要放配置文件的工作区文件夹', en: 'Pick the workspace folder for the config file' },
} as const;

export type Key = keyof typeof M;

let override: 'zh-CN' | 'en' | undefined;
export function setLocaleOverride(v: unknown): void {
  override = v === 'zh-CN' || v === 'en' ? v : undefined;
}

export function isEnglish(): boolean {
  if (override) return override === 'en';
  return /^en\b|^en-/i.test(vscode.env.language);
}

export function msg(key: Key, ...args: (string | number)[]): string {
  const s = isEnglish() ? M[key].en : M[key].zh;
  return fill(s, args);
}
