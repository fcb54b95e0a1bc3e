// Code actions: each fix as a quickfix, "fix all of this rule", source.fixAll.nianbao, and "ignore this rule".
// Edits are returned as versioned TextDocumentEdits, so a client rejects them if the document moved on.
import {
  CodeActionKind,
  type AnnotatedTextEdit,
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
  /** Client supports change annotations (edits that need confirmation: VS Code's refactor preview). */
  changeAnnotations?: boolean;
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

/**
 * The fixes "fix all" applies, with their rules, non-overlapping: every rule's preferred fixes (source.fixAll, the
 * command), or one rule's fixes (its preferred or only fix, never arithmetic).
 */
export function fixAllGroups(doc: TextDocument, findings: readonly Finding[], rule?: string): { rule: string; edits: TextEdit[] }[] {
  const chosen: Fix[] = [];
  const ruleOf = new Map<Fix, string>();
  for (const f of findings) {
    if (rule !== undefined && f.rule !== rule) continue;
    const fix = fixForFixAll(f, rule === undefined);
    if (fix && !ruleOf.has(fix)) { chosen.push(fix); ruleOf.set(fix, f.rule); }
  }
  const groups = new Map<string, TextEdit[]>();
  for (const fix of nonOverlapping(chosen)) {
    const r = ruleOf.get(fix)!;
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(...fixToEdits(doc, fix));
  }
  return [...groups].map(([r, edits]) => ({ rule: r, edits }));
}

/** All preferred fixes of the document, non-overlapping, as one list of edits (source.fixAll). */
export function fixAllEdits(doc: TextDocument, findings: readonly Finding[], rule?: string): TextEdit[] {
  return fixAllGroups(doc, findings, rule).flatMap((g) => g.edits);
}

/** How many edits "fix all" would make per rule, for the command's choice of rules. */
export function fixableByRule(doc: TextDocument, findings: readonly Finding[], locale: Locale): { rule: string; title: string; edits: number }[] {
  const ids = [...new Set(findings.map((f) => f.rule))];
  return ids.flatMap((id) => {
    const n = fixAllGroups(doc, findings, id).reduce((k, g) => k + g.edits.length, 0);
    return n ? [{ rule: id, title: ruleTitle(id, locale), edits: n }] : [];
  }).sort((a, b) => b.edits - a.edits);
}

/**
 * One workspace edit for several rules' fixes. With `confirm` (and a client that supports change annotations) each
 * rule's edits carry an annotation that needs confirmation: VS Code shows them in its refactor preview, grouped by
 * rule, each group and each edit with a check box, before anything changes.
 */
export function groupedWorkspaceEdit(doc: TextDocument, groups: readonly { rule: string; edits: TextEdit[] }[], env: { documentChanges: boolean; changeAnnotations: boolean; locale: Locale }, confirm: boolean): WorkspaceEdit {
  const edits = groups.flatMap((g) => g.edits);
  if (!confirm || !env.documentChanges || !env.changeAnnotations) return workspaceEdit(doc, edits, env.documentChanges);
  const annotations: Record<string, { label: string; needsConfirmation: boolean; description?: string }> = {};
  const annotated: AnnotatedTextEdit[] = [];
  for (const g of groups) {
    const id = `nianbao:${g.rule}`;
    annotations[id] = { label: `${ruleTitle(g.rule, env.locale)}（${g.rule}）`, needsConfirmation: true, description: t(env.locale, 'fixAllGroup', g.edits.length) };
    for (const e of g.edits) annotated.push({ ...e, annotationId: id });
  }
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: annotated }], changeAnnotations: annotations };
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

const isHanChar = (c: string | undefined) => !!c && /\p{Script=Han}/u.test(c);
function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0 && n < 1000; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/**
 * What "add to dictionary" offers for a finding: a word, never a lone character. A finding on two or more characters
 * offers them; one on a single character (灤 of 灤河, 贺 of 办法贺) offers the two-character word it forms with a
 * neighbour when that word recurs in the report, as a name does (灤河 throughout the report), else nothing.
 */
export function dictionaryWord(text: string, start: number, end: number): string | undefined {
  const word = text.slice(start, end).trim();
  const chars = [...word];
  if (chars.length >= 2) return chars.length <= 20 ? word : undefined;
  if (chars.length !== 1 || !isHanChar(word)) return undefined;
  const a = text.indexOf(word, start), b = a + word.length;
  const prev = text.slice(Math.max(0, a - 2), a), next = text.slice(b, b + 2);
  const before = [...prev].pop(), after = [...next][0];
  const candidates = [
    ...(isHanChar(after) ? [word + after!] : []),
    ...(isHanChar(before) ? [before! + word] : []),
  ].map((w) => ({ w, n: occurrences(text, w) })).filter((c) => c.n >= 2);
  candidates.sort((x, y) => y.n - x.n);
  return candidates[0]?.w;
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
        const groups = fixAllGroups(doc, findings, rule);
        if (groups.length) {
          out.push({
            title: t(env.locale, 'fixAllRule', ruleTitle(rule, env.locale)),
            kind: CodeActionKind.QuickFix,
            diagnostics: ours.filter((d) => d.code === rule),
            // shown in the refactor preview first where the client supports it
            edit: groupedWorkspaceEdit(doc, groups, { documentChanges: env.documentChanges, changeAnnotations: env.changeAnnotations === true, locale: env.locale }, true),
          });
        }
      }
    }
    if (env.configFile) {
      // add to dictionary: the word the finding covers, for the rules that read the user dictionary
      for (const d of ours) {
        if (!WORD_RULES.has(String(d.code))) continue;
        const word = dictionaryWord(doc.getText(), doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
        if (!word) continue;
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
