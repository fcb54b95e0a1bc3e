// Open documents (incremental sync) with the line span of the last edit, for "hold back findings while typing".
import type {
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface EditedLines { firstLine: number; lastLine: number }

/** Lines touched by the changes, in the coordinates of the document after the change (undefined for full-text replacement). */
export function editedLines(changes: readonly TextDocumentContentChangeEvent[]): EditedLines | undefined {
  let first = Infinity, last = -Infinity;
  for (const c of changes) {
    if (!('range' in c) || !c.range) return undefined;
    const a = c.range.start.line;
    let nl = 0;
    for (let i = 0; i < c.text.length; i++) if (c.text.charCodeAt(i) === 10) nl++;
    first = Math.min(first, a);
    last = Math.max(last, a + nl);
  }
  return Number.isFinite(first) ? { firstLine: first, lastLine: last } : undefined;
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  open(p: DidOpenTextDocumentParams): TextDocument {
    const d = TextDocument.create(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    this.docs.set(d.uri, d);
    return d;
  }

  /** Apply changes; returns the updated document and the edited lines, or undefined for an unknown document. */
  change(p: DidChangeTextDocumentParams): { doc: TextDocument; edited?: EditedLines } | undefined {
    const d = this.docs.get(p.textDocument.uri);
    if (!d) return undefined;
    const updated = TextDocument.update(d, p.contentChanges, p.textDocument.version);
    this.docs.set(updated.uri, updated);
    return { doc: updated, edited: editedLines(p.contentChanges) };
  }

  close(uri: string): void { this.docs.delete(uri); }
  get(uri: string): TextDocument | undefined { return this.docs.get(uri); }
  all(): TextDocument[] { return [...this.docs.values()]; }
}
