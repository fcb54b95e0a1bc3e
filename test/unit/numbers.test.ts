// Cell values and exact decimal arithmetic.
import assert from 'node:assert/strict';
import { addDec, cellValue, cmpDec, formatDec, parseDec, subDec, ZERO } from '../../server/src/core/numbers';

describe('numbers', () => {
  it('classifies cells: integer, decimal, blank, slash, dash, unreadable', () => {
    assert.equal(cellValue('12').kind, 'integer');
    assert.equal(cellValue('１２').kind, 'integer');
    assert.equal(cellValue('4166.241619').kind, 'decimal');
    assert.equal(cellValue('1,234').num?.units, 1234n);
    assert.equal(cellValue('-18').num?.units, -18n);
    assert.equal(cellValue('').kind, 'blank');
    assert.equal(cellValue('／').kind, 'slash');
    assert.equal(cellValue('—').kind, 'dash');
    assert.equal(cellValue('4H').kind, 'unreadable');
  });
  it('adds decimals exactly (no float drift)', () => {
    let s = ZERO;
    for (let i = 0; i < 10; i++) s = addDec(s, parseDec('0.1')!);
    assert.equal(formatDec(s), '1.0');
    assert.equal(cmpDec(s, parseDec('1')!), 0);
    assert.equal(formatDec(addDec(parseDec('0.1')!, parseDec('0.2')!)), '0.3');
    assert.equal(formatDec(subDec(parseDec('4166.241619')!, parseDec('4166.24')!)), '0.001619');
    assert.equal(formatDec(subDec(parseDec('3')!, parseDec('5.5')!)), '-2.5');
  });
});
