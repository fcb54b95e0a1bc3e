// Hostile and broken input (issue 21, the input side), run as a user runs the command line: every case gets a
// clear message and exit code 2 (or is read), and the large ones (made here, never committed: a zip bomb, a PDF of
// 20,000 pages, HTML nested thousands of levels deep, an endless stream through a pipe) never take more than a
// bounded amount of memory: the child's peak resident memory is measured. No timing is asserted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { decodeText, encodeText, htmlToText, IsolatedReader, readReportBytes } from '../../server/src/io';
import { importReport, workerReaders } from '../../server/src/lsp/importReport';
import { FIXTURES, loadReport, ROOT } from './helpers';
import { bombStream, docxOf, documentXmlOf, haveTime, measured, pdfOfPages } from './hostile';

const BIN = join(ROOT, 'bin', 'nianbao.js');
const FORMATS = join(FIXTURES, 'formats');
// messages in English (LC_ALL=en): the Chinese ones are checked at the end
const EN = { ...process.env, LC_ALL: 'en_US.UTF-8' };
const run = (args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = EN) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env, maxBuffer: 64 << 20 });
const measure = (args: string[], input = '') => measured(args, input, { env: EN });
const made: string[] = [];
/** A temporary folder, removed after the tests (some hold files of several MB). */
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'nianbao-hostile-')); made.push(d); return d; };
after(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
const json = (stdout: string) => JSON.parse(stdout) as { files: { path: string; diagnostics: { rule: string; message: string; range: unknown }[] }[] };
/** Findings as comparable keys: rule, message and range. */
const keys = (stdout: string) => json(stdout).files.map((f) => f.diagnostics.map((d) => `${d.rule} ${JSON.stringify(d.range)} ${d.message}`).sort());

/** Peak memory allowed to a run that refuses its input: the CLI itself takes 60–130 MiB here. */
const BOUND_MIB = 300;

describe('hostile input: how peak memory is measured', () => {
  it(`the child's peak memory is read (${haveTime ? '/usr/bin/time -v' : 'process.resourceUsage() in the child: /usr/bin/time is missing'})`, async () => {
    const r = await measured(['-e', 'const a = Buffer.alloc(200 << 20, 1); console.log(a[5])']);
    assert.equal(r.status, 0, r.stderr);
    // a child that touches 200 MiB is seen to take it: the measurement is of the child, not of the shell
    assert.ok(r.maxRssMiB > 200 && r.maxRssMiB < 400, `${r.maxRssMiB} MiB by ${r.how}`);
  });
});

describe('hostile input: a .docx zip bomb', function () {
  this.timeout(120_000);
  const dir = tmp();
  // 4 GiB of XML in 4 MB: as its directory says (ZIP64), and with a directory that says 100 KB
  const bomb = join(dir, 'bomb.docx'), liar = join(dir, 'liar.docx'), large = join(dir, 'large.docx'), small = join(dir, 'small.docx');
  before(() => {
    writeFileSync(bomb, docxOf({ deflated: bombStream(4096), size: 4096 * 1048576 }, true));
    writeFileSync(liar, docxOf({ deflated: bombStream(4096), size: 100_000 }));
    // an ordinary compression ratio, but more XML than a report has (about 17 MiB)
    const lines = loadReport('001_205104d3919f452a').split('\n');
    writeFileSync(large, docxOf(documentXmlOf(Array.from({ length: 120_000 }, (_, i) => `${i} ${lines[i % lines.length]}`))));
    writeFileSync(small, docxOf(documentXmlOf(['某某局2023年政府信息公开工作年度报告', '一、总体情况', '本年新收申请 12 件。'])));
  });

  it('a small generated .docx is read (the generator makes real packages)', () => {
    const r = run(['format', small]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年新收申请 12 件。\n');
  });

  it('refused from the sizes in its central directory, before inflating: exit 2, the reason, bounded memory', async () => {
    const r = await measure([BIN, 'check', bomb]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /bomb\.docx: the Word document is refused: word\/document\.xml would inflate from 4\.\d MiB to 4096\.0 MiB \(a compression ratio of \d+ to 1; a zip bomb\?\)/);
    assert.ok(r.maxRssMiB < BOUND_MIB, `${r.maxRssMiB} MiB`);
  });

  it('a directory that lies about the size: inflating stops at the declared size', async () => {
    const r = await measure([BIN, 'check', liar]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /liar\.docx: the Word document is refused: word\/document\.xml inflates to more than the 0\.1 MiB its directory declares/);
    assert.ok(r.maxRssMiB < BOUND_MIB, `${r.maxRssMiB} MiB`);
  });

  it('more XML than the absolute cap (16 MiB), whatever the ratio', async () => {
    const r = await measure([BIN, 'check', large]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /large\.docx: the Word document is refused: its XML parts would inflate to more than 16 MiB \(word\/document\.xml: 1\d\.\d MiB\)/);
    assert.ok(r.maxRssMiB < BOUND_MIB, `${r.maxRssMiB} MiB`);
  });

  it('the import command refuses it too; its worker runs with a memory limit and is stopped past it', async () => {
    const r = await importReport({ name: 'bomb.docx', data: readFileSync(bomb).toString('base64') }, workerReaders());
    assert.ok(!r.ok && /zip bomb/.test(r.reason), JSON.stringify(r));
    // a real document larger than the worker may hold: 8 MiB of XML takes about 600 MB to read
    const big = docxOf(documentXmlOf(Array.from({ length: 110_000 }, (_, i) => `第${i}段 本年新收申请 12 件。`)));
    const limited = await workerReaders(60_000, 48)('big.docx', big);
    assert.deepEqual(limited, { ok: false, reason: 'reading the file needed more than 48 MB of memory' });
  });
});

describe('hostile input: readers in a worker with limits (the CLI reads PDF and Word files so)', function () {
  this.timeout(60_000);
  const pdf = readFileSync(join(FORMATS, 'huaian-2024.pdf'));

  it('a file that takes longer than the limit is stopped; the next file gets a new worker and is read', async () => {
    const reader = new IsolatedReader({ timeoutMs: 1 });
    assert.deepEqual(await reader.read('a.pdf', pdf), { ok: false, reason: 'reading the file took longer than 0 s' });
    const patient = new IsolatedReader();
    try {
      const again = await patient.read('a.pdf', pdf);
      assert.deepEqual(again, await readReportBytes('a.pdf', pdf));
      // one worker serves every file of a run
      assert.deepEqual(await patient.read('b.docx', readFileSync(join(FORMATS, 'shangwu-2020.docx'))), await readReportBytes('b.docx', readFileSync(join(FORMATS, 'shangwu-2020.docx'))));
    } finally { patient.close(); }
  });
});

describe('hostile input: folders with symbolic links', function () {
  this.timeout(60_000);
  const dir = tmp();
  const report = join(dir, 'r.txt');
  before(() => {
    // two links back to the folder itself (one from a folder inside it), and one to the report
    writeFileSync(report, loadReport('001_205104d3919f452a'));
    symlinkSync('.', join(dir, 'self'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'r.txt'), join(dir, 'also-r.txt'));
  });
  const checked = (stdout: string) => json(stdout).files.map((f) => f.path);

  it('links to folders are not followed by default; a link to a file is the same file: each report checked once', () => {
    const r = run(['check', '--format', 'json', dir]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(checked(r.stdout), [report]);
  });

  it('--follow follows them, and a folder already searched (by what it is, not its name) is not searched again', () => {
    const r = run(['check', '--follow', '--format', 'json', dir]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.deepEqual(checked(r.stdout), [report]);
  });

  it('a folder with only links to folders says so', () => {
    const only = tmp();
    symlinkSync(dir, join(only, 'elsewhere'));
    const r = run(['check', only]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no report files found \(1 symbolic link\(s\) to folders not followed; use --follow\)/);
    const f = run(['check', '--follow', '--format', 'json', only]);
    assert.deepEqual(checked(f.stdout), [join(only, 'elsewhere', 'r.txt')]);
  });

  it('a link to nothing is listed as not checked', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), loadReport('001_205104d3919f452a'));
    symlinkSync(join(d, 'gone.txt'), join(d, 'b.txt'));
    const r = run(['check', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /b\.txt: not checked: a symbolic link to nothing/);
    assert.match(r.stdout, / in 1 file\(s\)/);
  });
});

describe('hostile input: standard input without end', function () {
  this.timeout(120_000);

  for (const [what, input] of [['< /dev/zero', '< /dev/zero'], ['a pipe that never ends (yes)', 'yes 一、总体情况']] as const) {
    it(`${what}: the 64 MiB limit of a file, exit 2, bounded memory`, async () => {
      const r = await measure([BIN, 'check', '-'], input);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /<stdin>: standard input too large \(more than 64 MiB, the limit for a file\)/);
      assert.ok(r.maxRssMiB < BOUND_MIB, `${r.maxRssMiB} MiB`);
    });
  }
});

describe('hostile input: a PDF of 20,000 pages', function () {
  this.timeout(120_000);
  const dir = tmp();

  it('a generated PDF of three pages is read (the generator makes real PDFs)', () => {
    const p = join(dir, 'three.pdf');
    writeFileSync(p, pdfOfPages(3));
    const r = run(['format', p]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Page 1 of the report\nPage 2 of the report\nPage 3 of the report\n');
  });

  it('refused by its page count (more than 500) as soon as it is opened: exit 2, the reason, bounded memory', async () => {
    const p = join(dir, 'long.pdf');
    writeFileSync(p, pdfOfPages(20_000));
    const r = await measure([BIN, 'check', p]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /long\.pdf: the PDF has 20000 pages; a report has fewer than 100, and more than 500 are not read/);
    assert.ok(r.maxRssMiB < BOUND_MIB + 100, `${r.maxRssMiB} MiB`);
  });
});

describe('hostile input: HTML nested thousands of levels deep', function () {
  this.timeout(120_000);
  const page = readFileSync(join(FORMATS, 'huaian-2024.html'), 'utf8');
  const body = page.slice(page.indexOf('<body'), page.lastIndexOf('</body>'));
  const nested = (open: string, close: string, n: number) => `<html><body>${open.repeat(n)}${body}${close.repeat(n)}</body></html>`;

  it('6,000 nested blocks, and 2,000 nested layout tables (6,000 elements): the report inside is read as when it is not nested', () => {
    const plain = htmlToText(page);
    assert.ok(plain.includes('规章\t1\t0\t11'));
    assert.equal(htmlToText(nested('<div>', '</div>', 6000)), plain);
    assert.equal(htmlToText(nested('<table><tr><td>', '</td></tr></table>', 2000)), plain);
  });

  it('nianbao check on the nested page gives the findings of the page itself', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plain.html'), page);
    writeFileSync(join(dir, 'deep.html'), nested('<div><section>', '</section></div>', 3000));
    const a = run(['check', '--format', 'json', join(dir, 'plain.html')]), b = run(['check', '--format', 'json', join(dir, 'deep.html')]);
    assert.equal(b.stderr, '');
    assert.equal(b.status, a.status);
    assert.deepEqual(keys(b.stdout), keys(a.stdout));
  });

  it('nested past what can be parsed in a few seconds (200,000 levels): exit 2, the reason, bounded memory', async () => {
    const dir = tmp();
    const p = join(dir, 'abyss.html');
    writeFileSync(p, nested('<div>', '</div>', 200_000));
    const r = await measure([BIN, 'check', p]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /abyss\.html: the web page nests its elements too deeply to be read/);
    assert.ok(r.maxRssMiB < BOUND_MIB, `${r.maxRssMiB} MiB`);
  });
});

describe('hostile input: bytes that are not characters', function () {
  this.timeout(60_000);
  // a report whose tables `format` rewrites (cells one per line between |)
  const source = loadReport('002_b67df828cb4a1735');

  it('a UTF-8 file cut inside its last character: checked, and said with where (exit 2)', () => {
    const dir = tmp();
    const p = join(dir, 'cut.txt');
    const bytes = Buffer.from(source + '完');
    writeFileSync(p, bytes.subarray(0, bytes.length - 1));
    const r = run(['check', p]);
    assert.equal(r.status, 2);
    const lines = source.split('\n');
    assert.match(r.stderr, new RegExp(`cut\\.txt: the file ends inside a character at line ${lines.length}, column ${[...lines[lines.length - 1]].length + 1} \\(byte ${Buffer.byteLength(source)}\\), read as U\\+FFFD`));
    assert.match(r.stdout, / in 1 file\(s\)/);
  });

  it('format --write never rewrites a file with invalid bytes (they would become U+FFFD); the same file without them is rewritten', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.txt'), good = join(dir, 'good.txt');
    const at = source.indexOf('二、');
    const damaged = Buffer.concat([Buffer.from(source.slice(0, at)), Buffer.from([0xff, 0xfe]), Buffer.from(source.slice(at))]);
    writeFileSync(bad, damaged);
    writeFileSync(good, source);
    const r = run(['format', '--write', bad, good]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /bad\.txt: invalid UTF-8 bytes in 2 places, the first at line \d+, column 1 \(byte \d+\), read as U\+FFFD; not rewritten \(those bytes would be lost\)/);
    assert.ok(readFileSync(bad).equals(damaged), 'the damaged file is unchanged, byte for byte');
    assert.notEqual(readFileSync(good, 'utf8'), source, 'the tables of the same report without the bad bytes were rewritten');
  });

  it('UTF-16 with an odd number of bytes, an unpaired surrogate, UTF-32 code points past U+10FFFF: read and said', () => {
    const text = '一、总体情况\n本年新收申请 12 件。\n';
    const cases: [Buffer, RegExp][] = [
      [Buffer.concat([encodeText(text, 'utf-16le', true), Buffer.from([0x41])]), /ends inside a UTF-16 character/],
      [Buffer.concat([encodeText(text, 'utf-16le', true), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), /unpaired UTF-16 surrogate/],
      [Buffer.concat([encodeText(text, 'utf-32le', false), Buffer.from([0, 0, 0x11, 0])]), /not a UTF-32 character at byte \d+/],
    ];
    for (const [bytes, said] of cases) {
      const r = decodeText(bytes);
      assert.ok(r.ok && r.damaged && said.test(r.damaged), JSON.stringify(r));
      assert.ok(r.ok && r.text.startsWith(text));
    }
  });
});

describe('hostile input: UTF-32, and UTF-16 without a BOM and without ASCII', function () {
  this.timeout(60_000);
  const source = loadReport('001_205104d3919f452a');
  // the report with every ASCII character but the line break in its full-width form: UTF-16 with very few NUL bytes
  const wide = source.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

  it('detected and decoded exactly', () => {
    const cases: [string, string, Buffer][] = [
      ['utf-32le', source, encodeText(source, 'utf-32le', false)], ['utf-32be', source, encodeText(source, 'utf-32be', false)],
      ['utf-32le', source, encodeText(source, 'utf-32le', true)], ['utf-32be', source, encodeText(source, 'utf-32be', true)],
      ['utf-16le', wide, encodeText(wide, 'utf-16le', false)], ['utf-16be', wide, encodeText(wide, 'utf-16be', false)],
      ['utf-16le', wide.replace(/\n/g, ''), encodeText(wide.replace(/\n/g, ''), 'utf-16le', false)],
      ['utf-16be', wide.replace(/\n/g, ''), encodeText(wide.replace(/\n/g, ''), 'utf-16be', false)],
    ];
    for (const [enc, text, bytes] of cases) {
      const r = decodeText(bytes);
      assert.ok(r.ok, `${enc}: ${!r.ok && r.reason}`);
      assert.equal(r.encoding, enc);
      assert.equal(r.text, text, enc);
      assert.equal(r.damaged, undefined);
    }
    // and what is not one of them stays what it is: UTF-8, GBK
    assert.equal((decodeText(Buffer.from(wide)) as { encoding: string }).encoding, 'utf-8');
    assert.equal((decodeText(iconv.encode(wide, 'gbk')) as { encoding: string }).encoding, 'gb18030');
  });

  it('nianbao check finds in them what it finds in the UTF-8 file (never garbage, never "binary")', () => {
    const dir = tmp();
    const files: [string, Buffer][] = [['utf8.txt', Buffer.from(source)], ['u32le.txt', encodeText(source, 'utf-32le', false)],
      ['u32be-bom.txt', encodeText(source, 'utf-32be', true)], ['wide-utf8.txt', Buffer.from(wide)], ['wide-u16le.txt', encodeText(wide, 'utf-16le', false)],
      ['wide-u16be.txt', encodeText(wide, 'utf-16be', false)]];
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    const k = (name: string) => {
      const r = run(['check', '--format', 'json', join(dir, name)]);
      assert.equal(r.stderr, '', name);
      return keys(r.stdout);
    };
    assert.deepEqual(k('u32le.txt'), k('utf8.txt'));
    assert.deepEqual(k('u32be-bom.txt'), k('utf8.txt'));
    assert.deepEqual(k('wide-u16le.txt'), k('wide-utf8.txt'));
    assert.deepEqual(k('wide-u16be.txt'), k('wide-utf8.txt'));
  });

  it('format --write keeps a UTF-32 file UTF-32 (and its BOM)', () => {
    const dir = tmp();
    const p = join(dir, 'u32.txt');
    const report = loadReport('002_b67df828cb4a1735');
    writeFileSync(p, encodeText(report, 'utf-32le', true));
    const r = run(['format', '--write', p]);
    assert.equal(r.status, 0, r.stderr);
    const back = decodeText(readFileSync(p));
    assert.ok(back.ok && back.encoding === 'utf-32le' && back.bom && back.text !== report);
    assert.equal(back.ok && back.text, run(['format', join(FIXTURES, 'reports', '002_b67df828cb4a1735.txt')]).stdout);
  });
});

describe('hostile input: empty files and empty standard input', () => {
  it('exit 2, "empty file"', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '\ufeff \n\t\r\n\u3000\n');
    writeFileSync(join(dir, 'empty.html'), '<html><body><p> </p></body></html>');
    const r = run(['check', join(dir, 'empty.txt'), join(dir, 'blank.txt'), join(dir, 'empty.html')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /empty\.txt: empty file\n/);
    assert.match(r.stderr, /blank\.txt: empty file \(nothing but white space\)/);
    assert.match(r.stderr, /empty\.html: the web page has no text/);
    const s = run(['check', '-'], '');
    assert.equal(s.status, 2);
    assert.match(s.stderr, /<stdin>: empty file/);
  });
});

