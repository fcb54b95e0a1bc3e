// Command-line options: `--name value`, `--name=value`, short aliases, flags; anything else is a path.

export interface OptionSpec { value?: boolean; alias?: string }

export interface Parsed { opts: Record<string, string | boolean>; paths: string[] }

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): Parsed {
  const opts: Record<string, string | boolean> = {};
  const paths: string[] = [];
  const byAlias = new Map(Object.entries(spec).filter(([, s]) => s.alias).map(([n, s]) => [s.alias!, n]));
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPaths || a === '-' || !a.startsWith('-')) { paths.push(a); continue; }
    if (a === '--') { onlyPaths = true; continue; }
    const eq = a.indexOf('=');
    const flag = eq >= 0 ? a.slice(0, eq) : a;
    const name = flag.startsWith('--') ? flag.slice(2) : byAlias.get(flag.slice(1));
    const s = name !== undefined ? spec[name] : undefined;
    if (!name || !s) throw new UsageError(`unknown option "${flag}"`);
    if (s.value) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      opts[name] = v;
    } else {
      if (eq >= 0) throw new UsageError(`${flag} takes no value`);
      opts[name] = true;
    }
  }
  return { opts, paths };
}
