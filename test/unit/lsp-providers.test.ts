// Unit tests of the language-server modules on in-memory text: no connection, no process.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver';
import { checkReport, formatReport, parseReport, type Finding } from '../../server/src/core';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { fixAllEdits, nonOverlapping, provideCodeActions } from '../../server/src/lsp/codeActions';
import { provideCodeLenses } from '../../server/src/lsp/codeLens';
import { provideCompletion } from '../../server/src/lsp/completion';
import { holdBack, ruleDocUri, toDiagnostic } from '../../server/src/lsp/diagnostics';
import { editedLines } from '../../server/src/lsp/documents';
import { provideFormatting } from '../../server/src/lsp/formatting';
import { evaluateRelations, provideHover } from '../../server/src/lsp/hover';
import { KeyedDebouncer, type Timers } from '../../server/src/lsp/scheduler';
import { addIgnoreEntry, globToRegExp, isIgnored, parseConfigFile } from '../../server/src/core';
import { normalizeSettings, resolveLocale } from '../../server/src/lsp/settings';
import { reportSkeleton } from '../../server/src/lsp/skeleton';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../../server/src/lsp/symbols';
import { DEFAULT_SETTINGS, type DiagnosticData } from '../../server/src/lsp/protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REPORTS = path.join(ROOT, 'test', 'fixtures', 'reports');
const report = (name: string) => fs.readFileSync(path.join(REPORTS, `${name}.txt`), 'utf8');
const allReports = () => fs.readdirSync(REPORTS).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
const docOf = (text: string, version = 1) => TextDocument.create('file:///w/r.txt', 'nianbao', version, text);

