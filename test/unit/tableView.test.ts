// The preview's view model (server/src/lsp/tableView.ts) and its HTML (client/src/previewHtml.ts), on in-memory text.
import * as assert from 'assert';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, parseReport, type Cell } from '../../server/src/core';
import type { TableViewResult, ViewTable } from '../../server/src/lsp/protocol';
import { buildTableView, headerRows, labelCells, tableViewOf, viewCells } from '../../server/src/lsp/tableView';
import { escapeHtml, locate, renderShell, renderView } from '../../client/src/previewHtml';
import { loadReport, reportNames } from './helpers';

const SEED1 = '001_205104d3919f452a';
const HANDLED_TOTAL_LINE = '(七) 总计\t71\t0\t0\t0\t0\t0\t71';

/** Seed 001 with the natural-person cell of （七）总计 changed from 71 to 72: three relations fail. */
function seed1Wrong(): string {
  const text = loadReport(SEED1);
  assert.ok(text.includes(HANDLED_TOTAL_LINE), 'fixture changed: update HANDLED_TOTAL_LINE');
  return text.replace(HANDLED_TOTAL_LINE, '(七) 总计\t72\t0\t0\t0\t0\t0\t71');
}

/** Lays the grid out as a browser would (rowspans carried down) and returns the columns each row fills. */
function rowWidths(t: ViewTable): number[] {
  const widths: number[] = [];
  for (const b of t.blocks) {
    const rows: { colspan: number; rowspan: number }[][] = [];
    if (b.caption) rows.push([{ colspan: t.width, rowspan: 1 }]);
    for (const h of b.header) rows.push(h);
    for (const r of b.rows) rows.push([...r.labelCells, ...r.cells.map((c) => ({ colspan: c.colspan, rowspan: 1 }))]);
    let carried: number[] = []; // for each later row: columns taken by rowspans from above
    for (const cells of rows) {
      const taken = carried.shift() ?? 0;
      let w = taken;
      for (const c of cells) {
        w += c.colspan;
        for (let k = 1; k < c.rowspan; k++) carried[k - 1] = (carried[k - 1] ?? 0) + c.colspan;
      }
      widths.push(w);
    }
    assert.strictEqual(carried.filter((n) => n > 0).length, 0, `${t.id}: a rowspan runs past the end of its block`);
  }
  return widths;
}

