// Entry point of the extension-host test suite, in the shape @vscode/test-electron expects
// (`--extensionTestsPath` module exporting `run(): Promise<void>`). Bundled by scripts/build.mjs
// to dist/test/suite/index.js with `vscode` and `mocha` left external: mocha 11 is resolved from
// the project's node_modules.
//
// Runs in three hosts: code-server's extension host (test/vscode/run.mjs), VS Code desktop via
// @vscode/test-electron (test/vscode/electron.mjs), or anything else that loads extension tests.
// Optional: MOCHA_GREP (only tests whose title matches), MOCHA_TIMEOUT (ms per test).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Mocha = require('mocha');

// The test files are bundled into this file; each is `require`d only after mocha has put its
// globals (suite, test, setup, …) in place, exactly as mocha's own loader does.
const TEST_FILES: Array<[string, () => unknown]> = [
  ['language.test.ts', () => require('./language.test')],
  ['diagnostics.test.ts', () => require('./diagnostics.test')],
  ['quickfix.test.ts', () => require('./quickfix.test')],
  ['symbols.test.ts', () => require('./symbols.test')],
  ['settings.test.ts', () => require('./settings.test')],
  ['commands.test.ts', () => require('./commands.test')], // client commands, hover, completion, … (by the server's author)
  ['preview.test.ts', () => require('./preview.test')], // the table preview (webview)
  ['editor.test.ts', () => require('./editor.test')], // recognition by content, Word files, new report, preview following
];

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.MOCHA_TIMEOUT ?? 60_000),
    reporter: 'spec',
    forbidOnly: true,
  });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);

  for (const [file, load] of TEST_FILES) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    load();
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        console.log(`nianbao extension suite: ${failures === 0 ? 'all tests passed' : `${failures} test(s) failed`}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
