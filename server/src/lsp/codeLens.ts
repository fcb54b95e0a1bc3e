// Code lens above each table with relations: "表三：勾稽关系全部成立" or "表三：N 处勾稽关系不成立".
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale, ReportModel } from '../core';
import { t } from './i18n';
import { presentTables, tableDefOf } from './model';
import { tableName } from './symbols';
import { evaluateRelations } from './hover';

export function provideCodeLenses(doc: TextDocument, model: ReportModel, findings: readonly Finding[], locale: Locale): CodeLens[] {
  const out: CodeLens[] = [];
  for (const table of presentTables(model)) {
    const def = tableDefOf(model, table.id);
    if (!def || def.relations.length === 0) continue;
    const failing = findings.filter((f) => f.rule === 'table-balance' && f.start >= table.start && f.start <= table.end).length;
    let unknown = false;
    if (failing === 0) {
      // All relations hold only if each one could be evaluated.
      outer: for (const row of table.rows) {
        if (row.status !== 'ok') { unknown = true; break; }
        for (const cell of row.cells) {
          for (const ev of evaluateRelations(model, table, row, cell)) if (ev.status === 'unknown') { unknown = true; break outer; }
        }
      }
    }
    const name = tableName(table.id, locale);
    const title = failing > 0 ? t(locale, 'lensFailing', name, failing) : unknown ? t(locale, 'lensNotChecked', name) : t(locale, 'lensBalanced', name);
    const pos = doc.positionAt(table.start);
    out.push({ range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } }, command: { title, command: '' } });
  }
  return out;
}
