// Text utilities: the bounded edit distance agrees with the full one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textScan } from '../../server/src/core/prose/scan';
import { editDistance, LineIndex, LONG, similarity } from '../../server/src/core/text';

/** The textbook dynamic programme, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('text: edit distance', () => {
  const str = fc.string({ unit: fc.constantFrom('总', '体', '情', '况', '一', '、', 'a', 'b'), maxLength: 14 });

  it('equals the textbook distance; with a bound, any distance above it is bound + 1', () => {
    fc.assert(fc.property(str, str, fc.nat(16), (a, b, max) => {
      const d = reference(a, b);
      assert.equal(editDistance(a, b), d);
      assert.equal(editDistance(a, b, max), Math.min(d, max + 1));
    }), { numRuns: 2000 });
  });

  it('similarity with a minimum: the same value at or above it, 0 below', () => {
    fc.assert(fc.property(str, str, fc.constantFrom(0, 0.5, 0.6, 0.75), (a, b, min) => {
      const full = similarity(a, b);
      assert.equal(similarity(a, b, min), full >= min ? full : 0);
    }), { numRuns: 2000 });
  });

  it('examples', () => {
    assert.equal(editDistance('一、总体情况', '一、总体情况'), 0);
    assert.equal(editDistance('一、总体情况', '一、总休情况'), 1);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(similarity('一、总体情况', '一、总休情况', 0.6), 1 - 1 / 6);
  });
});

describe('text: line starts', () => {
  it("the prose scan's line starts (which the engine's line index takes) are LineIndex's own, for \\n, \\r\\n and \\r, short and long texts", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '中', '，', ' '), maxLength: 60 }), fc.boolean(), (t, long) => {
      // past LONG characters LineIndex reads the code units, below it charCodeAt
      const text = long ? '政'.repeat(LONG) + t : t;
      assert.deepEqual(Array.from(textScan(text).lines), Array.from(new LineIndex(text).starts));
    }), { numRuns: 1000 });
    const idx = new LineIndex('a\r\nb\rc\n\nd');
    assert.deepEqual(Array.from(idx.starts), [0, 3, 5, 7, 8]);
  });
});
