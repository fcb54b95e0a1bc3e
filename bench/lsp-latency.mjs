// Latency of the language server: time from a didChange to the publishDiagnostics for that version, over stdio,
// with debounce off (nianbao.debounceMs = 0) and no typing hold-back. Prints median and 95th percentile, and the
// server process's resident memory (Linux /proc) before the first report, after it (lexicons built) and at the end.
// Usage: node bench/lsp-latency.mjs [report.txt] [edits]   (run `npm run build` first)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'server.js');
if (!existsSync(server)) { console.error('bench/lsp-latency: dist/server.js is missing; run `npm run build` first.'); process.exit(2); }
const seed = process.argv[2] ?? [join(root, 'test', 'fixtures', 'reports', '001_205104d3919f452a.txt'), join(root, '..', 'shared', 'seeds', '001_205104d3919f452a.txt')].find(existsSync);
const edits = Number(process.argv[3] ?? 50);
let text = readFileSync(seed, 'utf8');

const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(p.version);
  if (w) { waiting.delete(p.version); w(p); }
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0 })));
conn.onRequest('client/registerCapability', () => null);
conn.listen();

const published = (version) => new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 10_000);
  waiting.set(version, (p) => { clearTimeout(t); resolve(p); });
});

function position(offset) {
  let line = 0, last = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; last = i + 1; }
  return { line, character: offset - last };
}

await conn.sendRequest('initialize', {
  processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'zh-CN',
  initializationOptions: { holdBackMs: 0 },
  capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
});
await conn.sendNotification('initialized', {});
// resident memory of the server process, from /proc (Linux); undefined elsewhere
const rss = () => {
  try { const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8')); return m ? Number(m[1]) / 1024 : undefined; } catch { return undefined; }
};
const rssBefore = rss();
const uri = 'file:///bench/report.txt';
let version = 1;
const opened = published(version);
const t0 = performance.now();
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version, text } });
await opened;
const openMs = performance.now() - t0;
const rssOpen = rss();

// Edit a digit in the middle of 表三 back and forth (a typical keystroke in a table).
const anchor = text.indexOf('（七）总计') >= 0 ? text.indexOf('（七）总计') : Math.floor(text.length / 2);
let at = anchor;
while (at < text.length && !/\d/.test(text[at])) at++;
const times = [];
for (let i = 0; i < edits; i++) {
  const next = text[at] === '9' ? '1' : String(Number(text[at]) + 1);
  const range = { start: position(at), end: position(at + 1) };
  text = text.slice(0, at) + next + text.slice(at + 1);
  version++;
  const done = published(version);
  const s = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: next }] });
  await done;
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
const kb = (Buffer.byteLength(text, 'utf8') / 1024).toFixed(1);
console.log(`lsp latency (didChange → publishDiagnostics, debounce 0, stdio), ${seed.split('/').pop()} (${kb} KB), ${edits} edits:`);
console.log(`  open → first diagnostics: ${openMs.toFixed(1)} ms`);
console.log(`  median ${q(0.5).toFixed(2)} ms · p95 ${q(0.95).toFixed(2)} ms · max ${times[times.length - 1].toFixed(2)} ms`);
const mb = (x) => (x === undefined ? 'not measured (no /proc)' : `${x.toFixed(1)} MiB`);
console.log(`  server resident memory: before any report ${mb(rssBefore)}; after the first check (lexicons built) ${mb(rssOpen)}; after ${edits} edits ${mb(rss())}`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
