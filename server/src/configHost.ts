// The file system as the core's configuration loader sees it (core/config.ts ConfigHost), for the CLI and the server.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConfigHost } from './core';

export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    try { return readFileSync(path, 'utf8'); } catch { return undefined; }
  },
  dirname,
  join,
  relative,
};