describe('preview: table view model', () => {
  for (const name of reportNames()) {
    it(`${name}: view without throwing; values and places match the model`, () => {
      const text = loadReport(name);
      const model = parseReport(text);
      const doc = TextDocument.create('file:///r.txt', 'nianbao', 3, text);
      for (const locale of ['zh-CN', 'en'] as const) {
        const res = checkReport(model, { locale });
        const view = buildTableView(doc, { model, findings: res.findings }, locale);
        assert.strictEqual(view.version, 3);
        assert.deepStrictEqual(view.tables.map((t) => t.id), ['t2', 't3', 't4']);
        const byId = new Map(viewCells(view).map((c) => [c.id, c] as const));
        assert.strictEqual(byId.size, viewCells(view).length, 'cell ids are unique');
        for (const t of view.tables) {
          for (const w of rowWidths(t)) assert.strictEqual(w, t.width, `${t.id}: every grid row fills ${t.width} columns`);
          const table = model.tables[t.id];
          for (const b of t.blocks) {
            for (const r of b.rows) {
              const row = table && !table.absent ? table.rows.find((x) => x.key === r.key) : undefined;
              assert.strictEqual(r.status, row?.status ?? 'missing');
              for (const c of r.cells) {
                const cell: Cell | undefined = row?.status === 'ok' ? row.cells.find((x) => x.colKey === c.colKey) : undefined;
                if (!cell) { assert.strictEqual(c.kind, 'missing'); assert.strictEqual(c.place, undefined); continue; }
                assert.strictEqual(c.kind, cell.value.kind);
                assert.strictEqual(c.text, cell.value.kind === 'blank' ? '' : cell.value.raw);
                assert.deepStrictEqual(c.place, { start: cell.start, end: cell.end, range: { start: doc.positionAt(cell.start), end: doc.positionAt(cell.end) } });
                if (cell.value.kind !== 'blank') assert.strictEqual(text.slice(cell.start, cell.end).trim(), cell.value.raw.trim());
              }
            }
          }
        }
        // every table-balance finding is a failing cell with the same expected value, and nothing else fails
        const balance = res.findings.filter((f) => f.rule === 'table-balance');
        const failures = viewCells(view).flatMap((c) => (c.failures ?? []).map((f) => ({ c, f })));
        assert.strictEqual(failures.length, balance.length, 'one failure per table-balance finding');
        assert.strictEqual(view.failing, balance.length);
        for (const f of balance) {
          assert.ok(failures.some(({ c, f: x }) => c.place?.start === f.start && c.place.end === f.end && x.expected === f.expected && x.actual === f.actual),
            `finding ${f.expected}/${f.actual} at ${f.start} is a failing cell of the view`);
        }
        const html = renderView(view, { en: locale === 'en' });
        assert.ok(html.length > 0);
      }
    });
  }

  it('seed 001: the official grids (表三 25 rows under 申请人情况, 表四 in two header levels, 表二 in four blocks)', () => {
    const view = tableViewOf(loadReport(SEED1));
    assert.strictEqual(view.empty, undefined);
    assert.strictEqual(view.template, '2021');
    const [t2, t3, t4] = view.tables as [ViewTable, ViewTable, ViewTable];
    assert.strictEqual(t3.name, '表三 收到和处理政府信息公开申请情况');
    assert.strictEqual(t3.blocks[0]!.rows.length, 25);
    assert.strictEqual(t3.rowsLocated, 25);
    assert.strictEqual(t3.labelColumns, 3);
    assert.strictEqual(t3.width, 10);
    const h = t3.blocks[0]!.header.map((r) => r.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`));
    assert.ok(h[0]![0]!.startsWith('（本列数据的勾稽关系为'));
    assert.strictEqual(h[0]![1], '申请人情况/7x1');
    assert.deepStrictEqual(h[1], ['自然人/1x2', '法人或其他组织/5x1', '总计/1x2']);
    assert.deepStrictEqual(h[2], ['商业企业/1x1', '科研机构/1x1', '社会公益组织/1x1', '法律服务机构/1x1', '其他/1x1']);
    const rows = t3.blocks[0]!.rows;
    const granted = rows.find((r) => r.key === 'granted')!;
    assert.deepStrictEqual(granted.labelCells.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`), ['三、本年度办理结果/1x22', '（一）予以公开/2x1']);
    const denied1 = rows.find((r) => r.key === 'denied-1')!;
    assert.deepStrictEqual(denied1.labelCells.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`), ['（三）不予公开/1x8', '1.属于国家秘密/1x1']);
    assert.strictEqual(denied1.label, '三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密');
    assert.deepStrictEqual(rows.find((r) => r.key === 'denied-2')!.labelCells.map((c) => c.text), ['2.其他法律行政法规禁止公开']);
    assert.strictEqual(t3.relations.length, 3);
    assert.ok(t3.relations.every((r) => r.fails === 0 && r.unknown === 0 && r.holds > 0));
    assert.strictEqual(t4.labelColumns, 0);
    assert.deepStrictEqual(t4.blocks[0]!.header.map((r) => r.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`)), [
      ['行政复议/5x1', '行政诉讼/10x1'],
      ['结果维持/1x2', '结果纠正/1x2', '其他结果/1x2', '尚未审结/1x2', '总计/1x2', '未经复议直接起诉/5x1', '复议后起诉/5x1'],
      ['结果维持/1x1', '结果纠正/1x1', '其他结果/1x1', '尚未审结/1x1', '总计/1x1', '结果维持/1x1', '结果纠正/1x1', '其他结果/1x1', '尚未审结/1x1', '总计/1x1'],
    ]);
    assert.deepStrictEqual(t2.blocks.map((b) => b.caption), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepStrictEqual(t2.blocks[1]!.header[0]!.map((c) => `${c.text}/${c.colspan}`), ['信息内容/1', '本年处理决定数量/3']);
    assert.strictEqual(t2.blocks[1]!.rows[0]!.cells[0]!.colspan, 3);
    assert.strictEqual(t2.blocks[3]!.rows[0]!.cells[0]!.text, '621.952');
  });

  it('a wrong total is failing with its expected value and operands; the summary counts it', () => {
    const text = seed1Wrong();
    const view = tableViewOf(text, 'en');
    const t3 = view.tables.find((t) => t.id === 't3')!;
    const cell = viewCells(view).find((c) => c.id === 't3:handled-total:natural')!;
    assert.strictEqual(cell.check, 'fails');
    assert.strictEqual(cell.text, '72');
    assert.strictEqual(cell.failures!.length, 1);
    const f = cell.failures![0]!;
    assert.deepStrictEqual([f.relation, f.expected, f.actual, f.difference], ['t3-handled-total', '71', '72', '1']);
    assert.strictEqual(f.name, '(7) total = sum of result rows (1)–(6)');
    assert.strictEqual(f.operands.length, 21);
    assert.ok(f.operands.includes('t3:granted:natural'));
    // the row total of the same row and the carry-over identity of its column fail too
    const rowTotal = viewCells(view).find((c) => c.id === 't3:handled-total:total')!;
    assert.deepStrictEqual(rowTotal.failures!.map((x) => [x.relation, x.expected]), [['t3-row-total', '72']]);
    const carry = viewCells(view).find((c) => c.id === 't3:carry-forward:natural')!;
    assert.deepStrictEqual(carry.failures!.map((x) => [x.relation, x.expected, x.actual]), [['t3-carry-identity', '6', '7']]);
    assert.strictEqual(view.failing, 3);
    assert.deepStrictEqual(t3.relations.map((r) => [r.id, r.fails]), [['t3-row-total', 1], ['t3-handled-total', 1], ['t3-carry-identity', 1]]);
    assert.strictEqual(text.slice(cell.place!.start, cell.place!.end), '72');
    // drawn: the expected value next to the wrong total
    const html = renderView(view, { en: true });
    assert.match(html, /data-cell="t3:handled-total:natural"[^>]*>.*?<span class="val">72<\/span><span class="exp">expected 71<\/span><\/td>/);
    assert.match(renderView(tableViewOf(text, 'zh-CN'), { en: false }), /<span class="exp">应为 71<\/span>/);
    assert.match(html, /3 relation\(s\) do not hold/);
  });

  it('half-typed and unreadable text: never throws; no tables gives an explanatory empty state', () => {
    const full = loadReport(SEED1);
    assert.deepStrictEqual(tableViewOf('').empty, { reason: 'noTables' });
    assert.deepStrictEqual(tableViewOf('某某局2023年政府信息公开工作年度报告\n一、总体情况\n').empty, { reason: 'noTables' });
    const empty = renderView(tableViewOf(''), { en: false });
    assert.match(empty, /没有找到表格/);
    assert.match(renderView(tableViewOf('', 'en'), { en: true }), /No tables found/);
    for (let cut = 0; cut < full.length; cut += 173) {
      const text = full.slice(0, cut) + (cut % 2 ? '\t12\t\t3' : '');
      const view = tableViewOf(text);
      for (const t of view.tables) for (const w of rowWidths(t)) assert.strictEqual(w, t.width);
      renderView(view, { en: false });
    }
    const garbage = '\u0000\t表三\t|||\t—\t１２\n'.repeat(50) + '三、收到和处理政府信息公开申请情况\n' + '\t'.repeat(40) + '\n' + '一、本年新收政府信息公开申请数量\t1\t2\n';
    const v = tableViewOf(garbage);
    assert.ok(v.tables.length === 3);
    // a document the server did not parse
    const skipped = buildTableView(TextDocument.create('file:///x', 'nianbao', 1, ''), { findings: [], skipped: { message: 'too large' } }, 'en');
    assert.deepStrictEqual(skipped.empty, { reason: 'skipped', message: 'too large' });
    assert.match(renderView(skipped, { en: true }), /too large/);
  });

  it('property: edits anywhere in a report (as typing does) never break the view or its grid', () => {
    const texts = reportNames().map(loadReport);
    const piece = fc.constantFrom('\t', '\n', ' ', '0', '12', '/', '-', '|', '总计', '（七）', '三、', '表三', '\u3000', '');
    fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), piece), { minLength: 1, maxLength: 5 }), (which, edits) => {
      let text = texts[which]!;
      for (const [where, del, ins] of edits) {
        const at = Math.floor(where * text.length);
        text = text.slice(0, at) + ins + text.slice(at + del);
      }
      const view = tableViewOf(text, 'en');
      for (const t of view.tables) for (const w of rowWidths(t)) assert.strictEqual(w, t.width);
      for (const c of viewCells(view)) if (c.place) assert.ok(c.place.start >= 0 && c.place.end <= text.length && c.place.start <= c.place.end);
      renderView(view, { en: true });
    }), { numRuns: 60, seed: 20240501 });
  });

  it('a table with missing rows: the rows are drawn, marked missing, their relations unknown', () => {
    const text = loadReport(SEED1).replace(/^\t\t3\. 补正后申请内容仍不明确.*\n/m, '');
    const view = tableViewOf(text);
    const t3 = view.tables.find((t) => t.id === 't3')!;
    assert.strictEqual(t3.status, 'partial');
    const row = t3.blocks[0]!.rows.find((r) => r.key === 'unable-3')!;
    assert.strictEqual(row.status, 'missing');
    assert.ok(row.cells.every((c) => c.kind === 'missing' && !c.place));
    assert.ok(t3.relations.find((r) => r.id === 't3-row-total')!.unknown >= 1);
    assert.match(renderView(view, { en: false }), /缺少此行/);
  });

  it('locate: the cell, row label and table under an offset', () => {
    const text = loadReport(SEED1);
    const view = tableViewOf(text);
    const cell = viewCells(view).find((c) => c.id === 't3:new:total')!;
    assert.deepStrictEqual(locate(view, cell.place!.start), { table: 't3', row: 't3:new', cell: 't3:new:total' });
    assert.deepStrictEqual(locate(view, cell.place!.end), { table: 't3', row: 't3:new', cell: 't3:new:total' });
    const label = text.indexOf('一、本年新收政府信息公开申请数量');
    assert.deepStrictEqual(locate(view, label + 2), { table: 't3', row: 't3:new' });
    assert.strictEqual(locate(view, 5), undefined);
    assert.strictEqual(locate(undefined, 5), undefined);
  });
});

