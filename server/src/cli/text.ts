// `nianbao text FILE`: the text nianbao checks, exactly as it reads it (a .docx, .pdf or web page as text, a text
// file decoded), with nothing rewritten: the line and column of every finding of `nianbao check` are positions in it.
// (`nianbao format FILE` prints the same text with its tables rewritten, whose lines can differ.)
import { parseArgs, UsageError } from './args';
import { readInput, shown, STDIN } from './input';

export const TEXT_USAGE = `Usage: nianbao text FILE
  Prints the text of FILE exactly as \`nianbao check\` reads and checks it: a .docx, .pdf or web page as text
  (tables as read, not rewritten), a text file decoded to UTF-8; - reads standard input. The lines and columns
  of \`nianbao check\` findings are positions in this text.
Exit status: 0 printed, 2 usage or file problems.`;

export async function textCommand(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let file: string;
  try {
    const parsed = parseArgs(argv, { help: { alias: 'h' } });
    if (parsed.opts.help) { process.stdout.write(TEXT_USAGE + '\n'); return 0; }
    if (parsed.paths.length !== 1) throw new UsageError(parsed.paths.length ? 'text prints one file' : 'no file given');
    file = parsed.paths[0];
  } catch (e) { err(`nianbao: ${(e as Error).message}\n${TEXT_USAGE}`); return 2; }
  const read = await readInput(file === STDIN ? STDIN : file);
  if (!read.ok) { err(`nianbao: ${shown(file)}: ${read.reason}`); return 2; }
  process.stdout.write(read.text);
  return 0;
}
