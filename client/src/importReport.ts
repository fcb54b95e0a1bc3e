// The "import report from Word/PDF/HTML" command: the client reads the file (any file system VS Code has), the
// server turns it into report text with the tables in the canonical layout, and the client writes NAME.txt
// beside it and opens it as a report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportReportRequest, LANGUAGE_ID, type ImportReportParams, type ImportReportResult } from '../../server/src/lsp/protocol';
import { msg } from './messages';

const MAX_MB = 48;
const EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'xhtml', 'shtml', 'txt'];
const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

export interface ImportOptions {
  /** Replace an existing NAME.txt without asking (true) or leave it (false). Default: ask. */
  overwrite?: boolean;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** NAME.txt beside the file; for a text file (another encoding) NAME.utf8.txt, never the file itself. */
export function importTarget(source: vscode.Uri): vscode.Uri {
  const name = baseName(source);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const dir = vscode.Uri.joinPath(source, '..');
  return vscode.Uri.joinPath(dir, ext === 'txt' || ext === 'text' ? `${stem}.utf8.txt` : `${stem}.txt`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

function summary(res: Extract<ImportReportResult, { ok: true }>): string {
  const done = res.tables.filter((t) => t.status !== 'skipped').map((t) => TABLE_NAMES[t.id]);
  const parts: string[] = [];
  if (done.length) parts.push(msg('importTables', done.join('、')));
  for (const t of res.tables.filter((x) => x.status === 'skipped')) parts.push(msg('importSkipped', TABLE_NAMES[t.id], t.reason ?? ''));
  if (!res.tables.length) parts.push(msg('importNoTables'));
  return parts.join(' ');
}

/** Runs the command; resolves to the written report's uri, or undefined when nothing was written. */
export async function importReport(client: LanguageClient | undefined, arg?: unknown, options: ImportOptions = {}): Promise<vscode.Uri | undefined> {
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: msg('importPick'),
      filters: { [msg('importFilter')]: EXTENSIONS },
    });
    source = picked?.[0];
    if (!source) return undefined;
  }
  const name = baseName(source);
  if (!client) { void vscode.window.showErrorMessage(msg('previewNoServer')); return undefined; }
  const c = client;
  const res = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: msg('importReading', name) },
    async (): Promise<ImportReportResult> => {
      let bytes: Uint8Array;
      try {
        const stat = await vscode.workspace.fs.stat(source!);
        if (stat.size > MAX_MB * 1024 * 1024) return { ok: false, reason: msg('importTooLarge', MAX_MB) };
        bytes = await vscode.workspace.fs.readFile(source!);
      } catch (e) {
        return { ok: false, reason: e instanceof Error ? e.message : String(e) };
      }
      const params: ImportReportParams = { name, data: Buffer.from(bytes).toString('base64') };
      return c.sendRequest<ImportReportResult>(ImportReportRequest, params);
    },
  ).then((r) => r, (e: unknown) => ({ ok: false as const, reason: e instanceof Error ? e.message : String(e) }));
  if (!res.ok) {
    void vscode.window.showErrorMessage(msg('importFailed', name, res.reason));
    return undefined;
  }
  const target = importTarget(source);
  if (await exists(target)) {
    let replace = options.overwrite;
    if (replace === undefined) {
      const choice = await vscode.window.showWarningMessage(msg('importExists', baseName(target)), { modal: true }, msg('importOverwrite'));
      replace = choice === msg('importOverwrite');
    }
    if (!replace) return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open) {
    // already open: replaced through the editor (undo brings the old text back); saved unless the user had
    // unsaved changes in it, which then stay unsaved for the user to decide
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), res.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(msg('importFailed', name, baseName(target)));
      return undefined;
    }
    if (!wasDirty) await open.save();
  } else {
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(res.text, 'utf8'));
    } catch (e) {
      // a read-only folder or file system: say so, nothing is lost (the source is untouched)
      void vscode.window.showErrorMessage(msg('importFailed', baseName(target), e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }
  let doc = await vscode.workspace.openTextDocument(target);
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  await vscode.window.showTextDocument(doc);
  void vscode.window.showInformationMessage(`${msg('importDone', name, baseName(target))} ${summary(res)}`);
  return target;
}
