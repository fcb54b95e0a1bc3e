// Runtime UI strings of the client (contribution strings live in package.nls*.json).
import * as vscode from 'vscode';
import { fill } from './previewHtml';

const M = {
  noEditor: { zh: '没有打开的编辑器。', en: 'No open editor.' },
  noWorkspace: { zh: '未打开工作区文件夹，无法检查整个工作区。', en: 'No workspace folder is open: nothing to check.' },
  checking: { zh: 'nianbao：正在检查工作区中的年度报告', en: 'nianbao: checking the annual reports in the workspace' },
  searching: { zh: '正在查找报告文件（.txt、.md、.docx、.pdf、.html）…', en: 'Finding report files (.txt, .md, .docx, .pdf, .html)…' },
  reading: { zh: '正在读取 {0}…', en: 'Reading {0}…' },
  doneUnread: { zh: '另有 {0} 个文件无法读取，未检查：{1}', en: '{0} more files could not be read and were not checked: {1}' },
  recognizeOffer: { zh: '“{0}”看起来是政府信息公开工作年度报告{1}。要按年度报告检查吗？', en: '"{0}" reads as a government information disclosure annual report{1}. Check it as a report?' },
  recognizeTitle: { zh: '（标题：{0}）', en: ' (title: {0})' },
  recognizeYes: { zh: '按年度报告检查', en: 'Check as a report' },
  recognizeAuto: { zh: '本工作区自动识别', en: 'Always in this workspace' },
  recognizeNever: { zh: '不再询问', en: 'Don\'t ask again' },
  binaryOffer: { zh: '“{0}”是 {1} 文件，VS Code 不能以文本显示。可以导入为年度报告（写入 {2}），或只读查看 nianbao 校验的文字。', en: '"{0}" is a {1} file, which VS Code cannot show as text. Import it as a report (writes {2}), or view the text nianbao checks (read-only).' },
  binaryImport: { zh: '导入为年度报告', en: 'Import as a report' },
  binaryView: { zh: '查看校验的文字', en: 'View the checked text' },
  checkedTextFailed: { zh: '（nianbao：无法读取 {0}：{1}）', en: '(nianbao: cannot read {0}: {1})' },
  fixAllPick: { zh: '选择要修复的问题（修改先在“重构预览”中列出，确认后才应用）', en: 'Pick what to fix (the edits are listed in the refactor preview first, applied once you confirm)' },
  fixAllEverything: { zh: '所有规则的安全修复', en: 'Every rule\'s safe fixes' },
  fixAllEdits: { zh: '{0} 处修改', en: '{0} edits' },
  fixAllTables: { zh: '表格中的标签和标点不随正文修改，由“格式化文档”统一为官方写法。现在格式化表格吗？', en: 'Table labels and their punctuation are left to Format Document, which writes the official wording. Format the tables now?' },
  fixAllFormat: { zh: '格式化表格', en: 'Format the tables' },
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
