// "Fix all": the command (every rule's preferred fixes, or one rule's fixes) applied through the client with each
// rule's edits annotated, so that VS Code shows them in its refactor preview before anything changes; and the
// request that tells the client how many edits each rule would make (the command's choice of rules).
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale } from '../core';
import { fixableByRule, fixAllGroups, groupedWorkspaceEdit } from './codeActions';
import { t } from './i18n';
import { FixableRequest, type FixableParams, type FixableResult, type FixAllArgs } from './protocol';

export interface FixAllEnv { documentChanges: boolean; changeAnnotations: boolean; locale: Locale }

/** Applies the fixes through the client; resolves to the number of edits applied (0 when the user discarded them). */
export async function runFixAll(connection: Connection, doc: TextDocument, findings: readonly Finding[], args: FixAllArgs, env: FixAllEnv): Promise<number> {
  const groups = fixAllGroups(doc, findings, typeof args.rule === 'string' ? args.rule : undefined);
  const n = groups.reduce((k, g) => k + g.edits.length, 0);
  if (!n) return 0;
  const edit = groupedWorkspaceEdit(doc, groups, env, args.preview !== false);
  const res = await connection.workspace.applyEdit({ label: t(env.locale, 'fixAllDone'), edit });
  return res.applied ? n : 0;
}

/** The `nianbao/fixable` request; `analysis` gives a document's current text and findings. */
export function registerFixable(connection: Connection, analysis: (uri: string) => Promise<{ doc: TextDocument; findings: readonly Finding[]; locale: Locale } | undefined>): void {
  connection.onRequest(FixableRequest, async (p: FixableParams): Promise<FixableResult | null> => {
    const a = typeof p?.uri === 'string' ? await analysis(p.uri) : undefined;
    if (!a) return null;
    const all = fixAllGroups(a.doc, a.findings).reduce((k, g) => k + g.edits.length, 0);
    return { version: a.doc.version, rules: fixableByRule(a.doc, a.findings, a.locale), all };
  });
}
