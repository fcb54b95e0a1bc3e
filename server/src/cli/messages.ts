// File problems in the language of the output. The readers give their reasons in English (the import command and
// the tests use them so); `nianbao check` prints them in Chinese when its locale is zh-CN, as it prints its
// findings and summary. Each pattern is anchored at the end of the line (`path: reason`); a reason no pattern knows
// is printed as it is, and the part of a reason that comes from elsewhere (a library's message) stays as it came.
import type { Locale } from '../core';

type Rule = [RegExp, (...groups: string[]) => string];

/** Details of a refused Word document (the part after "the Word document is refused: "). */
const ZIP: Rule[] = [
  [/^(\S+) would inflate from (\S+) MiB to (\S+) MiB \(a compression ratio of (\d+) to 1; a zip bomb\?\)$/, (n, a, b, r) => `${n} 将从 ${a} MiB 解压为 ${b} MiB（压缩比 ${r}:1，疑为 zip 炸弹）`],
  [/^(\S+) inflates to more than the (\S+) MiB its directory declares \(a zip bomb\?\)$/, (n, a) => `${n} 解压后超过其目录声明的 ${a} MiB（疑为 zip 炸弹）`],
  [/^its XML parts would inflate to more than (\d+) MiB \((\S+): (\S+) MiB\); a report has a few MiB$/, (cap, n, a) => `其 XML 部分解压后将超过 ${cap} MiB（${n}：${a} MiB），而一份报告只有几 MiB`],
  [/^the parts read would inflate to more than (\d+) MiB$/, (cap) => `读取的部分解压后将超过 ${cap} MiB`],
  [/^(\d+) parts in the package \(a document has far fewer; the limit is (\d+)\)$/, (n, cap) => `包中有 ${n} 个部分（文档远少于此，上限 ${cap}）`],
];

