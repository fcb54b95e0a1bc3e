// The server side of the editor's features (issue 22 and the editor rows of issue 25): recognition by content, the
// checked text of Word/PDF files and its read-only view, check workspace on those files, the placeholder rule and
// the new-report skeleton, the fee completion, table-balance's messages and the cell it names, the code lens's
// place, add to dictionary (words only), fix all grouped by rule with change annotations, the preview's operands of
// a holding total, and `nianbao text`.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotatedTextEdit, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { checkReport, parseReport, RULES, type Finding } from '../../server/src/core';
import { culpritOf } from '../../server/src/core/rules/table-balance';
import { placeholderSpans } from '../../server/src/core/rules/placeholder';
import { readReportBytes, readReportFile } from '../../server/src/io';
import { dictionaryWord, fixAllGroups, groupedWorkspaceEdit } from '../../server/src/lsp/codeActions';
import { provideCodeLenses, tableLensOffset } from '../../server/src/lsp/codeLens';
import { provideCompletion } from '../../server/src/lsp/completion';
import type { CheckFilesResult, FixableResult, ReadTextResult, RecognizeResult } from '../../server/src/lsp/protocol';
import { readText, sourceUri } from '../../server/src/lsp/readText';
import { recognizeText } from '../../server/src/lsp/recognize';
import { reportSkeleton } from '../../server/src/lsp/skeleton';
import { tableViewOf, viewCells } from '../../server/src/lsp/tableView';
import { applyEdits, FIXTURES, loadReport, reportNames, ROOT } from './helpers';
import { TestClient } from './lspClient';

const docOf = (text: string, uri = 'file:///r.txt') => TextDocument.create(uri, 'nianbao', 1, text);
const CORPUS = path.join(FIXTURES, 'corpus');
const FORMATS = path.join(FIXTURES, 'formats');
const SEED001 = loadReport('001_205104d3919f452a');
const NEW_ROW = '一、本年新收政府信息公开申请数量\t\t78\t0\t0\t0\t0\t0\t78';

/** Markdown files of the repository: pages that quote titles, headings and rows of the template, and are no reports. */
function docsPages(): string[] {
  const out = ['README.md', 'CHANGELOG.md', path.join('docs', 'dev', 'rules.md')];
  for (const f of fs.readdirSync(path.join(ROOT, 'docs', 'rules'))) out.push(path.join('docs', 'rules', f));
  return out.map((f) => path.join(ROOT, f));
}

describe('editor: recognition by content (nianbao/recognize)', () => {
  it('every fixture report, corpus report and the new-report skeleton reads as a report', () => {
    const texts: [string, string][] = reportNames().map((n) => [n, loadReport(n)]);
    for (const f of fs.readdirSync(CORPUS).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md')) texts.push([f, fs.readFileSync(path.join(CORPUS, f), 'utf8')]);
    texts.push(['skeleton', reportSkeleton(2024, '某某市某某局')]);
    assert.ok(texts.length >= 13, `${texts.length} texts`);
    for (const [name, text] of texts) assert.ok(recognizeText(text).report, `${name}: ${JSON.stringify(recognizeText(text))}`);
  });

  it('a title wrapped over lines after blank lines and a breadcrumb, with tables: a report', () => {
    const body = SEED001.slice(SEED001.indexOf('\n') + 1);
    const wrapped = `\n\n首页 > 政务公开 > 政府信息公开年报\n灤河回族区人民政府\n2023 年政府信息公开工作年度\n报告\n${body}`;
    const r = recognizeText(wrapped);
    assert.ok(r.report && r.tables >= 2 && r.sections >= 5, JSON.stringify(r));
  });

  it('pages that quote the template (the rule pages, README, CHANGELOG) are not reports; nor are empty, binary or huge texts', () => {
    const pages = docsPages();
    assert.ok(pages.length >= 28, `${pages.length} pages`);
    for (const f of pages) {
      const r: RecognizeResult = recognizeText(fs.readFileSync(f, 'utf8'));
      assert.strictEqual(r.report, false, `${path.relative(ROOT, f)}: ${JSON.stringify(r)}`);
    }
    // the six headings alone (a page listing them) are not a report
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].join('\n\n');
    assert.strictEqual(recognizeText(headings).report, false);
    assert.strictEqual(recognizeText('').report, false);
    assert.strictEqual(recognizeText('\u0000\u0001' + SEED001).report, false);
    assert.strictEqual(recognizeText(SEED001.repeat(Math.ceil(4.5 * 1024 * 1024 / SEED001.length))).report, false);
  });

  it('one table of a report, without title or headings, is not enough; with its section heading and the title it is', () => {
    const t3 = parseReport(SEED001).tables.t3!;
    const table = SEED001.slice(t3.start, t3.end);
    assert.strictEqual(recognizeText(table).report, false);
    const title = parseReport(SEED001).title!.text;
    assert.ok(recognizeText(`${title}\n\n三、收到和处理政府信息公开申请情况\n${table}`).report);
  });
});

