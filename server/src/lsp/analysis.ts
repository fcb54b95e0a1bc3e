// One parse per document version, shared by every feature; findings cached per (version, options).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, parseReport, TableReuse, type CheckOptions as RunOptions, type Finding, type LineIndex, type Locale, type ReportModel } from '../core';
import { t } from './i18n';

/**
 * What the core's runner is given for a document (severities, words and ignores, resolved from the settings and the
 * config file by configResolver.ts), and a size limit.
 */
export interface CheckOptions extends RunOptions {
  locale: Locale;
  maxFileSizeKB: number;
}

export type SkipReason = 'tooLarge' | 'binary' | 'error';

export interface Analysis {
  doc: TextDocument;
  /** Undefined when the document was not parsed (see skipped). */
  model?: ReportModel;
  /** The line index of the check (set with the model): the runner reads "ignore here" lines with it. */
  lineIndex?: LineIndex;
  findings: Finding[];
  skipped?: { reason: SkipReason; message: string };
}

interface Entry {
  version: number;
  text: string;
  model?: ReportModel;
  parseError?: unknown;
  key?: string;
  analysis?: Analysis;
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) return true;
  return false;
}

function sizeKB(text: string): number {
  return Buffer.byteLength(text, 'utf8') / 1024;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Tables of earlier versions, shared by every document: an edit outside a table's region does not read it again. */
  readonly tables = new TableReuse();
  /** Number of parses done (for tests: one parse per version). */
  parses = 0;

  /** The parsed model of this document version (parsing at most once per version); undefined if it cannot be parsed. */
  model(doc: TextDocument, maxFileSizeKB = Infinity): ReportModel | undefined {
    const e = this.entry(doc);
    if (e.model || e.parseError !== undefined) return e.model;
    if (sizeKB(e.text) > maxFileSizeKB || looksBinary(e.text)) return undefined;
    try {
      this.parses++;
      e.model = parseReport(e.text, undefined, { reuse: this.tables });
    } catch (err) {
      e.parseError = err ?? new Error('parse failed');
    }
    return e.model;
  }

  analyze(doc: TextDocument, opts: CheckOptions): Analysis {
    const e = this.entry(doc);
    const key = JSON.stringify([opts.locale, opts.severity ?? {}, opts.maxFileSizeKB, opts.ignore?.rules ?? [], opts.ignore?.lines ?? [], opts.words ?? [], opts.settings?.packs ?? []]);
    if (e.analysis && e.key === key) return e.analysis;
    const kb = sizeKB(e.text);
    let analysis: Analysis;
    if (kb > opts.maxFileSizeKB) {
      analysis = { doc, findings: [], skipped: { reason: 'tooLarge', message: t(opts.locale, 'tooLarge', Math.round(kb), opts.maxFileSizeKB) } };
    } else if (looksBinary(e.text)) {
      analysis = { doc, findings: [], skipped: { reason: 'binary', message: t(opts.locale, 'binary') } };
    } else {
      const model = this.model(doc);
      if (!model) {
        analysis = { doc, findings: [], skipped: { reason: 'error', message: t(opts.locale, 'internalError', errorText(e.parseError)) } };
      } else {
        try {
          const res = checkReport(model, { locale: opts.locale, severity: opts.severity, words: opts.words, ignore: opts.ignore, settings: opts.settings });
          analysis = { doc, model, lineIndex: res.lineIndex, findings: res.findings };
        } catch (err) {
          analysis = { doc, model, findings: [], skipped: { reason: 'error', message: t(opts.locale, 'internalError', errorText(err)) } };
        }
      }
    }
    e.key = key;
    e.analysis = analysis;
    return analysis;
  }

  delete(uri: string): void { this.entries.delete(uri); }
  clear(): void { this.entries.clear(); this.tables.clear(); }

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    const text = doc.getText();
    if (!e || e.version !== doc.version || e.text !== text) {
      e = { version: doc.version, text };
      this.entries.set(doc.uri, e);
    }
    return e;
  }
}

/** A TextDocument for text that is not open in the client (workspace check). */
export function detachedDocument(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, 'nianbao', 0, text);
}
