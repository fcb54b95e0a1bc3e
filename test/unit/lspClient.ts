// A minimal LSP client for the protocol tests and the latency bench: spawns dist/server.js and speaks JSON-RPC.
// Everything waits on messages (with a timeout), never on sleeps.
import { spawn, fork, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ConfigurationParams,
  InitializeResult,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface StartOptions {
  transport?: 'stdio' | 'ipc';
  locale?: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  workspaceFolders?: { uri: string; name: string }[];
  /** Client advertises workspace/configuration (default true). */
  configuration?: boolean;
  /** Client advertises change annotations in workspace edits (VS Code does: its refactor preview). */
  changeAnnotations?: boolean;
}

export interface Notification { method: string; params: unknown }

export class TestClient {
  readonly notifications: Notification[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  private waiters: { pred: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];

  private constructor(readonly conn: MessageConnection, readonly proc: ChildProcess, settings: Record<string, unknown>) {
    this.settings = settings;
    conn.onNotification((method: string, params: unknown) => {
      const n = { method, params };
      this.notifications.push(n);
      this.waiters = this.waiters.filter((w) => (w.pred(n) ? (w.resolve(n), false) : true));
    });
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map((it) => (it.section === 'nianbao' ? this.settings : null)));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/codeLens/refresh', () => null);
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => { this.appliedEdits.push(p); return { applied: true }; });
    conn.onRequest('window/showMessageRequest', () => null);
  }

  static async start(opts: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    let proc: ChildProcess;
    let conn: MessageConnection;
    if (opts.transport === 'ipc') {
      proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    } else {
      proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    }
    const client = new TestClient(conn, proc, opts.settings ?? {});
    proc.stderr?.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    conn.listen();
    const init = await conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: opts.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: opts.workspaceFolders ?? null,
      locale: opts.locale ?? 'zh-CN',
      initializationOptions: { holdBackMs: 0, ...(opts.initializationOptions ?? {}) },
      capabilities: {
        workspace: {
          configuration: opts.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, ...(opts.changeAnnotations ? { changeAnnotationSupport: { groupsOnLabel: true } } : {}) },
          codeLens: { refreshSupport: true },
          workspaceFolders: true,
        },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await conn.sendNotification('initialized', {});
    return { client, init };
  }

  /** The next notification (already received after `since`, or future) matching pred. */
  waitFor<T = unknown>(method: string, pred: (p: T) => boolean = () => true, timeoutMs = 10_000, since = 0): Promise<T> {
    const match = (n: Notification) => n.method === method && pred(n.params as T);
    const seen = this.notifications.slice(since).find(match);
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timeout waiting for ${method}; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      const waiter = { pred: match, resolve: (n: Notification) => { clearTimeout(timer); resolve(n.params as T); } };
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics for uri whose version equals `version` (or any, when undefined), received after `since`. */
  diagnostics(uri: string, version?: number, since = 0, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version) && pred(p), 10_000, since);
  }

  mark(): number { return this.notifications.length; }

  open(uri: string, text: string, version = 1, languageId = 'nianbao'): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { this.proc.kill(); resolve(); }, 2000);
        this.proc.once('exit', () => { clearTimeout(t); resolve(); });
      });
    }
  }
}
