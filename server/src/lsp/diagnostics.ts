// Findings → LSP diagnostics (exact ranges, rule code + doc link, related cells, fixes in `data`),
// and the "hold back findings on the line being typed" filter.
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocPath, type Finding, type Fix, type Severity } from '../core';
import type { DiagnosticData, FindingCounts } from './protocol';

export const SOURCE = 'nianbao';

/** Package root: dist/server.js lives in <root>/dist (also true for out/server/src/lsp when resolved by the caller). */
export function defaultPackageRoot(): string {
  return path.join(__dirname, '..');
}

const docUris = new Map<string, string>();
export function ruleDocUri(packageRoot: string, rule: string): string {
  const key = packageRoot + '\0' + rule;
  let u = docUris.get(key);
  if (u === undefined) {
    u = pathToFileURL(path.join(packageRoot, ...ruleDocPath(rule).split('/'))).toString();
    docUris.set(key, u);
  }
  return u;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, start: number, end: number): Range {
  const len = doc.getText().length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  return { start: doc.positionAt(s), end: doc.positionAt(e) };
}

export function fixToEdits(doc: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
}

/** Looks up another report (cross-report findings point into it). */
export type DocumentLookup = (uri: string) => TextDocument | undefined;

export function toDiagnostic(doc: TextDocument, f: Finding, packageRoot: string, lookup?: DocumentLookup): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    codeDescription: { href: ruleDocUri(packageRoot, f.rule) },
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.flatMap<DiagnosticRelatedInformation>((r) => {
      const other = r.file ? lookup?.(r.file) : doc;
      return other ? [{ location: { uri: other.uri, range: toRange(other, r.start, r.end) }, message: r.message }] : [];
    });
  }
  const data: DiagnosticData = {
    version: doc.version,
    fixes: (f.fixes ?? []).map((fix) => ({ title: fix.title, preferred: fix.preferred === true, edits: fixToEdits(doc, fix) })),
  };
  d.data = data;
  return d;
}

/** A single information diagnostic at the top of the file explaining why it was not checked. */
export function skippedDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'not-checked',
    source: SOURCE,
    message,
  };
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity]++;
  return c;
}

/** Lines [first, last] (0-based) being edited, and when they were last edited (ms clock). */
export interface TypingRegion { firstLine: number; lastLine: number; at: number }

/**
 * Split findings into those to publish now and those held back because they touch the line being typed
 * and that line was edited less than `holdMs` ago. `heldUntil` is when the held findings become visible.
 */
export function holdBack(
  doc: TextDocument,
  findings: readonly Finding[],
  typing: TypingRegion | undefined,
  now: number,
  holdMs: number,
): { visible: Finding[]; held: Finding[]; heldUntil?: number } {
  if (!typing || holdMs <= 0 || now - typing.at >= holdMs) return { visible: [...findings], held: [] };
  const visible: Finding[] = [];
  const held: Finding[] = [];
  for (const f of findings) {
    const a = doc.positionAt(f.start).line;
    const b = doc.positionAt(Math.max(f.start, f.end)).line;
    if (a <= typing.lastLine && b >= typing.firstLine) held.push(f); else visible.push(f);
  }
  return held.length ? { visible, held, heldUntil: typing.at + holdMs } : { visible, held };
}