const REASONS: Rule[] = [
  [/^empty file \(nothing but white space\)$/, () => '空文件（只有空白字符）'],
  [/^empty file$/, () => '空文件'],
  [/^the web page has no text$/, () => '网页中没有文字'],
  [/^the Word document has no text$/, () => 'Word 文档中没有文字'],
  [/^binary file \(contains NUL bytes\), not a text report$/, () => '二进制文件（含 NUL 字节），不是文本报告'],
  [/^not valid UTF-8, UTF-16 or GB18030\/GBK text$/, () => '不是有效的 UTF-8、UTF-16 或 GB18030/GBK 文本'],
  [/^file too large \((\S+) MiB; the limit is (\d+) MiB\)$/, (a, cap) => `文件过大（${a} MiB，上限 ${cap} MiB）`],
  [/^standard input too large \(more than (\d+) MiB, the limit for a file\)$/, (cap) => `标准输入过大（超过文件的上限 ${cap} MiB）`],
  [/^cannot read standard input: (.*)$/, (m) => `无法读取标准输入：${m}`],
  [/^no such file or folder$/, () => '文件或文件夹不存在'],
  [/^no such file$/, () => '文件不存在'],
  [/^permission denied$/, () => '没有读取权限'],
  [/^not a regular file \(a folder\)$/, () => '不是普通文件（是文件夹）'],
  [/^not a regular file$/, () => '不是普通文件'],
  [/^an Excel workbook \(\.xlsx\), not a report document; save the report as \.docx, \.pdf or text$/, () => 'Excel 工作簿（.xlsx），不是报告文档；请将报告另存为 .docx、.pdf 或文本'],
  [/^a PowerPoint file, not a report document$/, () => 'PowerPoint 文件，不是报告文档'],
  [/^an OpenDocument file \(\.odt\); save it as \.docx or text$/, () => 'OpenDocument 文件（.odt）；请另存为 .docx 或文本'],
  [/^an OFD file, which cannot be read; save it as \.pdf or \.docx$/, () => 'OFD 文件，无法读取；请另存为 .pdf 或 .docx'],
  [/^a ZIP archive, not a report document$/, () => 'ZIP 压缩包，不是报告文档'],
  [/^an old binary Office file \(\.doc\/\.wps\/\.xls\), which cannot be read; save it as \.docx, \.pdf or text$/, () => '旧版二进制 Office 文件（.doc/.wps/.xls），无法读取；请另存为 .docx、.pdf 或文本'],
  [/^an RTF file, which cannot be read; save it as \.docx or text$/, () => 'RTF 文件，无法读取；请另存为 .docx 或文本'],
  [/^not a valid PDF file \(no %PDF- header\)$/, () => '不是有效的 PDF 文件（没有 %PDF- 文件头）'],
  [/^not a valid PDF file$/, () => '不是有效的 PDF 文件'],
  [/^not a valid Word \.docx file \(not a ZIP package\)$/, () => '不是有效的 Word .docx 文件（不是 ZIP 包）'],
  [/^an old Word\/WPS file, which cannot be read; save it as \.docx, \.pdf or text$/, () => '旧版 Word/WPS 文件，无法读取；请另存为 .docx、.pdf 或文本'],
  [/^not a valid OpenDocument file$/, () => '不是有效的 OpenDocument 文件'],
  [/^not a valid OFD file$/, () => '不是有效的 OFD 文件'],
  [/^the Word document is refused: (.*)$/, (d) => `拒绝读取此 Word 文档：${translate(d, ZIP) ?? d}`],
  [/^cannot read the Word document: (.*)$/, (d) => `无法读取 Word 文档：${d}`],
  [/^encrypted PDF \(a password is needed to read it\)$/, () => '加密的 PDF（需要密码才能读取）'],
  [/^cannot read the PDF: (.*)$/, (d) => `无法读取 PDF：${d}`],
  [/^the PDF has (\d+) pages; a report has fewer than 100, and more than (\d+) are not read$/, (n, cap) => `PDF 共 ${n} 页；一份报告不到 100 页，超过 ${cap} 页的 PDF 不予读取`],
  [/^the PDF has no text layer \(a scanned image\?\); it needs OCR first$/, () => 'PDF 没有文字层（扫描的图片？），需先做文字识别（OCR）'],
  [/^pdf\.js could not be loaded \((.*)\)$/, (d) => `无法加载 pdf.js（${d}）`],
  [/^the web page nests its elements too deeply to be read \((\d+) levels here\)$/, (n) => `网页元素嵌套过深，无法读取（此处 ${n} 层）`],
  [/^reading the file took longer than (\d+) s$/, (n) => `读取文件超过 ${n} 秒，已停止`],
  [/^reading the file needed more than (\d+) MB of memory$/, (n) => `读取文件需要超过 ${n} MB 内存，已停止`],
  [/^the file reader failed: (.*)$/, (d) => `文件读取出错：${d}`],
  [/^the file reader stopped \(exit code (.*)\)$/, (c) => `文件读取已中止（退出码 ${c}）`],
  [/^the file reader could not start: (.*)$/, (d) => `无法启动文件读取：${d}`],
  [/^the file ends inside a character at line (\d+), column (\d+) \(byte (\d+)\), read as U\+FFFD$/, (l, c, b) => `文件在一个字符的中间结束（第 ${l} 行第 ${c} 列，字节 ${b}），按 U+FFFD 读取`],
  [/^invalid UTF-8 bytes(?: in (\d+|1000 or more) places, the first)? at line (\d+), column (\d+) \(byte (\d+)\), read as U\+FFFD(; not rewritten \(those bytes would be lost\))?$/,
    (n, l, c, b, kept) => `无效的 UTF-8 字节${n ? `（共 ${n === '1000 or more' ? '1000 处以上' : `${n} 处`}，第一处）` : ''}：第 ${l} 行第 ${c} 列（字节 ${b}），按 U+FFFD 读取${kept ? '；未改写文件（否则这些字节会丢失）' : ''}`],
  [/^an unpaired UTF-16 surrogate, read as U\+FFFD$/, () => '有不成对的 UTF-16 代理项，按 U+FFFD 读取'],
  [/^the file ends inside a UTF-16 character \(an odd number of bytes\), read as U\+FFFD$/, () => '文件在一个 UTF-16 字符的中间结束（字节数为奇数），按 U+FFFD 读取'],
  [/^bytes that are not a UTF-32 character at byte (\d+), read as U\+FFFD$/, (b) => `字节 ${b} 处不是 UTF-32 字符，按 U+FFFD 读取`],
  [/^bytes that are not GB18030 characters, read as U\+FFFD$/, () => '有不是 GB18030 字符的字节，按 U+FFFD 读取'],
  [/^not checked: a symbolic link to nothing$/, () => '未检查：符号链接指向不存在的目标'],
  [/^not checked: (.*)$/, (d) => `未检查：${d}`],
  [/^no report files found(?: \((\d+) symbolic link\(s\) to folders not followed; use --follow\))?$/, (n) => `没有找到报告文件${n ? `（${n} 个指向文件夹的符号链接未跟随；可用 --follow）` : ''}`],
];

function translate(reason: string, rules: Rule[]): string | undefined {
  for (const [re, zh] of rules) {
    const m = re.exec(reason);
    if (m) return zh(...m.slice(1));
  }
  return undefined;
}

/** A reason (without the path) in the locale's language. */
export function reasonText(reason: string, locale: Locale): string {
  return locale === 'en' ? reason : translate(reason, REASONS) ?? reason;
}

/** A problem line, `path: reason` (the path may contain ": "), with its reason in the locale's language. */
export function problemText(problem: string, locale: Locale): string {
  if (locale === 'en') return problem;
  for (let i = problem.indexOf(': '); i >= 0; i = problem.indexOf(': ', i + 1)) {
    const zh = translate(problem.slice(i + 2), REASONS);
    if (zh !== undefined) return `${problem.slice(0, i)}: ${zh}`;
  }
  return translate(problem, REASONS) ?? problem;
}