class FakeTimers implements Timers {
  time = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  setTimeout(fn: () => void, ms: number): unknown { const id = ++this.ids; this.queue.push({ at: this.time + ms, fn, id }); return id; }
  clearTimeout(h: unknown): void { this.queue = this.queue.filter((q) => q.id !== h); }
  now(): number { return this.time; }
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.queue.filter((q) => q.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.queue = this.queue.filter((q) => q !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = until;
  }
}

describe('lsp: settings and config file', () => {
  it('normalizes any client value into complete settings', () => {
    assert.deepStrictEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepStrictEqual(normalizeSettings('junk'), DEFAULT_SETTINGS);
    const s = normalizeSettings({ rules: { 'label-typo': 'off', 'blank-cell': 'bogus', 'missing-row': false }, run: 'onSave', debounceMs: -5, codeLens: 'yes', locale: 'en', maxFileSizeKB: 0 });
    assert.deepStrictEqual(s.rules, { 'label-typo': 'off', 'missing-row': 'off' });
    assert.strictEqual(s.run, 'onSave');
    assert.strictEqual(s.debounceMs, 0);
    assert.strictEqual(s.codeLens, true);
    assert.strictEqual(s.locale, 'en');
    assert.strictEqual(s.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
  });

  it('resolves the locale: setting first, then en* → en, everything else zh-CN', () => {
    assert.strictEqual(resolveLocale('auto', 'en-US'), 'en');
    assert.strictEqual(resolveLocale('auto', 'en'), 'en');
    assert.strictEqual(resolveLocale(undefined, 'zh-cn'), 'zh-CN');
    assert.strictEqual(resolveLocale('auto', 'de'), 'zh-CN');
    assert.strictEqual(resolveLocale('auto', undefined), 'zh-CN');
    assert.strictEqual(resolveLocale('zh-CN', 'en'), 'zh-CN');
    assert.strictEqual(resolveLocale('en', 'zh-cn'), 'en');
  });

  it('parses config files leniently and never throws', () => {
    assert.ok(parseConfigFile('{').error);
    assert.ok(parseConfigFile('[]').error);
    const c = parseConfigFile('\uFEFF{"rules":{"blank-cell":"hint"},"ignore":["label-typo",{"rule":"blank-cell","file":"a/*.txt"},{"x":1}],"words":["铜官区",3]}').config;
    assert.deepStrictEqual(c, { rules: { 'blank-cell': 'hint' }, ignore: [{ rule: 'label-typo' }, { rule: 'blank-cell', file: 'a/*.txt' }], words: ['铜官区'] });
  });

  it('matches ignore globs on workspace-relative paths', () => {
    assert.ok(globToRegExp('reports/*.txt').test('reports/a.txt'));
    assert.ok(!globToRegExp('reports/*.txt').test('reports/x/a.txt'));
    assert.ok(globToRegExp('**/*年报*.txt').test('a/b/2023年报.txt'));
    assert.ok(globToRegExp('**/*年报*.txt').test('2023年报.txt'));
    assert.ok(globToRegExp('a[1].txt').test('a[1].txt'));
    const entries = [{ rule: 'label-typo', file: 'reports/*.txt' }, { rule: 'blank-cell' }];
    assert.ok(isIgnored(entries, 'label-typo', 'reports/x.txt'));
    assert.ok(!isIgnored(entries, 'label-typo', 'other/x.txt'));
    assert.ok(!isIgnored(entries, 'label-typo', undefined));
    assert.ok(isIgnored(entries, 'blank-cell', undefined));
    assert.ok(isIgnored([{ rule: '*' }], 'anything', 'x'));
  });

  it('adds ignore entries idempotently, keeping the other keys; refuses to overwrite invalid JSON', () => {
    const a = addIgnoreEntry(undefined, { rule: 'label-typo', file: 'r.txt' });
    assert.deepStrictEqual(JSON.parse(a), { ignore: [{ rule: 'label-typo', file: 'r.txt' }] });
    const b = addIgnoreEntry('{"rules":{"blank-cell":"off"},"ignore":[{"rule":"label-typo","file":"r.txt"}]}', { rule: 'label-typo', file: 'r.txt' });
    assert.deepStrictEqual(JSON.parse(b), { rules: { 'blank-cell': 'off' }, ignore: [{ rule: 'label-typo', file: 'r.txt' }] });
    assert.throws(() => addIgnoreEntry('{oops', { rule: 'x' }));
  });
});

describe('lsp: scheduling', () => {
  it('debounces per key: an edit to one document never drops another document\'s run', () => {
    const timers = new FakeTimers();
    const d = new KeyedDebouncer(timers);
    const runs: string[] = [];
    d.schedule('a', 200, () => runs.push('a1'));
    timers.advance(100);
    d.schedule('b', 200, () => runs.push('b1'));
    d.schedule('a', 200, () => runs.push('a2'));
    timers.advance(150);
    assert.strictEqual(runs.length, 0);
    timers.advance(100);
    assert.deepStrictEqual(runs, ['b1', 'a2']);
    d.schedule('c', 0, () => runs.push('c-now'));
    assert.deepStrictEqual(runs, ['b1', 'a2', 'c-now']);
  });

  it('tracks the edited lines of incremental changes', () => {
    assert.deepStrictEqual(editedLines([{ range: { start: { line: 4, character: 1 }, end: { line: 4, character: 2 } }, text: 'x' }]), { firstLine: 4, lastLine: 4 });
    assert.deepStrictEqual(editedLines([{ range: { start: { line: 4, character: 1 }, end: { line: 6, character: 0 } }, text: 'a\nb\n' }]), { firstLine: 4, lastLine: 6 });
    assert.strictEqual(editedLines([{ text: 'whole' }]), undefined);
  });

  it('holds back findings touching the typed lines until the delay has passed', () => {
    const text = 'line0\nline1\nline2\nline3';
    const doc = docOf(text);
    const f = (start: number, end: number): Finding => ({ rule: 'r', severity: 'error', message: 'm', start, end });
    const findings = [f(0, 2), f(6, 8), f(12, 20), f(18, 19)];
    const typing = { firstLine: 1, lastLine: 1, at: 1000 };
    const r = holdBack(doc, findings, typing, 1500, 1500);
    assert.deepStrictEqual(r.visible.map((x) => x.start), [0, 12, 18]);
    assert.deepStrictEqual(r.held.map((x) => x.start), [6]);
    assert.strictEqual(r.heldUntil, 2500);
    // after the delay everything is visible
    assert.strictEqual(holdBack(doc, findings, typing, 2600, 1500).held.length, 0);
    // a multi-line finding that spans the typed line is held too
    assert.deepStrictEqual(holdBack(doc, [f(2, 14)], typing, 1200, 1500).held.length, 1);
    assert.strictEqual(holdBack(doc, findings, undefined, 0, 1500).visible.length, 4);
  });
});

describe('lsp: analysis cache', () => {
  it('parses once per document version, whatever the options', () => {
    const cache = new AnalysisCache();
    const text = report('003_b5a011f3d089b4ff');
    const doc = docOf(text, 1);
    const opts = { locale: 'zh-CN' as const, severity: {}, maxFileSizeKB: 2048 };
    const a = cache.analyze(doc, opts);
    assert.strictEqual(cache.analyze(doc, opts), a, 'same analysis object for same version + options');
    const en = cache.analyze(doc, { ...opts, locale: 'en' });
    assert.notStrictEqual(en, a);
    assert.strictEqual(en.model, a.model, 'model shared across options');
    cache.analyze(doc, { ...opts, severity: { 'label-typo': 'off' } });
    assert.strictEqual(cache.parses, 1);
    const doc2 = TextDocument.update(docOf(text, 1), [{ text: text + '\n' }], 2);
    cache.analyze(doc2, opts);
    assert.strictEqual(cache.parses, 2);
    const ign = cache.analyze(doc2, { ...opts, ignore: { rules: ['label-typo'] } });
    assert.ok(!ign.findings.some((x) => x.rule === 'label-typo'));
  });

  it('guards: too large, binary, and never throws on odd input', () => {
    const cache = new AnalysisCache();
    const big = cache.analyze(docOf('政'.repeat(2000)), { locale: 'en', severity: {}, maxFileSizeKB: 1 });
    assert.strictEqual(big.skipped?.reason, 'tooLarge');
    assert.ok(big.skipped?.message.includes('maxFileSizeKB'));
    const bin = cache.analyze(docOf('ab\u0000cd'), { locale: 'zh-CN', severity: {}, maxFileSizeKB: 100 });
    assert.strictEqual(bin.skipped?.reason, 'binary');
    for (const odd of ['', '\uD800', '\r\r\n\n', '一、\t|\t|', '\uFFFD'.repeat(5000)]) {
      const a = cache.analyze(docOf(odd), { locale: 'zh-CN', severity: {}, maxFileSizeKB: 100 });
      assert.ok(Array.isArray(a.findings));
    }
  });
});

describe('lsp: diagnostics', () => {
  it('converts findings with UTF-16 ranges, rule code, doc link, related info and fixes', () => {
    const text = '𠀀𠀀标题\n第二行 本年度止件数';
    const doc = docOf(text, 7);
    const start = text.indexOf('本年度止件数');
    const f: Finding = {
      rule: 'label-typo', severity: 'warning', message: 'm', start, end: start + 6,
      related: [{ start: 0, end: 2, message: 'rel' }],
      fixes: [{ title: 'fix', edits: [{ start: start + 2, end: start + 3, newText: '废' }], preferred: true }],
    };
    const d = toDiagnostic(doc, f, '/pkg');
    assert.deepStrictEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } });
    assert.strictEqual(d.code, 'label-typo');
    assert.strictEqual(d.source, 'nianbao');
    assert.strictEqual(d.severity, 2);
    assert.strictEqual(d.codeDescription?.href, ruleDocUri('/pkg', 'label-typo'));
    assert.ok(d.codeDescription!.href.endsWith('/pkg/docs/rules/label-typo.md'));
    assert.deepStrictEqual(d.relatedInformation?.[0].location.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    const data = d.data as DiagnosticData;
    assert.strictEqual(data.version, 7);
    assert.deepStrictEqual(data.fixes[0].edits[0].range, { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } });
  });
});

