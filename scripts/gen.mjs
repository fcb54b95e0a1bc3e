// Writes what the rules' metadata generates (server/src/tools/generate.ts): the `nianbao.rules` settings schema in
// package.json, the rule entries of package.nls*.json, schemas/nianbao.schema.json and the README's rule tables.
//
//   npm run gen            write the files that differ
//   npm run gen -- --check exit 1 and name the files that differ (test/unit/metadata.test.ts checks the same)
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');

// the generator is TypeScript: bundled in memory (with the rules it reads) and loaded as a module
const out = await build({
  entryPoints: [join(ROOT, 'server/src/tools/generate.ts')],
  bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'warning',
});
const { generateFiles } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const differ = [];
for (const f of generateFiles(read)) {
  if (read(f.path) === f.text) continue;
  differ.push(f.path);
  if (!check) writeFileSync(join(ROOT, f.path), f.text);
}
if (check && differ.length) {
  console.error(`gen: out of date (run npm run gen): ${differ.join(', ')}`);
  process.exit(1);
}
console.log(differ.length ? `gen: ${check ? 'differ' : 'wrote'} ${differ.join(', ')}` : 'gen: up to date');
