#!/usr/bin/env node
// The same extension suite (dist/test/suite/index.js) in VS Code desktop, through
// @vscode/test-electron's runTests(). Needs internet access (it downloads VS Code from
// update.code.visualstudio.com) and a display (run under xvfb-run on a headless Linux).
// Not used in CI here: these machines cannot download VS Code; test/vscode/run.mjs runs the
// suite in code-server's workbench instead.
//
//   node scripts/build.mjs && node test/vscode/electron.mjs
//   VSCODE_VERSION=1.82.0 node test/vscode/electron.mjs     (default: stable)
//
// Exit: 0 suite passed, 1 suite failed, 2 VS Code could not be downloaded or started.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const SUITE_JS = path.join(ROOT, 'dist/test/suite/index.js');
const version = process.env.VSCODE_VERSION || 'stable';

for (const f of ['dist/client.js', 'dist/server.js', 'dist/test/suite/index.js']) {
  if (!fs.existsSync(path.join(ROOT, f))) {
    console.error(`electron: ${f} missing; run node scripts/build.mjs first`);
    process.exit(2);
  }
}

let testElectron;
try {
  testElectron = require('@vscode/test-electron');
} catch (e) {
  console.error(`electron: @vscode/test-electron is not installed (npm i -D @vscode/test-electron@~2.5.2): ${e.message}`);
  process.exit(2);
}
const { downloadAndUnzipVSCode, runTests } = testElectron;

let vscodeExecutablePath;
try {
  console.log(`electron: downloading VS Code ${version} (cache: ${path.join(ROOT, '.vscode-test')})`);
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(ROOT, '.vscode-test') });
} catch (e) {
  console.error(`\nelectron: NOT RUN: could not download VS Code ${version}: ${e?.message ?? e}`);
  console.error('electron: this entry needs access to update.code.visualstudio.com. Without internet, run the same suite in');
  console.error('electron: code-server instead: bash scripts/setup-test-clients.sh && node test/vscode/run.mjs --suite');
  process.exit(2);
}

// a throwaway copy of the fixture workspace and a fresh profile, so nothing leaks between runs
const run = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-electron-'));
const workspace = path.join(run, 'workspace');
fs.cpSync(path.join(ROOT, 'test/vscode/workspace'), workspace, { recursive: true });
for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644);
let code = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_JS,
    extensionTestsEnv: { NIANBAO_TEST: '1', ...(process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {}) },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', path.join(run, 'user-data'), '--extensions-dir', path.join(run, 'extensions')],
  });
  console.log('electron: PASS');
} catch (e) {
  console.error(`electron: FAIL: ${e?.message ?? e}`);
  code = 1;
} finally {
  fs.rmSync(run, { recursive: true, force: true });
}
process.exit(code);