describe('preview: the all-hold badge', () => {
  const badges = (html: string) => [...html.matchAll(/<span class="(?:fact )?badge (\w+)">([^<]*)<\/span>/g)].map((m) => `${m[1]}:${m[2]}`);
  it('"全部成立" only when every relation of every table was checked and holds', () => {
    const text = loadReport('001_205104d3919f452a');
    assert.deepStrictEqual(badges(renderView(tableViewOf(text), { en: false })), ['good:勾稽关系全部成立']);
  });
  it('a row whose values are not read: the count that could not be checked, in the header and on its table, never "全部成立"', () => {
    const text = loadReport('001_205104d3919f452a');
    const row = parseReport(text).tables.t3!.rows.find((r) => r.key === 'unable-1')!;
    const broken = text.slice(0, row.cells[0].start) + text.slice(row.cells[6].end);
    const view = tableViewOf(broken);
    const t3 = view.tables.find((t) => t.id === 't3')!;
    assert.strictEqual(t3.relations.reduce((n, r) => n + r.unknown, 0), 8);
    const html = renderView(view, { en: false });
    assert.deepStrictEqual(badges(html), ['unknown:8 处勾稽关系无法核对', 'unknown:8 处勾稽关系无法核对']);
    assert.ok(!html.includes('勾稽关系全部成立'));
    assert.deepStrictEqual(badges(renderView(view, { en: true })), ['unknown:8 relation(s) could not be checked', 'unknown:8 relation(s) could not be checked']);
  });
  it('a table not found at all: its relations count as not checked', () => {
    const text = loadReport('001_205104d3919f452a');
    const m = parseReport(text);
    const s4 = m.sections.find((s) => s.n === 4)!;
    const without = text.slice(0, s4.body.start) + '\n（本年度无此类案件。）\n' + text.slice(s4.end);
    const html = renderView(tableViewOf(without), { en: false });
    assert.deepStrictEqual(badges(html), ['unknown:3 处勾稽关系无法核对']);
  });
  it('failing relations are counted first', () => {
    const text = loadReport('001_205104d3919f452a');
    const cell = parseReport(text).tables.t3!.rows.find((r) => r.key === 'new')!.cells[6];
    const html = renderView(tableViewOf(text.slice(0, cell.start) + '79' + text.slice(cell.end)), { en: false });
    assert.deepStrictEqual(badges(html).filter((b) => b.startsWith('good') || b.startsWith('unknown')), []);
    assert.ok(badges(html).some((b) => /^bad:\d+ 处勾稽关系不成立$/.test(b)));
  });
});

