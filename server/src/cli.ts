// The `nianbao` command: check, extract, format. bin/nianbao.js calls main(argv) and exits with its code:
// 0 success, 1 errors found (check) or changes needed (format --check), 2 usage or file problems.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_USAGE, checkCommand } from './cli/check';
import { EXTRACT_USAGE, extractCommand } from './cli/extract';
import { FORMAT_USAGE, formatCommand } from './cli/normalize';
import { TEXT_USAGE, textCommand } from './cli/text';
import { tuneHeap } from './heap';

export { HEAP_FLAGS, tuneHeap } from './heap';

const PACKAGE_ROOT = join(__dirname, '..');

const USAGE = `Usage: nianbao <command> [options] PATH...
Commands:
  check     check reports: structure, tables and their arithmetic (text, json or sarif output)
  extract   every table value of every report, one CSV/JSON record per cell
  format    rewrite the tables in the canonical tab-separated layout, keeping every value
  text      print the text of a report exactly as it is checked (a .docx, .pdf or web page as text)
Files: .txt (UTF-8, UTF-16, GB18030/GBK), .html, .docx and .pdf; folders are searched recursively.
Run \`nianbao <command> --help\` for a command's options.

${CHECK_USAGE}`;

function version(): string {
  try { return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version; } catch { return '0.0.0'; }
}

export async function main(argv: string[]): Promise<number> {
  tuneHeap();
  const err = (s: string) => process.stderr.write(s + '\n');
  const cmd = argv[0];
  if (cmd === '--version' || cmd === '-v') { process.stdout.write(version() + '\n'); return 0; }
  if (!argv.length || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = argv[1];
    const text = topic === 'extract' ? EXTRACT_USAGE : topic === 'format' ? FORMAT_USAGE : topic === 'text' ? TEXT_USAGE : topic === 'check' ? CHECK_USAGE : USAGE;
    (argv.length ? process.stdout : process.stderr).write(text + '\n');
    return argv.length ? 0 : 2;
  }
  const rest = argv.slice(1);
  switch (cmd) {
    case 'check': return checkCommand(rest, PACKAGE_ROOT, version());
    case 'extract': return extractCommand(rest);
    case 'format': return formatCommand(rest);
    case 'text': return textCommand(rest);
    default:
      err(`nianbao: unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}
