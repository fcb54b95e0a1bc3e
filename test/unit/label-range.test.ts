// label-typo ranges (issue 21): a label broken by a line break and tabs is marked at its piece that differs, never
// over the line break and the tabs between its pieces, and no range splits a surrogate pair (a character outside the
// Basic Multilingual Plane, as CJK Extension B characters are).
import assert from 'node:assert/strict';
import { checkReport } from '../../server/src/core';
import { loadReport } from './helpers';

const text = loadReport('huaian-2024-pdf-tabs');
const LABEL = '2.没有现成信息需要另行制作';
const line = text.split('\n').find((l) => l.includes(LABEL))!;

function labelTypos(label: string) {
  const changed = text.replace(line, line.replace(LABEL, label));
  return { changed, hits: checkReport(changed).findings.filter((f) => f.rule === 'label-typo') };
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff, isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('label-typo ranges', () => {
  const cases: [string, string, string][] = [
    ['broken by a line break and tabs, misspelt after the break', '2.没有现成信息\n\t\t需要另行制做', '需要另行制做'],
    ['broken by a line break and tabs, misspelt before the break', '2.没有现成信心\n\t\t需要另行制作', '2.没有现成信心'],
    ['broken by a line break, ending in a character outside the BMP', '2.没有现成信息\n\t需要另行制\u{20000}', '需要另行制\u{20000}'],
    ['on one line, ending in a character outside the BMP', '2.没有现成信息需要另行制\u{20000}', '2.没有现成信息需要另行制\u{20000}'],
  ];
  for (const [what, label, marked] of cases) {
    it(what, () => {
      const { changed, hits } = labelTypos(label);
      assert.equal(hits.length, 1);
      const f = hits[0];
      assert.equal(changed.slice(f.start, f.end), marked);
      assert.ok(!/[\r\n\t]/.test(changed.slice(f.start, f.end)) || !label.includes('\n'));
      assert.ok(!isLow(changed.charCodeAt(f.start)) && !isHigh(changed.charCodeAt(f.end - 1)), 'whole characters');
      // a label broken over lines gets no automatic fix; one on a line gets the official wording
      if (label.includes('\n')) assert.equal(f.fixes, undefined);
      else assert.equal(f.fixes![0].edits[0].newText, LABEL);
    });
  }
});
