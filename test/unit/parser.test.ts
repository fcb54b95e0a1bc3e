// The model is faithful: values, ranges, sections, title and version for each layout of the real reports.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, parseReport, formatDec, type ReportModel, type TableId } from '../../server/src/core';
import { loadReport } from './helpers';

function values(model: ReportModel, table: TableId, row: string): string[] {
  const r = model.tables[table]!.rows.find((x) => x.key === row)!;
  assert.ok(r, `row ${row}`);
  return r.cells.map((c) => (c.value.num ? formatDec(c.value.num) : `<${c.value.kind}>`));
}

function assertRangesFaithful(text: string, model: ReportModel): void {
  for (const t of Object.values(model.tables)) for (const r of t!.rows) for (const c of r.cells) {
    assert.equal(text.slice(c.start, c.end), c.value.raw, `${t!.id}/${r.key}/${c.colKey}`);
  }
}

describe('parser', () => {
  it('reads tab-separated PDF extraction (seed 001) with decimals kept exact', () => {
    const text = loadReport('001_205104d3919f452a');
    const m = parseReport(text);
    assert.equal(m.template, '2021');
    assert.deepEqual(values(m, 't3', 'granted'), ['43', '0', '0', '0', '0', '0', '43']);
    assert.deepEqual(values(m, 't3', 'handled-total'), ['71', '0', '0', '0', '0', '0', '71']);
    assert.deepEqual(values(m, 't2', 'normative'), ['6', '2', '11']);
    const fee = m.tables.t2!.rows.find((r) => r.key === 'fees')!.cells[0];
    assert.equal(fee.value.kind, 'decimal');
    assert.deepEqual(fee.value.num, { units: 621952n, scale: 3 });
    assert.deepEqual(values(m, 't4', 'cases'), ['0', '1', '0', '0', '1', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']);
    assert.equal(m.title?.agency, '灤河回族区人民政府');
    assert.equal(m.title?.year, 2023);
    assertRangesFaithful(text, m);
  });

  it('reads HTML flattened one cell per line between | (seed 002, 2019 template)', () => {
    const text = loadReport('002_b67df828cb4a1735');
    const m = parseReport(text);
    assert.equal(m.template, '2019');
    assert.equal(m.tables.t2!.layout, 'pipe');
    assert.deepEqual(values(m, 't2', 'licensing'), ['30', '17', '13']);
    assert.deepEqual(values(m, 't2', 'procurement'), ['0', '0']);
    assert.equal(m.tables.t3!.rows.length, 23);
    assert.deepEqual(values(m, 't4', 'cases'), ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    assertRangesFaithful(text, m);
  });

  it('matches the column headers of seed 002 exactly, a misspelt one by similarity, and reads it alike with \\r\\n', () => {
    const text = loadReport('002_b67df828cb4a1735');
    const heads = (m: ReportModel) => m.tables.t2!.columns.map((c) => c.match && `${c.label}:${c.match.text}:${c.match.similarity.toFixed(2)}`);
    const m = parseReport(text);
    assert.ok(m.tables.t2!.columns.every((c) => c.match?.similarity === 1), heads(m).join());
    // one header misspelt: the others are still exact, and it is found by similarity, not lost
    const typo = parseReport(text.replace('本年新制作数量', '本年新制做数量'));
    const made = typo.tables.t2!.columns.find((c) => c.label === '本年新制作数量')!;
    assert.equal(made.match?.text, '本年新制做数量');
    assert.ok(made.match!.similarity < 1 && made.match!.similarity >= 0.6);
    assert.deepEqual(heads(typo).filter((h) => !h?.startsWith('本年新制作数量')), heads(m).filter((h) => !h?.startsWith('本年新制作数量')));
    // \r\n line ends: the same cells (each value a cell of its own line)
    const crlf = parseReport(text.replace(/\n/g, '\r\n'));
    for (const id of ['t2', 't3', 't4'] as const) {
      for (const row of m.tables[id]!.rows) assert.deepEqual(values(crlf, id, row.key), values(m, id, row.key), `${id}/${row.key}`);
    }
    assertRangesFaithful(text.replace(/\n/g, '\r\n'), crlf);
  });

  it('reads Markdown-like pipe rows with cells broken over lines (seed 004) and finds no title', () => {
    const text = loadReport('004_ba2cc9ced20f5da6');
    const m = parseReport(text);
    assert.equal(m.title, undefined);
    assert.equal(m.tables.t3!.rows.filter((r) => r.status === 'ok').length, 25);
    assert.equal(m.tables.t4!.rows[0].cells.length, 15);
    assertRangesFaithful(text, m);
  });

  it('reads pdftotext output: labels wrapped around values, vertical group labels, page footers (淮安)', () => {
    const text = loadReport('huaian-2024-pdf-text');
    const m = parseReport(text);
    assert.equal(m.tables.t3!.layout, 'space');
    assert.deepEqual(values(m, 't3', 'new'), ['3001', '53', '0', '0', '61', '4', '3119']);
    assert.deepEqual(values(m, 't3', 'partial'), ['447', '7', '0', '0', '0', '0', '454']);
    assert.deepEqual(values(m, 't3', 'other-1'), ['67', '3', '0', '0', '1', '0', '71']);
    assert.deepEqual(values(m, 't3', 'handled-total'), ['2932', '53', '0', '0', '61', '4', '3050']);
    assert.deepEqual(values(m, 't2', 'fees'), ['96171.6']);
    assert.deepEqual(values(m, 't4', 'cases'), ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
    assert.equal(m.title?.agency, '淮安市人民政府');
    assertRangesFaithful(text, m);
  });

  it('reads the same report extracted with tabs identically', () => {
    const a = parseReport(loadReport('huaian-2024-pdf-text'));
    const b = parseReport(loadReport('huaian-2024-pdf-tabs'));
    for (const id of ['t2', 't3', 't4'] as const) {
      for (const row of a.tables[id]!.rows) assert.deepEqual(values(b, id, row.key), values(a, id, row.key), `${id}/${row.key}`);
    }
  });

  it('keeps a blank cell blank by its column position (seed 000, （七）总计 / 自然人)', () => {
    const text = loadReport('000_3d3a2a252aa442c3');
    const m = parseReport(text);
    assert.deepEqual(values(m, 't3', 'handled-total'), ['<blank>', '0', '0', '0', '0', '0', '0']);
    assertRangesFaithful(text, m);
  });

  it('does not take a numbered item inside 总体情况 for a section heading (seed 000: - 五、监督保障)', () => {
    const text = loadReport('000_3d3a2a252aa442c3');
    const m = parseReport(text);
    assert.deepEqual(m.sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
    const s1 = m.sections[0];
    assert.ok(s1.subheadings.some((h) => h.text.startsWith('五、监督保障')), JSON.stringify(s1.subheadings));
    assert.equal(m.title?.agency, '瀍河回族区商务局'); // title split over lines: …年度报 / 告
  });

  it('reads a table cut off half-way and finds 表四 without its heading (seed 003)', () => {
    const m = parseReport(loadReport('003_b5a011f3d089b4ff'));
    const t3 = m.tables.t3!;
    assert.equal(t3.rows.find((r) => r.key === 'unprocessed-3')!.status, 'ok');
    assert.deepEqual(t3.rows.filter((r) => r.status === 'missing').map((r) => r.key),
      ['unprocessed-4', 'unprocessed-5', 'other-1', 'other-2', 'other-3', 'handled-total', 'carry-forward']);
    assert.equal(m.tables.t4!.orphan, true);
    assert.equal(m.tables.t4!.rows[0].cells.length, 15);
  });

  it('detects the template version from the table headers', () => {
    assert.equal(parseReport(loadReport('002_b67df828cb4a1735')).template, '2019');
    assert.equal(parseReport(loadReport('003_b5a011f3d089b4ff')).template, '2021');
    assert.equal(parseReport('一、总体情况\n无\n').template, null);
  });

  it('finds headings in a page collapsed onto one line and splits cells run together only where one split fits', () => {
    const m = parseReport(loadReport('huaian-2024-web-collapsed'));
    const pdf = parseReport(loadReport('huaian-2024-pdf-tabs'));
    assert.deepEqual(m.sections.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
    // 表三: every row recovered, with exactly the values of the PDF
    for (const row of pdf.tables.t3!.rows) assert.deepEqual(values(m, 't3', row.key), values(pdf, 't3', row.key), row.key);
    // 规章 "1011" and 表四's fifteen numbers run together admit several splits: left unread, not guessed
    assert.equal(m.tables.t2!.rows.find((r) => r.key === 'rules')!.status, 'unlocated');
    assert.equal(m.tables.t4!.rows[0].status, 'unlocated');
  });

  it('positions are UTF-16 code units, identical to TextDocument.positionAt', () => {
    for (const name of ['000_3d3a2a252aa442c3', 'huaian-2024-pdf-text', '004_ba2cc9ced20f5da6']) {
      const text = loadReport(name).replace(/\n/g, (m, i: number) => (i % 7 === 0 ? '\r\n' : m));
      const ours = new LineIndex(text);
      const doc = TextDocument.create('file:///x.txt', 'nianbao', 1, text);
      for (let off = 0; off <= text.length; off += 13) {
        assert.deepEqual(ours.positionAt(off), doc.positionAt(off));
        assert.equal(ours.offsetAt(doc.positionAt(off)), doc.offsetAt(doc.positionAt(off)));
      }
    }
  });

  it('keeps cell ranges exact after astral characters (surrogate pairs)', () => {
    const text = loadReport('001_205104d3919f452a').replace('灤河回族区人民政府', '𠀾𠁀河回族区人民政府');
    const m = parseReport(text);
    assertRangesFaithful(text, m);
    assert.deepEqual(values(m, 't3', 'new'), ['78', '0', '0', '0', '0', '0', '78']);
  });
});
