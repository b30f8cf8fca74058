import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineAmounts as serverLineAmounts } from '../../contracts/pricing.ts';
import { lineAmounts, toFen } from './money.ts';

test('entry-page amounts (qty, discount %, tax %) convert to the shared formula’s units', () => {
  const cases: [number, number, number, number][] = [
    [1, 129900, 0, 13],
    [3, 33333, 7.5, 13],
    [2.5, 1999, 12.34, 9],
    [0.333, 101, 0, 6],
    [1000000, 99999999, 99.99, 13],
  ];
  for (const [qty, price, disc, tax] of cases) {
    assert.deepEqual(lineAmounts(qty, price, disc, tax), serverLineAmounts(Math.round(qty * 1000), price, Math.round(disc * 100), Math.round(tax * 100)), `${qty} × ${price}`);
  }
});

test('yuan typed by the user become whole fen', () => {
  assert.equal(toFen(1299), 129900);
  assert.equal(toFen(0.1 + 0.2), 30);
  assert.equal(toFen(19.99), 1999);
  assert.equal(toFen(null), 0);
});