describe('editor: the checked text of Word/PDF/HTML files', () => {
  const read = (name: string, bytes: Uint8Array) => readReportBytes(name, bytes);

  it('readText gives the text nianbao check reads (tables not rewritten), and a reason for a file it cannot read', async () => {
    let n = 0;
    for (const f of ['huaian-2024.docx', 'huaian-2024.pdf', 'huaian-2024.html', 'shangwu-2020.docx']) {
      const file = path.join(FORMATS, f);
      const res = await readText({ name: f, data: fs.readFileSync(file).toString('base64') }, read);
      const cli = await readReportFile(file);
      assert.ok(res.ok && cli.ok, f);
      assert.strictEqual(res.text, cli.text, `${f}: the same text as the CLI checks`);
      n++;
    }
    assert.strictEqual(n, 4);
    const doc = await readText({ name: 'old.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64') }, read);
    assert.ok(!doc.ok && /Word|WPS|Office/.test(doc.reason), JSON.stringify(doc));
    assert.deepStrictEqual(await readText({ name: 'x.pdf', data: '' }, read), { ok: false, reason: 'the file is empty' });
    assert.strictEqual((await readText(undefined, read)).ok, false);
  });

  it('the read-only view nianbao-text:<path>?<uri> stands for its file (whose folder config applies); other uris for themselves', () => {
    const source = 'file:///ws/%E6%8A%A5%E5%91%8A.docx';
    assert.strictEqual(sourceUri(`nianbao-text:/ws/%E6%8A%A5%E5%91%8A.docx?${encodeURIComponent(source)}`), source);
    assert.strictEqual(sourceUri('file:///ws/a.txt'), 'file:///ws/a.txt');
    assert.strictEqual(sourceUri('nianbao-text:/ws/a.docx'), 'nianbao-text:/ws/a.docx');
    assert.strictEqual(sourceUri('nianbao-text:/ws/a.docx?%E0%A4%A'), 'nianbao-text:/ws/a.docx?%E0%A4%A', 'a broken query is not decoded');
  });

  it('`nianbao text FILE` prints exactly what check reads: the positions of check --format json are in it, not in format\'s output', function () {
    this.timeout(60_000);
    const cli = path.join(ROOT, 'bin', 'nianbao.js');
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
    const file = path.join(FORMATS, 'huaian-2024.pdf');
    const text = execFileSync(process.execPath, [cli, 'text', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const formatted = execFileSync(process.execPath, [cli, 'format', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.notStrictEqual(text, formatted, 'format rewrites the tables of this PDF (its lines differ)');
    let json: { files: { diagnostics: { rule: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] };
    try {
      json = JSON.parse(execFileSync(process.execPath, [cli, 'check', '--format', 'json', '--no-config', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    } catch (e) {
      json = JSON.parse((e as { stdout: string }).stdout); // exit 1: errors found
    }
    const doc = docOf(text);
    const engine = checkReport(text).findings;
    const diags = json.files[0].diagnostics;
    assert.ok(diags.length > 0, 'the PDF has findings');
    for (const d of diags) {
      const start = doc.offsetAt(d.range.start), end = doc.offsetAt(d.range.end);
      assert.ok(engine.some((f) => f.rule === d.rule && f.start === start && f.end === end), `${d.rule} at ${d.range.start.line}:${d.range.start.character} is a finding of the printed text`);
    }
    assert.strictEqual(execFileSync(process.execPath, [cli, 'help', 'text'], { encoding: 'utf8' }).includes('exactly as `nianbao check` reads'), true);
    assert.match(execFileSync(process.execPath, [cli, 'check', '--help'], { encoding: 'utf8' }), /`nianbao text FILE` prints exactly/);
  });
});

describe('editor: check workspace and recognition over the protocol (dist/server.js)', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-editor-'));
    ({ client } = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }], settings: { debounceMs: 0 }, changeAnnotations: true }));
  });
  after(async () => { await client?.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('a .docx is read by the server and its findings published on the view of its text, where `nianbao text` puts them', async () => {
    const docx = path.join(dir, '淮安2024.docx');
    fs.copyFileSync(path.join(FORMATS, 'huaian-2024.docx'), docx);
    const view = `nianbao-text:${pathToFileURL(docx).pathname}?${encodeURIComponent(pathToFileURL(docx).toString())}`;
    const since = client.mark();
    const res = await client.request<CheckFilesResult>('nianbao/checkFiles', { files: [{ uri: view, name: '淮安2024.docx', data: fs.readFileSync(docx).toString('base64'), requireReport: true }] });
    assert.deepStrictEqual(res.files.map((f) => [f.uri, f.report, f.template]), [[view, true, '2021']]);
    const pub: PublishDiagnosticsParams = await client.diagnostics(view, undefined, since);
    const read = await readReportFile(docx);
    assert.ok(read.ok);
    const expected = checkReport(read.text).findings;
    assert.strictEqual(pub.diagnostics.length, expected.length);
    const doc = docOf(read.text);
    for (const d of pub.diagnostics) assert.ok(expected.some((f) => f.rule === d.code && f.start === doc.offsetAt(d.range.start) && f.end === doc.offsetAt(d.range.end)), `${String(d.code)} placed as in the checked text`);
    // opening the view (a click in the Problems panel) gives the same findings for the open document
    const s2 = client.mark();
    await client.open(view, read.text, 1);
    const open = await client.diagnostics(view, 1, s2);
    assert.deepStrictEqual(open.diagnostics.map((d) => [d.code, d.range]), pub.diagnostics.map((d) => [d.code, d.range]));
    // readText gives the view's text
    const rt = await client.request<ReadTextResult>('nianbao/readText', { name: '淮安2024.docx', data: fs.readFileSync(docx).toString('base64') });
    assert.ok(rt.ok && rt.text === read.text);
  });

  it('a file chosen by its content that does not read as a report is left out; one named as a report is checked; an unreadable one is named', async () => {
    const notice = '关于做好2024年政府信息公开工作的通知\n各单位：请做好政府信息公开工作。\n';
    const since = client.mark();
    const res = await client.request<CheckFilesResult>('nianbao/checkFiles', { files: [
      { uri: pathToFileURL(path.join(dir, 'notice.txt')).toString(), text: notice, requireReport: true },
      { uri: pathToFileURL(path.join(dir, 'seed001.txt')).toString(), text: SEED001, requireReport: true },
      { uri: pathToFileURL(path.join(dir, '某局2024年度报告.txt')).toString(), text: notice },
      { uri: 'nianbao-text:/x/old.pdf?file%3A%2F%2F%2Fx%2Fold.pdf', name: 'old.pdf', data: Buffer.from('not a pdf').toString('base64') },
    ] });
    assert.deepStrictEqual(res.files.map((f) => [path.posix.basename(decodeURIComponent(f.uri)), f.report]), [['notice.txt', false], ['seed001.txt', true], ['某局2024年度报告.txt', true]]);
    assert.strictEqual(res.unread?.length, 1);
    assert.match(res.unread![0].reason, /PDF/);
    await client.diagnostics(pathToFileURL(path.join(dir, 'seed001.txt')).toString(), undefined, since);
    assert.ok(!client.notifications.slice(since).some((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri.endsWith('notice.txt')), 'nothing published for the notice');
  });

  it('nianbao/recognize answers from the parse', async () => {
    assert.strictEqual((await client.request<RecognizeResult>('nianbao/recognize', { text: SEED001 })).report, true);
    assert.strictEqual((await client.request<RecognizeResult>('nianbao/recognize', { text: fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8') })).report, false);
    assert.strictEqual((await client.request<RecognizeResult>('nianbao/recognize', null)).report, false);
  });

  it('fix all: per rule or every rule, each rule\'s edits under an annotation that needs confirmation; nianbao/fixable counts them', async () => {
    const uri = pathToFileURL(path.join(dir, '灤河2023年度报告.txt')).toString();
    const text = SEED001.replace('政府信息公开工作', '政府信息公开工作').replace(/，/g, (m, i: number) => (i % 3 === 0 ? ',' : m));
    const since = client.mark();
    await client.open(uri, text, 1);
    await client.diagnostics(uri, 1, since);
    const fixable = await client.request<FixableResult>('nianbao/fixable', { uri });
    assert.ok(fixable.all > 0 && fixable.rules.length > 0, JSON.stringify(fixable));
    const before = client.appliedEdits.length;
    const n = await client.request<number>('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri, version: 1 }] });
    assert.strictEqual(n, fixable.all);
    const applied = client.appliedEdits.slice(before);
    assert.strictEqual(applied.length, 1);
    const edit = applied[0].edit;
    const annotations = edit.changeAnnotations ?? {};
    const edits = (edit.documentChanges as TextDocumentEdit[])[0].edits as AnnotatedTextEdit[];
    assert.strictEqual(edits.length, n);
    assert.ok(edits.every((e) => annotations[e.annotationId]?.needsConfirmation === true), 'every edit needs confirmation');
    // one annotation per rule, named by the rule
    const ids = Object.keys(annotations);
    assert.ok(ids.length >= 1 && ids.every((id) => /^nianbao:[a-z-]+$/.test(id) && annotations[id].label.includes(id.slice(8))), ids.join());
    // one rule only, and without the preview
    const rule = fixable.rules[0];
    const m = await client.request<number>('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [{ uri, version: 1, rule: rule.rule, preview: false }] });
    assert.strictEqual(m, rule.edits);
    const plain = client.appliedEdits[client.appliedEdits.length - 1].edit;
    assert.strictEqual(plain.changeAnnotations, undefined);
  });
});

describe('editor: placeholder rule and the new-report skeleton', () => {
  it('reports each template placeholder of the skeleton by its text; fee-report still asks for the fee sentence', () => {
    const text = reportSkeleton(2024, '某某市某某局');
    const r = checkReport(text);
    const ph = r.findings.filter((f) => f.rule === 'placeholder');
    assert.deepStrictEqual(ph.map((f) => text.slice(f.start, f.end)), [
      '（文字描述：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况。）',
      '（文字描述：存在的主要问题及改进情况。）',
      '（文字描述，收取信息处理费情况在此处报告。）',
    ]);
    for (const f of ph) assert.ok(f.message.includes(text.slice(f.start, f.start + 6)), f.message);
    assert.strictEqual(ph.every((f) => f.severity === 'warning' && !f.fixes), true, 'alone on its line: no fix');
    assert.ok(r.findings.some((f) => f.rule === 'fee-report'), 'the placeholder naming 信息处理费 does not satisfy fee-report');
    const filled = text.replace('（文字描述，收取信息处理费情况在此处报告。）', '本年度未收取信息处理费。');
    assert.ok(!checkReport(filled).findings.some((f) => f.rule === 'fee-report'));
  });

  it('the notice\'s own forms and other templates\' are found; brackets that are not placeholders, and real reports, are silent', () => {
    assert.deepStrictEqual(placeholderSpans('（文字描述）\n(文字描述)\n【此处填写单位名称】\n（ 请填写 ）\n[待补充]').length, 5);
    assert.deepStrictEqual(placeholderSpans('（一）予以公开\n（文字说明见附件）\n（描述）\n【重要】\n（七）总计'), []);
    let n = 0;
    for (const name of reportNames()) { n++; assert.deepStrictEqual(checkReport(loadReport(name)).findings.filter((f) => f.rule === 'placeholder'), [], name); }
    for (const f of fs.readdirSync(CORPUS).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md')) { n++; assert.deepStrictEqual(checkReport(fs.readFileSync(path.join(CORPUS, f), 'utf8')).findings.filter((x) => x.rule === 'placeholder'), [], f); }
    assert.ok(n >= 13);
  });

  it('a placeholder beside written text can be removed by its fix', () => {
    const text = reportSkeleton(2024, '某局').replace('（文字描述：存在的主要问题及改进情况。）', '（文字描述：存在的主要问题及改进情况。）一是公开不够及时。');
    const f = checkReport(text).findings.find((x) => x.rule === 'placeholder' && text.slice(x.start, x.end).includes('存在的主要问题'))!;
    assert.strictEqual(f.fixes?.length, 1);
    assert.ok(applyEdits(text, f.fixes![0].edits).includes('\n一是公开不够及时。'));
  });

  it('completion in section 六 offers both fee wordings, neither preselected; not elsewhere', () => {
    const text = reportSkeleton(2024, '某局');
    const six = text.indexOf('（文字描述，收取信息处理费情况在此处报告。）');
    const at = text.indexOf('\n', six) + 1;
    const withLine = text.slice(0, at) + '\n' + text.slice(at);
    const items = provideCompletion(docOf(withLine), parseReport(withLine), at, 'zh-CN');
    const fee = items.filter((i) => /信息处理费/.test(i.label));
    assert.deepStrictEqual(fee.map((i) => i.label), ['本年度未收取信息处理费。', '本年度共收取信息处理费…元。']);
    assert.ok(fee.every((i) => !i.preselect));
    const five = text.indexOf('（文字描述：存在的主要问题');
    assert.ok(!provideCompletion(docOf(text), parseReport(text), five, 'zh-CN').some((i) => /信息处理费/.test(i.label)));
  });
});

describe('editor: table-balance says which relation and which cell', () => {
  // table-balance alone: the other rules would only slow the hundreds of checks below
  const ONLY_BALANCE = Object.fromEntries(RULES.filter((r) => r.id !== 'table-balance').map((r) => [r.id, 'off' as const]));
  const balance = (text: string) => checkReport(text, { severity: ONLY_BALANCE }).findings.filter((f) => f.rule === 'table-balance');

  it('本年新收 typed 178 for 78: both failing relations show their sides and name that cell with 78', () => {
    assert.ok(SEED001.includes(NEW_ROW));
    const text = SEED001.replace(NEW_ROW, NEW_ROW.replace('\t\t78', '\t\t178'));
    const fs2 = balance(text);
    assert.strictEqual(fs2.length, 2);
    const carry = fs2.find((f) => f.message.includes('第一项 + 第二项'))!;
    assert.ok(carry.message.includes('自然人列') && carry.message.includes('178 + 0 ≠ 71 + 7') && carry.message.includes('两边相差 100'), carry.message);
    for (const f of fs2) {
      assert.ok(f.message.includes('若“一、本年新收政府信息公开申请数量 / 自然人”为 78（现为 178），本表 2 处勾稽关系均成立'), f.message);
      assert.strictEqual(f.fixes?.length, 1, 'only the named cell\'s fix (setting a total would break the other relation)');
      const fixed = applyEdits(text, f.fixes![0].edits);
      assert.strictEqual(fixed, SEED001, 'the fix restores the report');
    }
    // expected and actual stay on the finding
    assert.deepStrictEqual([carry.expected, carry.actual], ['107', '7']);
  });

  it('never a negative 相差, and a named cell always makes its table balance, over every located cell of every fixture changed', () => {
    let changed = 0, named = 0;
    for (const name of reportNames()) {
      const text = loadReport(name);
      const model = parseReport(text);
      if (balance(text).length) continue; // only tables that balance to start with
      for (const id of ['t3', 't4'] as const) {
        const t = model.tables[id];
        for (const row of t?.rows ?? []) {
          for (const cell of row.cells) {
            if (!cell.value.num || cell.value.kind !== 'integer') continue;
            const mutated = text.slice(0, cell.start) + String(Number(cell.value.raw) + 10) + text.slice(cell.end);
            const found = balance(mutated);
            changed++;
            for (const f of found) {
              assert.ok(!/相差 -|difference -/.test(f.message), f.message);
              if (!f.message.includes('；若“')) continue;
              named++;
              // the one fix offered is the named cell's (the total's own when it is the one named)
              assert.strictEqual(f.fixes?.length, 1, f.message);
              assert.deepStrictEqual(balance(applyEdits(mutated, f.fixes![0].edits)), [], `${name} ${row.key}/${cell.colKey}: the named cell's fix balances the table`);
            }
          }
        }
      }
    }
    assert.ok(changed > 300 && named > 100, `${changed} cells changed, ${named} findings named a cell`);
  });

  it('culpritOf says nothing when two cells would do, or none', () => {
    const c = (n: number) => ({ start: n, end: n + 1, rowKey: 'r', colKey: String(n), value: { kind: 'integer' as const, raw: String(n), num: { units: BigInt(n), scale: 0 } } });
    const rel = { id: 'x', forEach: 'row' as const, target: 't', plus: ['a', 'b'], name: { 'zh-CN': '', en: '' } };
    const [t, a, b] = [c(5), c(1), c(2)];
    const failing = { rel, cells: [t, a, b], rows: [], plus: 2, expected: { units: 3n, scale: 0 }, holds: false };
    // one failing relation, no other: each of its three cells would do
    assert.strictEqual(culpritOf([failing]), undefined);
    // the total and a are in relations that hold: only b remains, asked to be 4
    const other = { rel, cells: [t, a], rows: [], plus: 1, expected: { units: 5n, scale: 0 }, holds: true };
    const got = culpritOf([failing, other]);
    assert.strictEqual(got?.cell, b);
    assert.strictEqual(got?.value.units, 4n);
  });
});

describe('editor: code lens, add to dictionary, preview operands', () => {
  it('each table\'s lens is on its section heading or above its first row, never between its rows; 表二 has one', () => {
    let n = 0;
    for (const name of reportNames()) {
      const text = loadReport(name);
      const r = checkReport(text);
      const doc = docOf(text);
      const lenses = provideCodeLenses(doc, r.model, r.findings, 'zh-CN');
      for (const id of ['t2', 't3', 't4'] as const) {
        const t = r.model.tables[id];
        if (!t || t.absent) continue;
        n++;
        const line = doc.positionAt(tableLensOffset(r.model, t)).line;
        assert.ok(lenses.some((l) => l.range.start.line === line), `${name} ${id}: a lens on line ${line}`);
        const firstRow = Math.min(...t.rows.filter((x) => x.labelMatch).map((x) => doc.positionAt(x.labelMatch!.start).line));
        const firstCell = Math.min(...t.rows.flatMap((x) => x.cells).map((c) => doc.positionAt(c.start).line));
        if (/\n/.test(text.slice(0, t.end))) assert.ok(line <= Math.min(firstRow, firstCell), `${name} ${id}: lens line ${line} is above the rows (${firstRow}, ${firstCell})`);
      }
      if (r.model.tables.t2 && !r.model.tables.t2.absent) assert.ok(lenses.some((l) => /^表二：已读出 \d+\/\d+ 行/.test(l.command!.title)), name);
    }
    assert.ok(n >= 20, `${n} tables`);
  });

  it('add to dictionary offers a word, never a lone character', () => {
    const text = '灤河回族区人民政府……灤河区各单位……依照办法贺申请人沟通';
    const at = (s: string, k = 0) => { let i = -1; for (let j = 0; j <= k; j++) i = text.indexOf(s, i + 1); return i; };
    assert.strictEqual(dictionaryWord(text, at('灤'), at('灤') + 1), '灤河');
    assert.strictEqual(dictionaryWord(text, at('贺'), at('贺') + 1), undefined);
    assert.strictEqual(dictionaryWord(text, at('回族区'), at('回族区') + 3), '回族区');
    assert.strictEqual(dictionaryWord(text, 0, 0), undefined);
  });

  it('fix-all groups are per rule; without change annotations the edit is a plain versioned one', () => {
    const text = SEED001.replace(/，/g, (m, i: number) => (i % 2 ? ',' : m));
    const r = checkReport(text);
    const groups = fixAllGroups(docOf(text), r.findings);
    assert.ok(groups.length >= 1 && new Set(groups.map((g) => g.rule)).size === groups.length);
    const plain = groupedWorkspaceEdit(docOf(text), groups, { documentChanges: true, changeAnnotations: false, locale: 'zh-CN' }, true);
    assert.strictEqual(plain.changeAnnotations, undefined);
    const annotated = groupedWorkspaceEdit(docOf(text), groups, { documentChanges: true, changeAnnotations: true, locale: 'zh-CN' }, true);
    assert.strictEqual(Object.keys(annotated.changeAnnotations!).length, groups.length);
  });

  it('the preview gives a holding total the cells it adds up, so the cursor outlines them', () => {
    const view = tableViewOf(SEED001);
    const total = viewCells(view).find((c) => c.id === 't3:new:total')!;
    assert.strictEqual(total.check, 'holds');
    assert.deepStrictEqual(total.operands, ['natural', 'business', 'research', 'public-interest', 'legal', 'other-org'].map((k) => `t3:new:${k}`));
    const carry = viewCells(view).find((c) => c.id === 't3:carry-forward:natural')!;
    assert.deepStrictEqual(carry.operands, ['t3:new:natural', 't3:carried-over:natural', 't3:handled-total:natural']);
    const plain: Finding[] = checkReport(SEED001).findings.filter((f) => f.rule === 'table-balance');
    assert.deepStrictEqual(plain, []);
  });
});
