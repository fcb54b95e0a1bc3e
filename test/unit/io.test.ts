// Reading report files: text encodings (UTF-8, UTF-16, GB18030/GBK), web pages, Word documents and PDFs,
// and a clear reason for everything that cannot be read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { checkReport, type ReportModel } from '../../server/src/core';
import { decodeText, encodeText, htmlToText, kindOf, readReportBytes, readReportFile } from '../../server/src/io';
import { FIXTURES, loadReport, ROOT } from './helpers';

const FORMATS = join(FIXTURES, 'formats');
const cellValues = (m: ReportModel) => Object.values(m.tables).flatMap((t) => t!.rows.flatMap((r) =>
  r.status === 'ok' ? r.cells.map((c) => `${t!.id}.${r.key}.${c.colKey}=${c.value.raw}`) : [`${t!.id}.${r.key}:${r.status}`]));
/** The engine's structure and table rules: what reading a file must get right (prose rules see its line breaks). */
const TABLE_RULES = new Set(['missing-title', 'missing-section', 'section-order', 'missing-table', 'missing-row', 'label-typo', 'format-version', 'blank-cell', 'table-balance', 'table-unreadable']);
const findingKeys = (text: string) => checkReport(text).findings.filter((f) => TABLE_RULES.has(f.rule)).map((f) => `${f.rule} ${f.message}`).sort();

describe('io: text encodings', () => {
  const text = '某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年新收申请 12 件。𠀀\n';

  it('UTF-8 with and without BOM; UTF-16 LE/BE with BOM and without one; GB18030; GBK', () => {
    const cases: [string, Buffer, string][] = [
      ['utf-8', Buffer.from(text), 'utf-8'],
      ['utf-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      ['utf-16le BOM', encodeText(text, 'utf-16le', true), 'utf-16le'],
      ['utf-16be BOM', encodeText(text, 'utf-16be', true), 'utf-16be'],
      ['utf-16le', encodeText(text, 'utf-16le', false), 'utf-16le'],
      ['utf-16be', encodeText(text, 'utf-16be', false), 'utf-16be'],
      ['gb18030 (4-byte character)', iconv.encode(text, 'gb18030'), 'gb18030'],
      ['gbk', iconv.encode(text.replace('𠀀', ''), 'gbk'), 'gb18030'],
    ];
    for (const [name, buf, enc] of cases) {
      const r = decodeText(buf);
      assert.ok(r.ok, name);
      assert.equal(r.encoding, enc, name);
      assert.equal(r.text, name === 'gbk' ? text.replace('𠀀', '') : text, name);
    }
  });

  it('every fixture read from GBK, GB18030 and UTF-16 files gives the tables of the UTF-8 original', async () => {
    const original = loadReport('001_205104d3919f452a');
    for (const [file, enc] of [['001-gbk.txt', 'gb18030'], ['001-gb18030.txt', 'gb18030'], ['001-utf16le.txt', 'utf-16le'], ['001-utf16be-bom.txt', 'utf-16be']]) {
      const r = await readReportFile(join(FORMATS, file));
      assert.ok(r.ok, file);
      assert.equal(r.kind, 'text');
      assert.equal(r.encoding, enc, file);
      assert.equal(r.text.replace(/\n𠀀$/, ''), original, file);
    }
  });

  it('a file cut inside its last UTF-8 character is still UTF-8', () => {
    const buf = Buffer.from(text + '年');
    const r = decodeText(buf.subarray(0, buf.length - 1));
    assert.ok(r.ok);
    assert.equal(r.encoding, 'utf-8');
  });

  it('refuses binary data and bytes that are no known encoding, with a reason', () => {
    const bin = decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    assert.ok(!bin.ok && /binary file/.test(bin.reason));
    const bad = decodeText(Buffer.from([0x41, 0x80, 0xff, 0x81, 0x20, 0xfe]));
    assert.ok(!bad.ok && /not valid UTF-8, UTF-16 or GB18030\/GBK text/.test(bad.reason));
    // random high bytes that happen to pair up as GB18030 are not taken for Chinese text
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0xa1 + ((i * 37) % 6)));
    const n = decodeText(noise);
    assert.ok(!n.ok || n.encoding === 'gb18030');
  });

  it('encodeText writes back the encoding and BOM a file had', () => {
    for (const [enc, bom] of [['utf-8', false], ['utf-8', true], ['utf-16le', true], ['utf-16be', true], ['gb18030', false]] as const) {
      const r = decodeText(encodeText(text, enc, bom));
      assert.ok(r.ok);
      assert.equal(r.text, text);
      assert.equal(r.encoding, enc);
      assert.equal(r.bom, bom);
    }
  });
});

