// Bundles the CLI, the language server and the VS Code client with esbuild into dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js' },
  { in: 'server/src/core/index.ts', out: 'dist/core.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js', minify: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'], minify: true },
  { in: 'test/vscode/suite/index.ts', out: 'dist/test/suite/index.js', external: ['vscode', 'mocha'] },
];
const missing = entries.filter((e) => !existsSync(e.in));
for (const e of missing) console.error(`build: skipping ${e.in} (not present)`);
await Promise.all(entries.filter((e) => existsSync(e.in)).map((e) =>
  build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], minify: !!e.minify })));