describe('lsp: code actions', () => {
  const fix = (start: number, end: number, preferred = true) => ({ title: `${start}`, edits: [{ start, end, newText: 'x' }], preferred });

  it('keeps only non-overlapping fixes, earlier first', () => {
    const kept = nonOverlapping([fix(0, 5), fix(3, 8), fix(5, 6), fix(5, 5), fix(10, 10), fix(10, 10)]);
    assert.deepStrictEqual(kept.map((f) => f.title), ['0', '5', '10']);
  });

  it('quick fixes from Diagnostic.data, fix-all of a rule, fixAll source action, ignore actions; honours context.only', () => {
    const text = report('000_3d3a2a252aa442c3');
    const doc = docOf(text, 3);
    const { findings } = checkReport(text);
    const typos = findings.filter((f) => f.rule === 'label-typo');
    assert.ok(typos.length >= 2);
    const diags: Diagnostic[] = typos.map((f) => toDiagnostic(doc, f, '/pkg'));
    const env = { locale: 'zh-CN' as const, documentChanges: true, configFile: '.nianbao.json', inWorkspaceFolder: true };
    const actions = provideCodeActions(doc, findings, { diagnostics: [diags[0]] }, env);
    const quick = actions.filter((a) => a.edit);
    assert.ok(quick.some((a) => a.isPreferred));
    assert.ok(actions.some((a) => a.title.includes('修复本文件中所有')), 'fix all of this rule');
    assert.ok(actions.some((a) => a.command?.command === 'nianbao.server.ignoreRule'));
    for (const a of quick) {
      const dc = a.edit!.documentChanges![0] as { textDocument: { version: number } };
      assert.strictEqual(dc.textDocument.version, 3);
    }
    // only: source.fixAll → just the fixAll action
    const only = provideCodeActions(doc, findings, { diagnostics: [], only: ['source.fixAll'] }, env);
    assert.deepStrictEqual(only.map((a) => a.kind), ['source.fixAll.nianbao']);
    assert.deepStrictEqual(provideCodeActions(doc, findings, { diagnostics: diags, only: ['refactor'] }, env), []);
    // no config file (untrusted / no folder): no ignore actions
    assert.ok(!provideCodeActions(doc, findings, { diagnostics: [diags[0]] }, { ...env, configFile: undefined }).some((a) => a.command));
    // stale Diagnostic.data (older version) falls back to the current findings by exact range
    const stale = { ...diags[0], data: { version: 1, fixes: [] } };
    assert.ok(provideCodeActions(doc, findings, { diagnostics: [stale] }, env).some((a) => a.isPreferred));
  });

  it('applying source.fixAll leaves no preferred fix behind on every fixture', () => {
    for (const name of allReports()) {
      const text = report(name);
      const doc = docOf(text);
      const { findings } = checkReport(text);
      const edits = fixAllEdits(doc, findings);
      const fixed = TextDocument.applyEdits(doc, edits);
      const again = checkReport(fixed).findings.filter((f) => f.fixes?.some((x) => x.preferred));
      assert.strictEqual(again.length, 0, `${name}: ${again.map((f) => f.rule).join(',')}`);
    }
  });
});