describe('io: HTML', () => {
  it('blocks become lines, tables rows of tab-separated cells on the grid of their merged cells', () => {
    const html = `<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><h1>某某局2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>正文&nbsp;内容<br>第二行</p>
<table><tbody>
<tr><td rowspan="2">A</td><td colspan="2">B</td></tr>
<tr><td>1</td><td>2</td></tr>
<tr><th>本年新<br/>制作数量</th><td></td><td> 3 </td></tr>
<tr><td colspan="3">第二十条第（一）项</td></tr>
</tbody></table>
<div style="display:none">hidden</div><p>  尾&amp;注  </p></body></html>`;
    assert.equal(htmlToText(html), ['某某局2023年政府信息公开工作年度报告', '一、总体情况', '正文 内容', '第二行',
      'A\tB', '\t1\t2', '本年新制作数量\t\t3', '第二十条第（一）项', '尾&注'].join('\n') + '\n');
  });

  it('a table used for page layout is read as blocks, and the data table inside it as a table', () => {
    const html = '<table><tr><td><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td><td>0</td></tr></table></td></tr></table>';
    assert.equal(htmlToText(html), '二、主动公开政府信息情况\n规章\t1\t0\n');
  });

  it('reads a GB2312 page by its declared charset', async () => {
    const r = await readReportFile(join(FORMATS, 'huaian-2024-gb2312.html'));
    assert.ok(r.ok);
    assert.equal(r.kind, 'html');
    assert.equal(r.encoding, 'gb18030');
    assert.ok(r.text.startsWith('淮安市人民政府'));
  });

  it('a .txt file that is a saved web page is read as HTML', async () => {
    const r = await readReportBytes('page.txt', Buffer.from('<!DOCTYPE html><html><body><p>一、总体情况</p></body></html>'));
    assert.ok(r.ok);
    assert.equal(r.kind, 'html');
    assert.equal(r.text, '一、总体情况\n');
  });
});

describe('io: .html, .docx and .pdf files made from the fixtures read as their source', () => {
  const sources: Record<string, string> = { 'huaian-2024': 'huaian-2024-pdf-tabs', 'shangwu-2020': '002_b67df828cb4a1735' };
  for (const base of Object.keys(sources)) {
    for (const ext of ['html', 'docx', 'pdf']) {
      it(`${base}.${ext}: every table read completely, the same values and findings as the text`, async function () {
        this.timeout(30000);
        const r = await readReportFile(join(FORMATS, `${base}.${ext}`));
        assert.ok(r.ok, !r.ok ? r.reason : '');
        assert.equal(r.kind, ext);
        const src = loadReport(sources[base]);
        const a = checkReport(r.text).model, b = checkReport(src).model;
        assert.equal(a.template, b.template);
        assert.deepEqual({ ...a.title, start: 0, end: 0, text: '' }, { ...b.title, start: 0, end: 0, text: '' });
        for (const t of Object.values(a.tables)) assert.ok(t!.rows.every((row) => row.status === 'ok'), `${t!.id} fully read`);
        assert.deepEqual(cellValues(a), cellValues(b));
        assert.deepEqual(findingKeys(r.text), findingKeys(src), 'the same findings (no label typos from wrapped cells)');
      });
    }
  }

  it('PDF: table rows come out as one line each, wrapped labels put back together', async function () {
    this.timeout(30000);
    const r = await readReportFile(join(FORMATS, 'huaian-2024.pdf'));
    assert.ok(r.ok);
    const lines = r.text.split('\n');
    assert.ok(lines.includes('规章\t1\t0\t11'));
    assert.ok(lines.some((l) => l.endsWith('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454')), 'wrapped label joined');
    assert.ok(lines.includes('72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20'));
  });
});