describe('preview: HTML', () => {
  it('keyboard: every cell and row label that can be revealed is focusable, and nothing else', () => {
    const html = renderView(tableViewOf(seed1Wrong()), { en: false, fileName: 'x.txt' });
    const focusable: string[] = [];
    let links = 0;
    const parser = new Parser({
      onopentag: (n, a) => {
        if ((a.class ?? '').split(' ').includes('link')) links++;
        if (a.tabindex !== undefined) { assert.strictEqual(a.tabindex, '-1'); focusable.push(a['data-cell'] ?? a['data-row'] ?? '?'); }
      },
    });
    parser.write(html); parser.end();
    assert.ok(focusable.length > 50, String(focusable.length));
    assert.strictEqual(focusable.length, links, 'exactly the clickable cells and labels');
    assert.ok(!focusable.includes('?'));
    assert.ok(focusable.includes('t3:new:total') && focusable.includes('t3:new'));
  });

  it('escapes everything that comes from the report', () => {
    assert.strictEqual(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const evil = '<img src=x onerror=alert(1)>';
    const text = seed1Wrong()
      .replace('灤河回族区人民政府 2023 年政府信息公开工作年度报告', `灤河回族区人民政府${evil} 2023 年政府信息公开工作年度报告`)
            .replace('规章\t0', '规<script>章\t0');
    const view = tableViewOf(text);
    const html = renderView(view, { en: false, fileName: '<x>.txt' });
    assert.ok(!/<img|<script/i.test(html), 'no markup from the report');
    // as a browser reads it: only the elements and attributes the renderer writes
    const tags = new Set<string>(), attrs = new Set<string>();
    let textSeen = '', titles = '';
    const parser = new Parser({
      onopentag: (n, a) => { tags.add(n); for (const k of Object.keys(a)) attrs.add(k); titles += a.title ?? ''; },
      ontext: (t) => { textSeen += t; },
    }, { decodeEntities: true });
    parser.write(html); parser.end();
    assert.deepStrictEqual([...tags].filter((t) => !['header', 'div', 'span', 'nav', 'button', 'section', 'h2', 'p', 'table', 'tbody', 'tr', 'th', 'td', 'ul', 'li'].includes(t)), []);
    assert.deepStrictEqual([...attrs].filter((a) => !['class', 'id', 'type', 'colspan', 'rowspan', 'scope', 'title', 'aria-label', 'tabindex'].includes(a) && !a.startsWith('data-')), []);
    assert.ok(textSeen.includes(evil), 'the title is shown as text');
    assert.ok(titles.includes('“规<script>章”'), 'the source wording of a label is shown as text in its tooltip');
    const err = renderView(undefined, { en: true, error: '<script>alert(1)</script>' });
    assert.ok(!err.includes('<script>'));
  });

  it('the page has a strict CSP: nonce for script and style, no remote resources', () => {
    const page = renderShell({ nonce: 'abc123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', en: false, title: '表格预览 <x>' });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;/);
    assert.match(page, /<script nonce="abc123">/);
    assert.match(page, /<style nonce="abc123">/);
    assert.ok(!/<script(?! nonce="abc123")/.test(page));
    assert.ok(!/(src|href)="https?:/.test(page));
    assert.ok(page.includes('表格预览 &lt;x&gt;'));
    assert.match(page, /<html lang="zh-CN">/);
  });

  it('header and label layout helpers', () => {
    assert.deepStrictEqual(headerRows([['a'], ['b']], 1, 'c', 4), [[
      { text: 'c', colspan: 1, rowspan: 1, kind: 'corner' },
      { text: 'a', colspan: 1, rowspan: 1, kind: 'column' },
      { text: 'b', colspan: 2, rowspan: 1, kind: 'column' },
    ]]);
    assert.deepStrictEqual(labelCells([['g', 'x'], ['g', 'y'], ['z']], 2).map((r) => r.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`)), [['g/1x2', 'x/1x1'], ['y/1x1'], ['z/2x1']]);
  });

  it('every report renders in both languages with its grids', () => {
    for (const name of reportNames()) {
      const view: TableViewResult = tableViewOf(loadReport(name), 'en');
      const html = renderView(view, { en: true });
      const present = view.tables.filter((t) => t.status !== 'absent').length;
      assert.strictEqual((html.match(/<table class="grid/g) ?? []).length, present, name);
      assert.strictEqual((html.match(/<td /g) ?? []).length, viewCells({ ...view, tables: view.tables.filter((t) => t.status !== 'absent') }).length, name);
    }
  });
});