describe('lsp: outline and folding', () => {
  function walk(s: DocumentSymbol, f: (s: DocumentSymbol, depth: number) => void, depth = 0): void { f(s, depth); s.children?.forEach((c) => walk(c, f, depth + 1)); }
  const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']) =>
    (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
    (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));

  it('title → six sections → sub-headings and tables (表二 blocks) on seed 001', () => {
    const text = report('001_205104d3919f452a');
    const syms = documentSymbols(docOf(text), parseReport(text), 'zh-CN');
    assert.strictEqual(syms.length, 1);
    const sections = syms[0].children!;
    assert.deepStrictEqual(sections.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.strictEqual(sections[0].children!.length, 5, 'five sub-headings in 总体情况');
    const t2 = sections[1].children!.find((c) => c.name.startsWith('表二'))!;
    assert.deepStrictEqual(t2.children!.map((c) => c.name), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.ok(sections[2].children!.some((c) => c.name.startsWith('表三')));
    assert.ok(sections[3].children!.some((c) => c.name.startsWith('表四')));
    const en = documentSymbols(docOf(text), parseReport(text), 'en');
    assert.ok(en[0].children![2].children!.some((c) => c.name.startsWith('Table 3')));
  });

  it('every symbol\'s selection range lies in its range, on every fixture; folding ranges are well-formed', () => {
    for (const name of allReports()) {
      const text = report(name);
      const model = parseReport(text);
      const doc = docOf(text);
      for (const s of documentSymbols(doc, model, 'zh-CN')) walk(s, (x) => assert.ok(inside(x.selectionRange, x.range), `${name}: ${x.name}`));
      for (const r of foldingRanges(doc, model)) assert.ok(r.endLine > r.startLine && r.endLine < doc.lineCount, name);
    }
  });

  it('workspace symbols filter by query across documents', () => {
    const docs = ['001_205104d3919f452a', '002_b67df828cb4a1735'].map((n) => {
      const text = report(n);
      return { doc: TextDocument.create(`file:///w/${n}.txt`, 'nianbao', 1, text), model: parseReport(text), name: n };
    });
    const all = workspaceSymbols(docs, '', 'zh-CN');
    const t3 = workspaceSymbols(docs, '表三', 'zh-CN');
    assert.ok(all.length > t3.length);
    assert.strictEqual(new Set(t3.map((s) => s.location.uri)).size, 2);
  });
});

describe('lsp: hover and code lens', () => {
  it('evaluates a total\'s relations exactly and reports the difference', () => {
    const text = report('001_205104d3919f452a');
    const model = parseReport(text);
    const t3 = model.tables.t3!;
    const row = t3.rows.find((r) => r.key === 'new')!;
    const total = row.cells.find((c) => c.colKey === 'total')!;
    const evs = evaluateRelations(model, t3, row, total);
    assert.strictEqual(evs.length, 1);
    assert.strictEqual(evs[0].status, 'holds');
    const hover = provideHover(docOf(text), model, [], total.start, 'zh-CN');
    const md = (hover!.contents as { value: string }).value;
    assert.ok(md.includes('一、本年新收政府信息公开申请数量') && md.includes('总计') && md.includes('成立'), md);
    // Break it: the total + 1.
    const n = Number(total.value.raw) + 1;
    const broken = text.slice(0, total.start) + String(n) + text.slice(total.end);
    const bm = parseReport(broken);
    const bt = bm.tables.t3!, br = bt.rows.find((r) => r.key === 'new')!, bc = br.cells.find((c) => c.colKey === 'total')!;
    const ev = evaluateRelations(bm, bt, br, bc)[0];
    assert.strictEqual(ev.status, 'fails');
    const bmd = (provideHover(docOf(broken), bm, [], bc.start, 'en')!.contents as { value: string }).value;
    assert.ok(/does not hold: computed \d+, printed \d+ \(a difference of 1\)/.test(bmd), bmd);
  });

  it('hover on a carry-forward cell evaluates 一 + 二 − （七）; on a label shows the row; elsewhere nothing', () => {
    const text = report('001_205104d3919f452a');
    const model = parseReport(text);
    const row = model.tables.t3!.rows.find((r) => r.key === 'carry-forward')!;
    const cell = row.cells[0];
    const md = (provideHover(docOf(text), model, [], cell.start, 'zh-CN')!.contents as { value: string }).value;
    assert.ok(md.includes('第一项 + 第二项'), md);
    const label = provideHover(docOf(text), model, [], row.labelMatch!.start + 1, 'zh-CN');
    assert.ok((label!.contents as { value: string }).value.includes('四、结转下年度继续办理'));
    assert.strictEqual(provideHover(docOf(text), model, [], 5, 'zh-CN'), null);
  });

  it('code lens: balanced tables say so; broken ones count failing relations', () => {
    const text = report('001_205104d3919f452a');
    const r = checkReport(text);
    const lenses = provideCodeLenses(docOf(text), r.model, r.findings, 'zh-CN').map((l) => l.command!.title);
    assert.deepStrictEqual(lenses, ['表二：已读出 6/6 行（本表无勾稽关系）', '表三：勾稽关系全部成立', '表四：勾稽关系全部成立']);
    const t3 = r.model.tables.t3!;
    const cell = t3.rows.find((x) => x.key === 'new')!.cells.find((c) => c.colKey === 'total')!;
    const broken = text.slice(0, cell.start) + '99999' + text.slice(cell.end);
    const b = checkReport(broken);
    const titles = provideCodeLenses(docOf(broken), b.model, b.findings, 'en').map((l) => l.command!.title);
    assert.ok(/^Table 2: 6 of 6 rows read/.test(titles[0]), titles[0]);
    assert.ok(/^Table 3: \d+ relation\(s\) do not hold$/.test(titles[1]), titles[1]);
  });

  it('code lens: "all hold" only when every relation was checked; else how many could not be', () => {
    // a row of 表三 whose label is there and its values not: the relations through it are not checked
    const text = report('001_205104d3919f452a');
    const r = checkReport(text);
    const row = r.model.tables.t3!.rows.find((x) => x.key === 'unable-1')!;
    const broken = text.slice(0, row.cells[0].start) + text.slice(row.cells[6].end);
    const b = checkReport(broken);
    assert.equal(b.model.tables.t3!.rows.find((x) => x.key === 'unable-1')!.status, 'unlocated');
    const titles = provideCodeLenses(docOf(broken), b.model, b.findings, 'zh-CN').map((l) => l.command!.title);
    // the row's own total (1), （七）总计 in its 7 columns (7), and nothing else through it: 8 instances
    assert.deepStrictEqual(titles, ['表二：已读出 6/6 行（本表无勾稽关系）', '表三：8 处勾稽关系无法核对（有单元格缺失或不可读）', '表四：勾稽关系全部成立']);
    // a blank cell: its relations are not checked either (seed 000: （七）总计 has no value under 自然人)
    const seed = report('000_3d3a2a252aa442c3');
    const s0 = checkReport(seed);
    const t0 = provideCodeLenses(docOf(seed), s0.model, s0.findings, 'en').map((l) => l.command!.title);
    assert.ok(t0.some((x) => /^Table 3: \d+ relation\(s\) could not be checked/.test(x)), t0.join(' | '));
    assert.ok(!t0.some((x) => x.startsWith('Table 3: all relations hold')));
  });
});

describe('lsp: completion', () => {
  it('offers the next expected heading at the start of a line', () => {
    const full = reportSkeleton(2023, '某某局');
    const s5 = full.indexOf('五、存在的主要问题及改进情况');
    const text = full.slice(0, s5) + full.slice(full.indexOf('\n', s5) + 1);
    const items = provideCompletion(docOf(text), parseReport(text), s5, 'zh-CN');
    const next = items.find((i) => i.preselect);
    assert.strictEqual(next?.label, '五、存在的主要问题及改进情况');
    // typed prefix filters and is replaced
    const typed = text.slice(0, s5) + '五、' + text.slice(s5);
    const t = provideCompletion(docOf(typed), parseReport(typed), s5 + 2, 'zh-CN');
    assert.deepStrictEqual(t.map((i) => i.label), ['五、存在的主要问题及改进情况']);
    assert.strictEqual((t[0].textEdit as { range: { start: { character: number } } }).range.start.character, 0);
  });

  it('offers official row labels inside a table, missing rows first', () => {
    const full = reportSkeleton(2023, '某某局');
    const at = full.indexOf('2.重复申请');
    const lineEnd = full.indexOf('\n', at) + 1;
    const text = full.slice(0, at) + full.slice(lineEnd); // drop the row
    const items = provideCompletion(docOf(text), parseReport(text), at, 'zh-CN');
    const labels = items.sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.strictEqual(labels[0], '2.重复申请');
    assert.ok(labels.includes('（七）总计'));
    assert.ok(!labels.some((l) => l.startsWith('一、总体')), 'no headings inside a table without a numeral');
  });
});

describe('lsp: formatting', () => {
  it('is `nianbao format`: the same text on every fixture, never a value changed, idempotent', () => {
    for (const name of allReports()) {
      const text = report(name);
      const doc = docOf(text);
      const model = parseReport(text);
      const formatted = TextDocument.applyEdits(doc, provideFormatting(doc, model));
      assert.strictEqual(formatted, formatReport(text).text, `${name}: the editor and the CLI write the same text`);
      const after = parseReport(formatted);
      for (const id of ['t2', 't3', 't4'] as const) {
        const vals = (m: typeof model) => (m.tables[id]?.rows ?? []).map((r) => r.key + ':' + r.cells.map((c) => c.value.raw).join(',')).join('|');
        assert.strictEqual(vals(after), vals(model), `${name} ${id}`);
      }
      assert.deepStrictEqual(provideFormatting(docOf(formatted), after), [], `${name}: idempotent`);
    }
  });

  it('official labels in the canonical tab layout; range formatting touches only the tables in the range', () => {
    const text = report('002_b67df828cb4a1735');
    const doc = docOf(text);
    const model = parseReport(text);
    const all = provideFormatting(doc, model);
    assert.ok(TextDocument.applyEdits(doc, all).includes('规章\t0\t0\t0'), 'pipe rows become tab rows');
    const t3 = model.tables.t3!;
    const some = provideFormatting(doc, model, { start: t3.start, end: t3.start + 1 });
    assert.strictEqual(some.length, 1);
    assert.ok(some[0].newText.includes('一、本年新收政府信息公开申请数量\t'));
    assert.ok(all.length > some.length);
  });
});

describe('lsp: new report skeleton', () => {
  it('the 2021 skeleton has title, six headings, three tables; only its unfilled parts are reported', () => {
    const text = reportSkeleton(2023, '某某市某某局');
    const r = checkReport(text);
    // the three （文字描述…） placeholders, and section 六 that does not yet say whether fees were charged
    assert.deepStrictEqual(r.findings.map((f) => f.rule).sort(), ['fee-report', 'placeholder', 'placeholder', 'placeholder']);
    assert.ok(!text.includes('未收取信息处理费'), 'the fee sentence is the writer\'s to choose');
    for (const f of r.findings.filter((x) => x.rule === 'placeholder')) assert.match(text.slice(f.start, f.end), /^（文字描述[，：。）]/);
    assert.strictEqual(r.model.template, '2021');
    assert.strictEqual(r.model.title?.year, 2023);
    assert.strictEqual(r.model.sections.length, 6);
    for (const id of ['t2', 't3', 't4'] as const) assert.ok(r.model.tables[id]!.rows.every((row) => row.status === 'ok'), id);
    const r19 = checkReport(reportSkeleton(2020, '某某市某某局', '2019'));
    assert.deepStrictEqual(r19.findings.map((f) => f.rule), ['placeholder', 'placeholder', 'placeholder']);
    assert.strictEqual(r19.model.template, '2019');
  });
});
