// Bundles the CLI, the language server and the VS Code client with esbuild into dist/, and copies the files
// pdf.js loads at run time (its module, worker, CMaps and standard fonts) into dist/pdfjs/.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// charset utf8: Chinese text (messages, the typo dictionary) stays UTF-8 (3 bytes a character), not \uXXXX escapes (6)
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', charset: 'utf8' };
const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js' },
  { in: 'server/src/core/index.ts', out: 'dist/core.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js', minify: true },
  // file readers (Word, PDF, HTML, encodings), loaded by the server only when a file is imported
  { in: 'server/src/io/index.ts', out: 'dist/io.js', minify: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'], minify: true },
  { in: 'test/vscode/suite/index.ts', out: 'dist/test/suite/index.js', external: ['vscode', 'mocha'] },
];
const missing = entries.filter((e) => !existsSync(e.in));
for (const e of missing) console.error(`build: skipping ${e.in} (not present)`);
await Promise.all(entries.filter((e) => existsSync(e.in)).map((e) =>
  build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], minify: !!e.minify })));

// the typo dictionary, read beside the bundles at run time (server/src/core/prose/dictionary.ts)
cpSync('server/src/core/data/dictionary.json', 'dist/dictionary.json');

// pdf.js: the minified module and worker under the names the module looks for (./pdf.worker.mjs beside it)
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const out = 'dist/pdfjs';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(pdfjsRoot, 'legacy/build/pdf.min.mjs'), join(out, 'pdf.mjs'));
cpSync(join(pdfjsRoot, 'legacy/build/pdf.worker.min.mjs'), join(out, 'pdf.worker.mjs'));
cpSync(join(pdfjsRoot, 'cmaps'), join(out, 'cmaps'), { recursive: true });
cpSync(join(pdfjsRoot, 'standard_fonts'), join(out, 'standard_fonts'), { recursive: true });
cpSync(join(pdfjsRoot, 'LICENSE'), join(out, 'LICENSE'));
