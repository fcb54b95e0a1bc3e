// HTML of the table preview (a webview): the page shell with its strict CSP, styles and script, and the body drawn
// from the server's view of the report. Pure (no vscode import) so that it can be tested in plain Node.
// Everything that comes from the report is untrusted: it only ever reaches the page through escapeHtml.
import type { TableViewResult, ViewCell, ViewRow, ViewTable } from '../../server/src/lsp/protocol';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

// ---------------------------------------------------------------- UI strings (official headers stay Chinese)

/** A UI string with {0}, {1} … replaced by the arguments (a placeholder without an argument stays). */
export function fill(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

const S = {
  loading: { zh: '正在读取表格…', en: 'Reading the tables…' },
  noTables: { zh: '没有找到表格', en: 'No tables found' },
  noTablesDetail: {
    zh: '本文件中没有找到表二、表三或表四。写出第二、三、四部分的表格后，这里会按官方模板的表头画出它们，并标出不成立的勾稽关系。',
    en: 'Table 2, 3 or 4 was not found in this file. Once sections 2–4 contain their tables, they are drawn here with the official headers, and relations that do not hold are marked.',
  },
  skipped: { zh: '未读取此文件', en: 'This file was not read' },
  notOpen: { zh: '此文件不是年度报告', en: 'This file is not an annual report' },
  notOpenDetail: {
    zh: '语言服务器没有打开它：请将语言模式设为“政府信息公开年度报告”（命令“nianbao: 将此文件视为年度报告”）。',
    en: 'The language server does not have it open: set its language mode to the annual report (command "nianbao: Treat this file as an annual report").',
  },
  error: { zh: '无法生成预览', en: 'The preview could not be made' },
  template: { zh: '{0} 版模板', en: '{0} template' },
  templateGuess: { zh: '按 {0} 版模板读取（未识别到版本标记）', en: 'read with the {0} template (no version marker found)' },
  allHold: { zh: '勾稽关系全部成立', en: 'all relations hold' },
  unchecked: { zh: '{0} 处勾稽关系无法核对', en: '{0} relation(s) could not be checked' },
  failing: { zh: '{0} 处勾稽关系不成立', en: '{0} relation(s) do not hold' },
  expected: { zh: '应为 {0}', en: 'expected {0}' },
  rows: { zh: '已读出 {0}/{1} 行', en: '{0}/{1} rows read' },
  absent: { zh: '文本中没有找到此表。', en: 'This table was not found in the text.' },
  orphan: { zh: '此表位于其章节之外（章节标题缺失？）。', en: 'This table lies outside its section (heading missing?).' },
  rowMissing: { zh: '缺少此行', en: 'row missing' },
  rowUnlocated: { zh: '数值未读出', en: 'values not read' },
  holds: { zh: '成立', en: 'holds' },
  fails: { zh: '{0} 处不成立', en: 'fails in {0} place(s)' },
  unknown: { zh: '{0} 处无法核对', en: 'cannot be checked in {0} place(s)' },
  relations: { zh: '勾稽关系', en: 'Relations' },
  cellFails: { zh: '✗ {0}：应为 {1}，表中为 {2}（相差 {3}）', en: '✗ {0}: expected {1}, printed {2} (a difference of {3})' },
  cellHolds: { zh: '✓ 勾稽关系成立', en: '✓ relations hold' },
  cellUnknown: { zh: '? 勾稽关系无法核对', en: '? relations cannot be checked' },
  blank: { zh: '（空白）', en: '(blank)' },
  missingValue: { zh: '（未读出）', en: '(not read)' },
  clickToReveal: { zh: '单击或按 Enter：在文本中定位（方向键在单元格间移动）', en: 'Click or Enter: show in the text (arrow keys move between cells)' },
  layout: { zh: '读取方式：{0}', en: 'read as: {0}' },
  layoutTab: { zh: '制表符分隔', en: 'tab-separated' },
  layoutPipe: { zh: '竖线表格', en: 'pipe table' },
  layoutSpace: { zh: '空格分隔', en: 'space-separated' },
  layoutMixed: { zh: '混合', en: 'mixed' },
} as const;

type Key = keyof typeof S;

export function uiText(en: boolean, key: Key, ...args: (string | number)[]): string {
  const s = en ? S[key].en : S[key].zh;
  return fill(s, args);
}

// ---------------------------------------------------------------- body

export interface RenderOptions {
  en: boolean;
  /** File name shown when the report has no title. */
  fileName?: string;
  /** Set when the request for the view failed. */
  error?: string;
}

const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;
const span = (n: number, name: 'colspan' | 'rowspan') => (n > 1 ? attr(name, n) : '');

function emptyState(title: string, detail?: string, kind = 'info'): string {
  return `<div class="empty ${kind}"><h2>${escapeHtml(title)}</h2>${detail ? `<p>${escapeHtml(detail)}</p>` : ''}</div>`;
}

function cellTitle(row: ViewRow, cell: ViewCell, en: boolean): string {
  const value = cell.kind === 'missing' ? uiText(en, 'missingValue') : cell.kind === 'blank' ? uiText(en, 'blank') : cell.text;
  const lines = [`${row.label || row.key} › ${cell.column} = ${value}`];
  for (const f of cell.failures ?? []) lines.push(uiText(en, 'cellFails', f.name, f.expected, f.actual, f.difference.replace(/^-/, '')));
  if (cell.check === 'holds') lines.push(uiText(en, 'cellHolds'));
  if (cell.check === 'unknown' && !cell.failures) lines.push(uiText(en, 'cellUnknown'));
  for (const n of cell.notes ?? []) lines.push(`⚠ ${n}`);
  if (cell.place) lines.push(uiText(en, 'clickToReveal'));
  return lines.join('\n');
}

function renderCell(row: ViewRow, cell: ViewCell, en: boolean): string {
  const cls = ['v', `k-${cell.kind}`];
  if (cell.place) cls.push('link');
  if (cell.check) cls.push(cell.check);
  if (cell.notes) cls.push('noted');
  let a = attr('class', cls.join(' ')) + span(cell.colspan, 'colspan') + attr('data-cell', cell.id) + attr('title', cellTitle(row, cell, en));
  if (cell.place) a += ' tabindex="-1"'; // reachable from the keyboard (arrow keys move between cells, Enter reveals)
  // the cells a total adds up, whether its relations hold or not (a view without `operands`: the failing ones')
  const operands = [...new Set([...(cell.operands ?? []), ...(cell.failures ?? []).flatMap((f) => f.operands)])];
  if (operands.length) a += attr('data-operands', operands.join(' '));
  let inner = `<span class="val">${escapeHtml(cell.text)}</span>`;
  const expected = [...new Set((cell.failures ?? []).map((f) => f.expected))];
  for (const e of expected) inner += `<span class="exp">${escapeHtml(uiText(en, 'expected', e))}</span>`;
  return `<td${a}>${inner}</td>`;
}

function renderRow(row: ViewRow, en: boolean): string {
  const cls = ['row', row.status];
  let out = `<tr${attr('class', cls.join(' '))}${attr('data-row-id', row.id)}>`;
  for (const lc of row.labelCells) {
    if (lc.group) {
      out += `<th${attr('class', lc.rowspan >= 10 ? 'grp tall' : 'grp')}${span(lc.rowspan, 'rowspan')}${span(lc.colspan, 'colspan')} scope="rowgroup">${escapeHtml(lc.text)}</th>`;
      continue;
    }
    const lcls = ['lab'];
    let extra = '';
    const tips = [row.label];
    if (row.labelPlace) { lcls.push('link'); extra += attr('data-row', row.id) + ' tabindex="-1"'; tips.push(uiText(en, 'clickToReveal')); }
    if (row.sourceLabel) { lcls.push('differs'); tips.push(`“${row.sourceLabel}”`); }
    for (const n of row.notes ?? []) tips.push(`⚠ ${n}`);
    let inner = escapeHtml(lc.text);
    if (row.status === 'missing') inner += ` <span class="tag">${escapeHtml(uiText(en, 'rowMissing'))}</span>`;
    if (row.status === 'unlocated') inner += ` <span class="tag">${escapeHtml(uiText(en, 'rowUnlocated'))}</span>`;
    out += `<th${attr('class', lcls.join(' '))}${span(lc.colspan, 'colspan')}${span(lc.rowspan, 'rowspan')} scope="row"${extra}${attr('title', tips.join('\n'))}>${inner}</th>`;
  }
  for (const c of row.cells) out += renderCell(row, c, en);
  return out + '</tr>';
}

function renderTable(t: ViewTable, en: boolean): string {
  const fails = t.relations.reduce((n, r) => n + r.fails, 0);
  const unchecked = t.relations.reduce((n, r) => n + r.unknown, 0);
  const head = `<h2${attr('class', t.status === 'absent' ? 'absent' : '')}>`
    + `<span class="name">${escapeHtml(t.name)}</span>`
    + (t.status !== 'absent' ? ` <span class="meta">${escapeHtml(uiText(en, 'rows', t.rowsLocated, t.rowsTotal))}</span>` : '')
    + (fails ? ` <span class="badge bad">${escapeHtml(uiText(en, 'failing', fails))}</span>` : '')
    + (!fails && unchecked && t.status !== 'absent' ? ` <span class="badge unknown">${escapeHtml(uiText(en, 'unchecked', unchecked))}</span>` : '')
    + '</h2>';
  let out = `<section class="table"${attr('id', `t-${t.id}`)}${attr('data-table', t.id)}>${head}`;
  if (t.status === 'absent') return out + `<p class="note">${escapeHtml(uiText(en, 'absent'))}</p></section>`;
  if (t.orphan) out += `<p class="note">${escapeHtml(uiText(en, 'orphan'))}</p>`;
  out += `<div class="scroll"><table${attr('class', `grid grid-${t.id}`)}>`;
  for (const b of t.blocks) {
    out += '<tbody class="block">';
    if (b.caption) out += `<tr class="caption"><th${attr('colspan', t.width)}>${escapeHtml(b.caption)}</th></tr>`;
    for (const hr of b.header) {
      out += '<tr class="head">';
      for (const h of hr) out += `<th${attr('class', `h-${h.kind}`)}${span(h.colspan, 'colspan')}${span(h.rowspan, 'rowspan')} scope="col">${escapeHtml(h.text)}</th>`;
      out += '</tr>';
    }
    for (const r of b.rows) out += renderRow(r, en);
    out += '</tbody>';
  }
  out += '</table></div>';
  if (t.relations.length) {
    out += `<ul class="relations"${attr('aria-label', uiText(en, 'relations'))}>`;
    for (const r of t.relations) {
      const state = r.fails ? 'bad' : r.unknown ? 'unknown' : 'good';
      const icon = r.fails ? '✗' : r.unknown ? '?' : '✓';
      const parts: string[] = [];
      if (r.fails) parts.push(uiText(en, 'fails', r.fails));
      if (r.unknown) parts.push(uiText(en, 'unknown', r.unknown));
      if (!parts.length) parts.push(uiText(en, 'holds'));
      out += `<li${attr('class', state)}><span class="icon">${icon}</span> ${escapeHtml(r.name)} <span class="meta">— ${escapeHtml(parts.join(en ? ', ' : '，'))}</span></li>`;
    }
    out += '</ul>';
  }
  return out + '</section>';
}

const LAYOUT_KEY = { tab: 'layoutTab', pipe: 'layoutPipe', space: 'layoutSpace', mixed: 'layoutMixed' } as const;

/** The page body for a view (or for its absence: loading, error, empty states). */
export function renderView(view: TableViewResult | undefined | null, opts: RenderOptions): string {
  const en = opts.en;
  if (opts.error) return emptyState(uiText(en, 'error'), opts.error, 'error');
  if (!view) return emptyState(uiText(en, 'loading'));
  if (view.empty?.reason === 'notOpen') return emptyState(uiText(en, 'notOpen'), uiText(en, 'notOpenDetail'));
  if (view.empty?.reason === 'skipped') return emptyState(uiText(en, 'skipped'), view.empty.message);
  const title = view.title || opts.fileName || '';
  let bar = `<header class="bar"><div class="title">${escapeHtml(title)}</div><div class="facts">`;
  bar += `<span class="fact">${escapeHtml(view.template ? uiText(en, 'template', view.template) : uiText(en, 'templateGuess', view.tableVersion))}</span>`;
  const layouts = [...new Set(view.tables.flatMap((t) => (t.layout ? [t.layout] : [])))];
  if (layouts.length) bar += `<span class="fact">${escapeHtml(uiText(en, 'layout', layouts.map((l) => uiText(en, LAYOUT_KEY[l])).join(en ? ', ' : '、')))}</span>`;
  if (view.empty?.reason !== 'noTables') {
    // "all hold" only when every relation of every table was checked; else how many could not be
    const unchecked = view.tables.reduce((n, t) => n + t.relations.reduce((m, r) => m + r.unknown, 0), 0);
    bar += view.failing
      ? `<span class="fact badge bad">${escapeHtml(uiText(en, 'failing', view.failing))}</span>`
      : unchecked
        ? `<span class="fact badge unknown">${escapeHtml(uiText(en, 'unchecked', unchecked))}</span>`
        : `<span class="fact badge good">${escapeHtml(uiText(en, 'allHold'))}</span>`;
  }
  bar += '</div><nav>';
  for (const t of view.tables) {
    const bad = t.relations.some((r) => r.fails) ? ' bad' : t.status === 'absent' ? ' absent' : '';
    bar += `<button type="button"${attr('class', `jump${bad}`)}${attr('data-scroll', t.id)}>${escapeHtml(t.name.split(/\s/)[0] ?? t.id)}</button>`;
  }
  bar += '</nav></header>';
  if (view.empty?.reason === 'noTables') return bar + emptyState(uiText(en, 'noTables'), uiText(en, 'noTablesDetail'));
  return bar + view.tables.map((t) => renderTable(t, en)).join('');
}

// ---------------------------------------------------------------- cursor

export interface ViewLocation { table?: string; row?: string; cell?: string }

/** What of the view is at an offset of the text: a cell, a row (label or values), or a table. */
export function locate(view: TableViewResult | undefined, offset: number): ViewLocation | undefined {
  if (!view) return undefined;
  for (const t of view.tables) {
    if (!t.place || offset < t.place.start || offset > t.place.end) continue;
    let rowHit: ViewRow | undefined;
    for (const b of t.blocks) {
      for (const r of b.rows) {
        for (const c of r.cells) {
          const p = c.place;
          if (p && offset >= p.start && offset <= p.end && (p.end > p.start || offset === p.start)) return { table: t.id, row: r.id, cell: c.id };
        }
        const inLabel = r.labelPlace && offset >= r.labelPlace.start && offset <= r.labelPlace.end;
        const inRow = r.place && offset >= r.place.start && offset <= r.place.end;
        if ((inLabel || inRow) && !rowHit) rowHit = r;
      }
    }
    return rowHit ? { table: t.id, row: rowHit.id } : { table: t.id };
  }
  return undefined;
}

// ---------------------------------------------------------------- page shell

const STYLE = `
:root { color-scheme: light dark; }
body {
  margin: 0; padding: 0 16px 24px;
  font-family: var(--vscode-font-family), "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground); background: var(--vscode-editor-background);
}
.bar { position: sticky; top: 0; z-index: 2; padding: 10px 0 8px; background: var(--vscode-editor-background);
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
.bar .title { font-weight: 600; font-size: 1.1em; flex: 1 1 100%; }
.facts { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; flex: 1 1 auto; }
.fact { color: var(--vscode-descriptionForeground); }
.fact + .fact::before { content: "·"; margin-right: 6px; color: var(--vscode-descriptionForeground); }
.fact.badge::before { content: none; }
.badge { border-radius: 10px; padding: 1px 8px; font-size: .92em; color: var(--vscode-foreground); }
.badge.bad { background: var(--vscode-inputValidation-errorBackground, rgba(240,60,60,.2)); border: 1px solid var(--vscode-inputValidation-errorBorder, #be1100); }
.badge.good { background: rgba(60,180,90,.18); border: 1px solid var(--vscode-testing-iconPassed, #388a34); }
.badge.unknown { background: var(--vscode-inputValidation-warningBackground, rgba(204,167,0,.18)); border: 1px solid var(--vscode-inputValidation-warningBorder, #b89500); }
nav { display: flex; gap: 4px; }
button.jump { font: inherit; cursor: pointer; border-radius: 3px; padding: 2px 10px;
  color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid transparent; }
button.jump:hover { background: var(--vscode-button-secondaryHoverBackground); }
button.jump.bad { border-color: var(--vscode-errorForeground, #f14c4c); }
button.jump.absent { opacity: .6; }
section.table { margin-top: 18px; }
h2 { font-size: 1.05em; font-weight: 600; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
h2.absent .name { opacity: .7; }
.meta { font-weight: normal; color: var(--vscode-descriptionForeground); font-size: .92em; }
.note { color: var(--vscode-descriptionForeground); margin: 4px 0 8px; }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.45)); padding: 2px 7px; line-height: 1.45; }
tr.head th, tr.caption th { background: var(--vscode-editorWidget-background, rgba(128,128,128,.1)); font-weight: 600; text-align: center; }
tr.caption th { text-align: left; font-weight: 600; }
th.h-corner { font-weight: normal; font-size: .85em; color: var(--vscode-descriptionForeground); max-width: 16em; }
th.grp { font-weight: normal; text-align: center; vertical-align: middle; max-width: 5em; background: var(--vscode-editorWidget-background, rgba(128,128,128,.06)); }
th.grp.tall { writing-mode: vertical-rl; letter-spacing: .15em; padding: 6px 4px; }
th.lab { font-weight: normal; text-align: left; min-width: 7em; max-width: 24em; }
th.lab.differs { text-decoration: underline wavy var(--vscode-editorWarning-foreground, #cca700); text-underline-offset: 3px; }
.grid-t3 th.lab { max-width: 30em; }
td.v { text-align: center; white-space: nowrap; min-width: 2.5em; }
.link { cursor: pointer; }
td.link:hover, th.lab.link:hover { background: var(--vscode-list-hoverBackground, rgba(128,128,128,.15)); }
td.k-slash .val, td.k-dash .val { color: var(--vscode-descriptionForeground); }
td.k-unreadable .val { text-decoration: underline wavy var(--vscode-editorWarning-foreground, #cca700); }
td.k-missing { background: repeating-linear-gradient(135deg, transparent 0 4px, rgba(128,128,128,.16) 4px 6px); }
td.noted { box-shadow: inset 0 -2px 0 var(--vscode-editorWarning-foreground, #cca700); }
td.fails { background: var(--vscode-inputValidation-errorBackground, rgba(240,60,60,.22)); box-shadow: inset 0 0 0 2px var(--vscode-errorForeground, #f14c4c); }
td.fails .val { color: var(--vscode-errorForeground, #f14c4c); font-weight: 700; text-decoration: line-through; text-decoration-thickness: 1px; }
td .exp { display: inline-block; margin-left: 6px; padding: 0 5px; border-radius: 3px; font-size: .85em; font-weight: 600;
  color: var(--vscode-editor-background, #fff); background: var(--vscode-errorForeground, #f14c4c); }
table.grid tr > td.operand { background: var(--vscode-editor-findMatchHighlightBackground, rgba(234,92,0,.25)); outline: 1px dashed var(--vscode-editorWarning-foreground, #cca700); outline-offset: -3px; }
tr.row.missing th.lab, tr.row.unlocated th.lab { color: var(--vscode-descriptionForeground); }
.tag { font-size: .8em; padding: 0 4px; border-radius: 3px; border: 1px solid var(--vscode-editorWarning-foreground, #cca700); color: var(--vscode-editorWarning-foreground, #cca700); white-space: nowrap; }
tr.cursor-row > th.lab, tr.cursor-row > td:not(.fails) { background-color: var(--vscode-list-inactiveSelectionBackground, rgba(128,128,128,.16)); }
td.cursor, th.cursor { outline: 2px solid var(--vscode-focusBorder, #007fd4); outline-offset: -2px; }
td.link:focus, th.lab.link:focus { outline: 2px dashed var(--vscode-focusBorder, #007fd4); outline-offset: -3px; }
ul.relations { list-style: none; padding: 0; margin: 8px 0 0; }
ul.relations li { margin: 2px 0; }
ul.relations li.good .icon { color: var(--vscode-testing-iconPassed, #388a34); }
ul.relations li.bad .icon { color: var(--vscode-errorForeground, #f14c4c); font-weight: 700; }
ul.relations li.unknown .icon { color: var(--vscode-editorWarning-foreground, #cca700); }
.empty { margin: 40px auto; max-width: 40em; text-align: center; color: var(--vscode-descriptionForeground); }
.empty h2 { display: block; color: var(--vscode-foreground); font-size: 1.2em; }
.empty.error h2 { color: var(--vscode-errorForeground); }
`;

// The page's script: draws the body sent by the extension, reports clicks and follows the cursor.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  let at = null;
  const FOCUSABLE = 'td[data-cell][tabindex], th[data-row][tabindex]';
  const q = (sel, v) => root.querySelector('[' + sel + '="' + CSS.escape(v) + '"]');
  const clear = (cls) => { for (const el of root.querySelectorAll('.' + cls)) el.classList.remove(cls); };
  function markOperands(cell) {
    for (const id of (cell.getAttribute('data-operands') || '').split(' ')) {
      const el = id ? q('data-cell', id) : null;
      if (el) el.classList.add('operand');
    }
  }
  function showCursor(reveal) {
    clear('cursor'); clear('cursor-row'); clear('operand');
    if (!at) return null;
    const cell = at.cell ? q('data-cell', at.cell) : null;
    const row = at.row ? q('data-row-id', at.row) : null;
    if (row) row.classList.add('cursor-row');
    if (cell) { cell.classList.add('cursor'); markOperands(cell); }
    const target = cell || row || (at.table ? document.getElementById('t-' + at.table) : null);
    if (reveal && target) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return cell ? cell.getAttribute('data-cell') : null;
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.html === 'string') {
      const x = window.scrollX, y = window.scrollY;
      const focused = document.activeElement instanceof Element ? document.activeElement.closest(FOCUSABLE) : null;
      const focusKey = focused ? (focused.getAttribute('data-cell') ? ['data-cell', focused.getAttribute('data-cell')] : ['data-row', focused.getAttribute('data-row')]) : null;
      root.innerHTML = m.html;
      const again = focusKey ? q(focusKey[0], focusKey[1]) : null;
      setRoving(again || root.querySelector(FOCUSABLE));
      if (again) again.focus({ preventScroll: true });
      // what scrollIntoView brings into view must not end up under the sticky bar
      const bar = root.querySelector('.bar');
      document.documentElement.style.scrollPaddingTop = bar ? (bar.offsetHeight + 6) + 'px' : '0px';
      window.scrollTo(x, y);
      showCursor(false);
      vscode.setState({ uri: m.uri });
      vscode.postMessage({ type: 'rendered', uri: m.uri, version: m.version,
        cells: root.querySelectorAll('td[data-cell]').length, failing: root.querySelectorAll('td.fails').length });
    } else if (m.type === 'cursor') {
      at = m.at || null;
      vscode.postMessage({ type: 'cursorShown', cell: showCursor(true) });
    }
  });
  root.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-cell],[data-row],[data-scroll]') : null;
    if (!el) return;
    if (el.hasAttribute('data-scroll')) {
      const t = document.getElementById('t-' + el.getAttribute('data-scroll'));
      if (t) t.scrollIntoView({ block: 'start' });
    } else if (el.hasAttribute('data-cell')) {
      if (el.classList.contains('link')) vscode.postMessage({ type: 'reveal', cell: el.getAttribute('data-cell') });
    } else {
      vscode.postMessage({ type: 'reveal', row: el.getAttribute('data-row') });
    }
  });
  // keyboard: one cell of the page is in the tab order (roving tabindex); arrow keys, Home and End move between
  // the cells that can be revealed, Enter or Space reveals one in the text, as a click does
  function setRoving(el) {
    for (const x of root.querySelectorAll(FOCUSABLE + '[tabindex="0"]')) if (x !== el) x.setAttribute('tabindex', '-1');
    if (el) el.setAttribute('tabindex', '0');
  }
  function inRow(tr) { return tr ? Array.from(tr.querySelectorAll(FOCUSABLE)) : []; }
  function centre(el) { const r = el.getBoundingClientRect(); return r.left + r.width / 2; }
  function vertical(el, dir) {
    let tr = el.closest('tr');
    const x = centre(el);
    for (tr = dir > 0 ? tr.nextElementSibling : tr.previousElementSibling; tr; tr = dir > 0 ? tr.nextElementSibling : tr.previousElementSibling) {
      const cells = inRow(tr);
      if (!cells.length) continue;
      return cells.reduce((best, c) => (Math.abs(centre(c) - x) < Math.abs(centre(best) - x) ? c : best));
    }
    return null;
  }
  function reveal(el) {
    if (el.hasAttribute('data-cell')) vscode.postMessage({ type: 'reveal', cell: el.getAttribute('data-cell') });
    else vscode.postMessage({ type: 'reveal', row: el.getAttribute('data-row') });
  }
  root.addEventListener('focusin', (event) => {
    const el = event.target instanceof Element ? event.target.closest(FOCUSABLE) : null;
    if (el) setRoving(el);
  });
  root.addEventListener('keydown', (event) => {
    const el = event.target instanceof Element ? event.target.closest(FOCUSABLE) : null;
    if (!el) return;
    let next = null;
    const row = inRow(el.closest('tr'));
    const k = row.indexOf(el);
    if (event.key === 'ArrowRight') next = row[k + 1] || null;
    else if (event.key === 'ArrowLeft') next = row[k - 1] || null;
    else if (event.key === 'Home') next = row[0];
    else if (event.key === 'End') next = row[row.length - 1];
    else if (event.key === 'ArrowDown') next = vertical(el, 1);
    else if (event.key === 'ArrowUp') next = vertical(el, -1);
    else if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); reveal(el); return; }
    else return;
    event.preventDefault();
    if (next) { next.focus(); next.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  });
  root.addEventListener('mouseover', (event) => {
    const el = event.target instanceof Element ? event.target.closest('td.fails') : null;
    if (el) markOperands(el);
  });
  root.addEventListener('mouseout', (event) => {
    const el = event.target instanceof Element ? event.target.closest('td.fails') : null;
    if (el && !el.classList.contains('cursor')) { clear('operand'); showCursor(false); }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;

export interface ShellOptions { nonce: string; cspSource: string; en: boolean; title: string }

/** The page: strict CSP (no remote resources, script and style only with the nonce), empty body filled by messages. */
export function renderShell(o: ShellOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${o.nonce}'`,
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource} data:`,
    `font-src ${o.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${o.en ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<main id="root">${emptyState(uiText(o.en, 'loading'))}</main>
<script nonce="${o.nonce}">${SCRIPT}</script>
</body>
</html>`;
}
