// Shared helpers for the extension-host suite. Everything waits on VS Code events with a
// deadline; nothing sleeps.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'nianbao.nianbao';
export const LANGUAGE_ID = 'nianbao';
export const WAIT_MS = 30_000;

/** Fixture files (copies of seed reports in test/vscode/workspace/). */
export const SEED001 = 'seed001_灤河回族区人民政府2023年度报告.txt';
export const SEED003 = 'seed003_铜官区经信局2023年度报告.txt';
export const SEED004_PLAIN = 'seed004_untitled.txt';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must be run with the fixture workspace open (test/vscode/workspace)');
  return folder.uri.fsPath;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), name));
}

/** The rule id of a diagnostic: `code` is a string, or `{ value, target }` when the server sends codeDescription. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function nianbaoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? '?'}/${codeOf(d)}] ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the document's nianbao diagnostics as soon as `predicate` holds for them:
 * checked once now, then on every `onDidChangeDiagnostics` event that names the document.
 * Rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = nianbaoDiagnostics(uri);
    if (predicate(now)) return resolve(now);
    const key = uri.toString();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; last diagnostics:\n${describeDiagnostics(nianbaoDiagnostics(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const ds = nianbaoDiagnostics(uri);
      if (predicate(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
  });
}

export const hasCodes = (...codes: string[]) => (ds: vscode.Diagnostic[]) =>
  codes.every((c) => ds.some((d) => codeOf(d) === c));
export const lacksCode = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === code);

/** Resolves when the next configuration change touching `section` is seen (subscribe before changing!). */
export function nextConfigChange(section: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no configuration change for ${section} within ${timeoutMs} ms`)); }, timeoutMs);
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(section)) { clearTimeout(timer); sub.dispose(); resolve(); }
    });
  });
}

/** Activates the extension (so a failure to activate is reported as such, not as a timeout). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded; known: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  await ext.activate();
  return ext;
}

/** Opens a fixture in an editor and makes sure it has the nianbao language. */
export async function openReport(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  await activateExtension();
  let doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Throws away unsaved changes to `doc` and closes its editors, so later tests see the fixture as on disk. */
export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export function flattenSymbols(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  const out: vscode.DocumentSymbol[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]) => { for (const s of list) { out.push(s); walk(s.children ?? []); } };
  walk(symbols);
  return out;
}
