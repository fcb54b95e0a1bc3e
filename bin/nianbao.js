#!/usr/bin/env node
'use strict';
// Entry point of the `nianbao` command; the CLI itself is bundled into dist/cli.js by `npm run build`.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('nianbao: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(cli).main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`nianbao: internal error: ${err && err.stack || err}\n`);
  process.exitCode = 2;
});
