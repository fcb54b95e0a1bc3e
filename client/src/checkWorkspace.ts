// "Check all annual reports in the workspace": text reports (.txt, .md) and Word, PDF and web-page files, checked by
// the language server without opening them; their findings go to the Problems panel. A Word/PDF/HTML file's
// findings are in the read-only view of its text (nianbao-text:…), which a click on one of them opens as a report at
// the right place. Every file checked is remembered as a report: opened later, it gets the language at once.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFilesRequest, type CheckFile, type CheckFilesResult } from '../../server/src/lsp/protocol';
import { checkedTextUri, CONVERTED_REPORT, readSource } from './checkedText';
import { msg } from './messages';
import type { ReportRecognizer } from './recognize';

const REPORT_NAME = /年度报告|年报/;
const TEXT_FILE = /\.(txt|text|md|markdown)$/i;
const FILES = '**/*.{txt,text,md,markdown,docx,pdf,html,htm,xhtml,shtml}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.cache/**}';
/** Bytes sent in one request (Word and PDF files go as base64). */
const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_FILES = 10;

interface Candidate { uri: vscode.Uri; named: boolean; size: number }

/** A text file is a candidate when its name says report or its head names 政府信息公开 (the server then decides). */
async function textCandidate(uri: vscode.Uri, maxBytes: number): Promise<Candidate | 'tooLarge' | undefined> {
  let stat: vscode.FileStat;
  try { stat = await vscode.workspace.fs.stat(uri); } catch { return undefined; }
  const named = REPORT_NAME.test(path.posix.basename(uri.path));
  if (stat.size > maxBytes) return named ? 'tooLarge' : undefined;
  if (named) return { uri, named, size: stat.size };
  const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
  const head = bytes ? new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)) : '';
  return /政府信息公开/.test(head) ? { uri, named, size: stat.size } : undefined;
}

export async function checkWorkspace(client: LanguageClient | undefined, recognizer: ReportRecognizer): Promise<CheckFilesResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(msg('noWorkspace'));
    return undefined;
  }
  const c = client;
  if (!c) return undefined;
  const total: CheckFilesResult = { files: [], unread: [] };
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: msg('checking'), cancellable: true },
    async (progress, token) => {
      progress.report({ message: msg('searching') });
      const uris = await vscode.workspace.findFiles(FILES, EXCLUDE, undefined, token);
      const maxKB = vscode.workspace.getConfiguration('nianbao').get<number>('maxFileSizeKB') ?? 2048;
      let tooLarge = 0;
      const candidates: Candidate[] = [];
      for (const u of uris) {
        if (token.isCancellationRequested) break;
        if (TEXT_FILE.test(u.path)) {
          const r = await textCandidate(u, maxKB * 1024);
          if (r === 'tooLarge') tooLarge++; else if (r) candidates.push(r);
        } else if (CONVERTED_REPORT.test(u.path)) {
          const size = await vscode.workspace.fs.stat(u).then((s) => s.size, () => -1);
          if (size >= 0) candidates.push({ uri: u, named: REPORT_NAME.test(path.posix.basename(u.path)), size });
        }
      }
      // batches of at most BATCH_FILES files and BATCH_BYTES bytes
      const batches: Candidate[][] = [];
      let cur: Candidate[] = [], bytes = 0;
      for (const cand of candidates) {
        if (cur.length && (cur.length >= BATCH_FILES || bytes + cand.size > BATCH_BYTES)) { batches.push(cur); cur = []; bytes = 0; }
        cur.push(cand); bytes += cand.size;
      }
      if (cur.length) batches.push(cur);
      let done = 0;
      for (const batch of batches) {
        if (token.isCancellationRequested) break;
        const files: CheckFile[] = [];
        for (const cand of batch) {
          const u = cand.uri;
          const requireReport = !cand.named;
          if (TEXT_FILE.test(u.path)) {
            const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
            const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(u));
            files.push({ uri: u.toString(), text, requireReport });
          } else {
            progress.report({ message: msg('reading', path.posix.basename(u.path)) });
            const got = await readSource(u);
            const view = checkedTextUri(u).toString();
            if ('reason' in got) total.unread!.push({ uri: view, reason: got.reason });
            else files.push({ uri: view, ...got, requireReport });
          }
        }
        const res = files.length ? await c.sendRequest<CheckFilesResult>(CheckFilesRequest, { files }, token) : { files: [] };
        total.files.push(...res.files.filter((f) => f.report));
        total.unread!.push(...(res.unread ?? []));
        // the files checked as reports open as reports from now on (a click in the Problems panel included)
        await recognizer.remember(res.files.filter((f) => f.report).map((f) => vscode.Uri.parse(f.uri, true)));
        done += batch.length;
        progress.report({ increment: (batch.length / candidates.length) * 100, message: msg('progress', done, candidates.length) });
      }
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage(msg('cancelled', total.files.length));
        return total;
      }
      const sum = total.files.reduce((a, f) => ({ e: a.e + f.counts.error, w: a.w + f.counts.warning, i: a.i + f.counts.information + f.counts.hint }), { e: 0, w: 0, i: 0 });
      let text = msg('done', total.files.length, sum.e, sum.w, sum.i);
      if (tooLarge) text += ' ' + msg('doneSkipped', tooLarge);
      if (total.unread!.length) {
        const names = total.unread!.slice(0, 3).map((u) => `${path.posix.basename(vscode.Uri.parse(u.uri, true).path)}（${u.reason}）`).join('、');
        text += ' ' + msg('doneUnread', total.unread!.length, names + (total.unread!.length > 3 ? '…' : ''));
      }
      void vscode.window.showInformationMessage(text);
      return total;
    },
  );
}
