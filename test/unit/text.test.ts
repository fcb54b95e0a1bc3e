// Text utilities: the bounded edit distance agrees with the full one.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textScan } from '../../server/src/core/prose/scan';
import { approxDistance, approxFind, editDistance, LineIndex, LONG, similarity } from '../../server/src/core/text';

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

  it('approxDistance is the least distance to a substring: by brute force on short strings, approxFind\'s on patterns of one block of bits (up to 32 characters) and two (33 to 64)', () => {
    const unit = fc.constantFrom('申', '请', '公', '开', '一', '、', '0', '1', '(');
    fc.assert(fc.property(fc.string({ unit, maxLength: 8 }), fc.string({ unit, maxLength: 10 }), (p, t) => {
      let least = p.length;
      for (let a = 0; a <= t.length; a++) for (let b = a; b <= t.length; b++) least = Math.min(least, reference(p, t.slice(a, b)));
      assert.equal(approxDistance(p, t), least);
    }), { numRuns: 1000 });
    // lengths drawn evenly (size 'max'): one block, two blocks (a longer pattern is approxFind's own answer)
    for (const [min, max] of [[1, 32], [33, 64]]) {
      fc.assert(fc.property(fc.string({ unit, minLength: min, maxLength: max, size: 'max' }), fc.string({ unit, maxLength: 120, size: 'max' }), (p, t) => {
        assert.equal(approxDistance(p, t), approxFind(p, t).distance);
      }), { numRuns: 1000 });
    }
    // a label in its context, with a character changed: the context's own copy is 1 away
    const label = '（三）不予公开3.危及“三安全一稳定”4.保护第三方合法权益5.属于三类内部事务信息';
    assert.ok(label.length > 32);
    assert.equal(approxDistance(label.replace('稳定', '稳宝'), `前文${label}后文`), 1);
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