describe('io: files that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-io-'));
  const write = (name: string, data: Buffer | string) => { const p = join(dir, name); writeFileSync(p, data); return p; };
  const pdf = readFileSync(join(FORMATS, 'huaian-2024.pdf'));
  const docx = readFileSync(join(FORMATS, 'huaian-2024.docx'));

  const cases: [string, Buffer | string, RegExp][] = [
    ['old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /old binary Office file/],
    ['report.wps', 'WPS', /old Word\/WPS file/],
    ['book.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml')]), /Excel workbook/],
    ['archive.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('some/file.txt')]), /ZIP archive/],
    ['broken.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml garbage')]), /cannot read the Word document/],
    ['notpdf.pdf', 'hello', /not a valid PDF file/],
    ['cut.pdf', pdf.subarray(0, 600), /PDF/],
    ['cut.docx', docx.subarray(0, 2000), /cannot read the Word document/],
    ['rich.rtf', '{\\rtf1 hello}', /RTF/],
  ];
  for (const [name, data, reason] of cases) {
    it(`${name}: ${reason.source}`, async function () {
      this.timeout(20000);
      const r = await readReportFile(write(name, data));
      assert.ok(!r.ok, name);
      assert.match(r.reason, reason);
    });
  }

  it('a folder, a missing file', async () => {
    mkdirSync(join(dir, 'sub.txt'));
    const a = await readReportFile(join(dir, 'sub.txt'));
    assert.ok(!a.ok && /not a regular file/.test(a.reason));
    const b = await readReportFile(join(dir, 'nope.txt'));
    assert.ok(!b.ok && /no such file/.test(b.reason));
  });

  it('kinds come from the bytes before the name', () => {
    assert.deepEqual(kindOf('x.txt', Buffer.from('%PDF-1.7')), { kind: 'pdf' });
    assert.deepEqual(kindOf('x.bin', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('word/document.xml')])), { kind: 'docx' });
    assert.deepEqual(kindOf('x.htm', Buffer.from('<p>')), { kind: 'html' });
    assert.deepEqual(kindOf('x', Buffer.from('text')), { kind: 'text' });
  });

  it('nianbao check: every kind of file in a folder; exit 2 and a message for the ones it cannot read, never a crash', () => {
    const bin = join(ROOT, 'bin', 'nianbao.js');
    const ok = spawnSync(process.execPath, [bin, 'check', '--format', 'json', FORMATS], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
    assert.equal(ok.stderr, '');
    const files = JSON.parse(ok.stdout).files.map((f: { path: string }) => f.path.split('/').pop()).sort();
    assert.deepEqual(files, ['001-gb18030.txt', '001-gbk.txt', '001-utf16be-bom.txt', '001-utf16le.txt', 'huaian-2024-gb2312.html',
      'huaian-2024.docx', 'huaian-2024.html', 'huaian-2024.pdf', 'shangwu-2020.docx', 'shangwu-2020.html', 'shangwu-2020.pdf']);
    const old = write('old.doc', cases[0][1]), cut = write('cut.pdf', pdf.subarray(0, 600));
    const bad = spawnSync(process.execPath, [bin, 'check', old, cut, join(FORMATS, 'huaian-2024.docx')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /old\.doc: 旧版二进制 Office 文件/);
    assert.match(bad.stderr, /cut\.pdf: /);
    assert.doesNotMatch(bad.stderr, /internal error|at .*\.js:\d+/);
    assert.match(bad.stdout, /共检查 1 个文件/);
  });
});