describe('hostile input: what a folder check did not check', () => {
  it('.doc, .wps and other documents that are not read are listed with the reason; exit 2; the reports are checked', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.txt'), loadReport('001_205104d3919f452a'));
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'wps.wps'), Buffer.from('not really'));
    writeFileSync(join(dir, 'rich.rtf'), '{\\rtf1 hello}');
    writeFileSync(join(dir, 'page.doc'), '<html><body><p>一、总体情况</p></body></html>'); // a web page saved as .doc is read
    writeFileSync(join(dir, 'notes.md'), '# notes'); // not a report document: not listed
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /old\.doc: an old binary Office file \(\.doc\/\.wps\/\.xls\), which cannot be read/);
    assert.match(r.stderr, /wps\.wps: an old Word\/WPS file, which cannot be read/);
    assert.match(r.stderr, /rich\.rtf: an RTF file, which cannot be read/);
    assert.doesNotMatch(r.stderr, /notes\.md|page\.doc/);
    assert.deepEqual(json(r.stdout).files.map((f) => f.path.split('/').pop()), ['page.doc', 'report.txt']);
  });
});

describe('hostile input: the reasons in Chinese', function () {
  this.timeout(60_000);

  it('nianbao check prints every reason the readers give in Chinese when its locale is zh-CN (the default), as it does its findings', async () => {
    // the reasons as the readers give them, for inputs of every kind of trouble
    const reasons: string[] = [];
    const refuse = async (name: string, bytes: Uint8Array) => {
      const r = await readReportBytes(name, bytes);
      assert.ok(!r.ok, name);
      reasons.push(r.reason);
    };
    await refuse('a.txt', Buffer.alloc(0));
    await refuse('a.txt', Buffer.from(' \n'));
    await refuse('a.html', Buffer.from('<p> </p>'));
    await refuse('a.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    await refuse('a.txt', Buffer.from([0x41, 0x80, 0xff, 0x81, 0x20, 0xfe]));
    await refuse('a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await refuse('a.wps', Buffer.from('x'));
    await refuse('a.rtf', Buffer.from('{\\rtf1 x}'));
    await refuse('a.pdf', Buffer.from('x'));
    await refuse('a.docx', Buffer.from('x'));
    await refuse('a.zip', Buffer.from('PK\x03\x04 some/file.txt'));
    await refuse('a.xlsx', Buffer.from('PK\x03\x04 xl/workbook.xml'));
    await refuse('a.docx', docxOf({ deflated: bombStream(64), size: 64 * 1048576 }));
    await refuse('a.docx', docxOf({ deflated: bombStream(2), size: 1000 }));
    await refuse('a.pdf', pdfOfPages(501));
    await refuse('a.html', Buffer.from('<b>'.repeat(60_000)));
    const stopped = await new IsolatedReader({ timeoutMs: 1 }).read('a.pdf', pdfOfPages(1));
    assert.ok(!stopped.ok);
    reasons.push(stopped.reason);
    for (const bytes of [Buffer.concat([Buffer.from('一、总体情况\n'), Buffer.from([0xe5, 0xb9])]), Buffer.concat([Buffer.from('一、总体情况'), Buffer.from([0xff]), Buffer.from('本年新收申请 12 件。'.repeat(20))]),
      Buffer.concat([encodeText('一、总体情况', 'utf-16le', true), Buffer.from([0x41])]), Buffer.concat([encodeText('一、总体情况\n本年新收申请 12 件。\n', 'utf-32le', false), Buffer.from([0, 0, 0x11, 0])])]) {
      const d = decodeText(bytes);
      assert.ok(d.ok && d.damaged, JSON.stringify(d));
      reasons.push(d.damaged!);
    }
    const { reasonText } = await import('../../server/src/cli/messages');
    for (const reason of reasons) {
      const zh = reasonText(reason, 'zh-CN');
      // translated: no English words left but names (Word, PDF, UTF-8, MiB, .docx, file names…)
      const names = /Word|WPS|Office|PowerPoint|OpenDocument|Excel|pdf\.js|PDF|OCR|OFD|RTF|ZIP|XML|NUL|UTF-\d+|GB18030|GBK|MiB|MB|zip|U\+FFFD|%PDF-|[\w-]*\/[\w./-]+|\.[a-z]{2,4}\b/g;
      assert.doesNotMatch(zh.replace(names, ''), /[a-z]{3,}/i, `${reason} → ${zh}`);
      assert.equal(reasonText(reason, 'en'), reason);
    }
    assert.ok(reasons.length >= 20);
    // and through the command line, with the path kept
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run(['check', join(dir, 'empty.txt'), '-'], '', { ...process.env, LC_ALL: 'zh_CN.UTF-8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /empty\.txt: 空文件\n/);
    assert.match(r.stderr, /<stdin>: 空文件\n/);
    const en = run(['check', '--locale', 'en', join(dir, 'empty.txt')]);
    assert.match(en.stderr, /empty\.txt: empty file\n/);
  });
});
