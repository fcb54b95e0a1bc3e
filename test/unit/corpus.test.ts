// The real reports of test/fixtures/corpus (unchanged copies of the shared corpus) against what a reviewer confirmed
// by hand: every confirmed defect is found, and nothing fires on what is consistent. The expectations are data
// (test/fixtures/corpus/expected.json, taken from the corpus README); each file is read as the CLI reads it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, type Finding } from '../../server/src/core';
import { readReportFile } from '../../server/src/io';
import { FIXTURES } from './helpers';

interface Item { id: string; rules: string[]; anchor?: string; message?: string; expected?: string; fix?: string; pending?: string }
interface FileExpectation { pairWith?: string | null; find: Item[]; silent: Item[]; exhaustive?: string[] }

const DIR = join(FIXTURES, 'corpus');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { files: Record<string, FileExpectation> };

/** Where `anchor` stands in `text`, white space ignored on both sides; throws when it is not there exactly once. */
export function anchorSpan(text: string, anchor: string): { start: number; end: number } {
  const keep: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i])) { folded += text[i]; keep.push(i); }
  const a = anchor.replace(/\s+/g, '');
  const at = folded.indexOf(a);
  if (at < 0) throw new Error(`anchor "${anchor}" is not in the text`);
  if (folded.indexOf(a, at + 1) >= 0) throw new Error(`anchor "${anchor}" is in the text more than once`);
  return { start: keep[at], end: keep[at + a.length - 1] + 1 };
}

function matches(f: Finding, item: Item, text: string): boolean {
  if (!item.rules.includes(f.rule)) return false;
  if (item.anchor !== undefined) {
    const s = anchorSpan(text, item.anchor);
    if (!(f.start < s.end && s.start < Math.max(f.end, f.start + 1))) return false;
  }
  if (item.message !== undefined && !new RegExp(item.message).test(f.message)) return false;
  if (item.expected !== undefined && f.expected !== item.expected) return false;
  if (item.fix !== undefined && !(f.fixes ?? []).some((x) => x.edits.some((e) => e.newText.includes(item.fix!)))) return false;
  return true;
}

const show = (fs: Finding[], text: string) => fs.map((f) => `${f.rule} [${text.slice(f.start, f.end)}] ${f.message}`).join('\n  ');

describe('corpus: real reports against the reviewer\'s findings', () => {
  const names = Object.keys(EXPECTED.files);
  const texts = new Map<string, string>();
  const findings = new Map<string, Finding[]>();

  before(async () => {
    for (const name of names) {
      const r = await readReportFile(join(DIR, name));
      if (!r.ok) throw new Error(`${name}: ${r.reason}`);
      texts.set(name, r.text);
    }
    // each file is checked together with the report it is paired with (last year's), as the CLI would
    for (const name of names) {
      const pair = EXPECTED.files[name].pairWith;
      const inputs = [{ id: name, text: texts.get(name)! }, ...(pair ? [{ id: pair, text: texts.get(pair)! }] : [])];
      findings.set(name, checkWorkspace(inputs).find((x) => x.id === name)!.findings);
    }
  });

  it('covers every report of the corpus folder and nothing else', () => {
    const onDisk = readFileSync(join(DIR, 'README.md'), 'utf8').match(/^\| ([\w.-]+\.(?:txt|md|pdf)) \|/gm)!.map((l) => l.slice(2, -2)).sort();
    assert.deepEqual(names.slice().sort(), onDisk);
    assert.equal(names.length, 7);
  });

  for (const name of names) {
    const exp = EXPECTED.files[name];
    describe(name, () => {
      for (const item of exp.find) {
        const title = `finds: ${item.id}`;
        if (item.pending) { it.skip(`${title} (pending: ${item.pending})`); continue; }
        it(title, () => {
          const text = texts.get(name)!;
          const got = findings.get(name)!;
          assert.ok(got.some((f) => matches(f, item, text)), `not found; the file's findings:\n  ${show(got, text)}`);
        });
      }
      for (const item of exp.silent) {
        const title = `silent: ${item.id}`;
        if (item.pending) { it.skip(`${title} (pending: ${item.pending})`); continue; }
        it(title, () => {
          const text = texts.get(name)!;
          const bad = findings.get(name)!.filter((f) => matches(f, { ...item, message: undefined, expected: undefined, fix: undefined }, text));
          assert.deepEqual(show(bad, text), '', 'false alarms');
        });
      }
      if (exp.exhaustive?.length) {
        it(`nothing else of ${exp.exhaustive.join(', ')}`, () => {
          const text = texts.get(name)!;
          const wanted = exp.find.filter((i) => !i.pending);
          const extra = findings.get(name)!.filter((f) => exp.exhaustive!.includes(f.rule) && !wanted.some((i) => matches(f, i, text)));
          assert.deepEqual(show(extra, text), '');
        });
      }
    });
  }
});
