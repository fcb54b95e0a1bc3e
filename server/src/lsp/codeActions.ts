// Code actions: each fix as a quickfix, "fix all of this rule", source.fixAll.nianbao, and "ignore this rule".
// Edits are returned as versioned TextDocumentEdits, so a client rejects them if the document moved on.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleById, type Finding, type Fix, type Locale } from '../core';
import { fixToEdits, SOURCE } from './diagnostics';
import { t } from './i18n';
import { FIX_ALL_KIND, ServerCommands, type AddWordArgs, type DiagnosticData, type IgnoreRuleArgs } from './protocol';

/** Rules that leave the words of the user dictionary alone. */
const WORD_RULES = new Set(['typo', 'traditional-char', 'name-mismatch']);

export interface CodeActionEnv {
  locale: Locale;
  /** Client supports WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
  /** File name of the workspace config; undefined when no config can be written (no folder, untrusted). */
  configFile?: string;
  /** Document lies inside a workspace folder (so "ignore in this file" can name it). */
  inWorkspaceFolder: boolean;
}

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}

function kindMatches(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function isDiagnosticData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && Array.isArray((v as DiagnosticData).fixes);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function ruleTitle(rule: string, locale: Locale): string {
  return ruleById(rule)?.title[locale] ?? rule;
}

/** Pick fixes so that no two accepted fixes have overlapping (or same-point) edits; earlier fixes win. */
export function nonOverlapping(fixes: readonly Fix[]): Fix[] {
  const taken: { start: number; end: number }[] = [];
  const out: Fix[] = [];
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end || a.start === b.start || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
  for (const f of fixes) {
    if (f.edits.length === 0) continue;
    if (f.edits.some((e) => taken.some((t2) => overlaps(e, t2)))) continue;
    // Edits inside one fix must not overlap each other either.
    const sorted = [...f.edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end)) continue;
    taken.push(...f.edits);
    out.push(f);
  }
  return out;
}

/** The fix "fix all" applies for a finding: its preferred fix, else its only fix unless it is arithmetic. */
function fixForFixAll(f: Finding, preferredOnly: boolean): Fix | undefined {
  const fixes = f.fixes ?? [];
  const pref = fixes.find((x) => x.preferred);
  if (pref || preferredOnly) return pref;
  return fixes.length === 1 && f.expected === undefined ? fixes[0] : undefined;
}

/** All preferred fixes of the document, non-overlapping, as one list of edits (source.fixAll). */
export function fixAllEdits(doc: TextDocument, findings: readonly Finding[], rule?: string): TextEdit[] {
  const chosen: Fix[] = [];
  for (const f of findings) {
    if (rule !== undefined && f.rule !== rule) continue;
    const fix = fixForFixAll(f, rule === undefined);
    if (fix) chosen.push(fix);
  }
  return nonOverlapping(chosen).flatMap((fix) => fixToEdits(doc, fix));
}

function findingFixesFor(doc: TextDocument, d: Diagnostic, findings: readonly Finding[]): { title: string; preferred: boolean; edits: TextEdit[] }[] {
  if (isDiagnosticData(d.data) && d.data.version === doc.version) {
    return d.data.fixes.map((f) => ({ title: f.title, preferred: f.preferred === true, edits: f.edits }));
  }
  // Stale or missing data: look the finding up in the current analysis by rule and exact range.
  for (const f of findings) {
    if (f.rule !== d.code) continue;
    const r = { start: doc.positionAt(f.start), end: doc.positionAt(f.end) };
    if (!sameRange(r, d.range)) continue;
    return (f.fixes ?? []).map((fix) => ({ title: fix.title, preferred: fix.preferred === true, edits: fixToEdits(doc, fix) }));
  }
  return [];
}

export function provideCodeActions(
  doc: TextDocument,
  findings: readonly Finding[],
  context: CodeActionContext,
  env: CodeActionEnv,
): CodeAction[] {
  const out: CodeAction[] = [];
  const only = context.only;
  const ours = context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');

  if (kindMatches(CodeActionKind.QuickFix, only)) {
    for (const d of ours) {
      for (const fix of findingFixesFor(doc, d, findings)) {
        if (!fix.edits.length) continue;
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: workspaceEdit(doc, fix.edits, env.documentChanges),
        });
      }
    }
    const rules = [...new Set(ours.map((d) => String(d.code)))];
    for (const rule of rules) {
      const fixable = findings.filter((f) => f.rule === rule && fixForFixAll(f, false));
      if (fixable.length >= 2) {
        const edits = fixAllEdits(doc, findings, rule);
        if (edits.length) {
          out.push({
            title: t(env.locale, 'fixAllRule', ruleTitle(rule, env.locale)),
            kind: CodeActionKind.QuickFix,
            diagnostics: ours.filter((d) => d.code === rule),
            edit: workspaceEdit(doc, edits, env.documentChanges),
          });
        }
      }
    }
    if (env.configFile) {
      // add to dictionary: the word the finding covers, for the rules that read the user dictionary
      for (const d of ours) {
        if (!WORD_RULES.has(String(d.code))) continue;
        const word = doc.getText(d.range).trim();
        if (!word || word.length > 20) continue;
        const args: AddWordArgs = { uri: doc.uri, word };
        const title = t(env.locale, 'addWord', word, env.configFile);
        out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: ServerCommands.addWord, arguments: [args] } });
      }
      if (env.inWorkspaceFolder) {
        // ignore one finding: keyed by the text of its line, so that it survives edits elsewhere
        for (const d of ours) {
          const line = doc.getText({ start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line + 1, character: 0 } }).trim();
          if (!line) continue;
          const hargs: IgnoreRuleArgs = { uri: doc.uri, rule: String(d.code), scope: 'here', line };
          const title = t(env.locale, 'ignoreHere', String(d.code), env.configFile);
          out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: ServerCommands.ignoreRule, arguments: [hargs] } });
        }
      }
      for (const rule of rules) {
        const diags = ours.filter((d) => d.code === rule);
        if (env.inWorkspaceFolder) {
          const args: IgnoreRuleArgs = { uri: doc.uri, rule, scope: 'file' };
          out.push({
            title: t(env.locale, 'ignoreInFile', rule, env.configFile),
            kind: CodeActionKind.QuickFix,
            diagnostics: diags,
            command: { title: t(env.locale, 'ignoreInFile', rule, env.configFile), command: ServerCommands.ignoreRule, arguments: [args] },
          });
        }
        const wargs: IgnoreRuleArgs = { uri: doc.uri, rule, scope: 'workspace' };
        out.push({
          title: t(env.locale, 'ignoreInWorkspace', rule, env.configFile),
          kind: CodeActionKind.QuickFix,
          diagnostics: diags,
          command: { title: t(env.locale, 'ignoreInWorkspace', rule, env.configFile), command: ServerCommands.ignoreRule, arguments: [wargs] },
        });
      }
    }
  }

  // source.fixAll.nianbao: only when asked for explicitly (codeActionsOnSave, the fixAll command) or when listing source actions.
  if (only && kindMatches(FIX_ALL_KIND, only)) {
    const edits = fixAllEdits(doc, findings);
    if (edits.length) {
      out.push({ title: t(env.locale, 'fixAllSource'), kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, env.documentChanges) });
    }
  }
  return out;
}
