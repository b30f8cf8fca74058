import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineAmounts, linesHash, totals } from './order-pricing.ts';

test('line amounts: qty in thousandths, discount in basis points, tax per line, half up', () => {
  assert.deepEqual(lineAmounts(2_000, 129_900, 0, 1300), { net: 259_800, tax: 33_774, gross: 293_574 });
  // 2.5 m × ¥3.33 with 10 % off = ¥7.4925 → 749 fen; tax 13 % = 97.37 → 97
  assert.deepEqual(lineAmounts(2_500, 333, 1000, 1300), { net: 749, tax: 97, gross: 846 });
  // exact with huge values (no float drift)
  assert.equal(lineAmounts(999_999_999_000, 1_000_000, 0, 0).net, 999_999_999_000_000);
  assert.deepEqual(totals([{ net: 1, tax: 2 }, { net: 3, tax: 4 }]), { net: 4, tax: 6, gross: 10 });
});

test('the lines hash ignores line order', () => {
  const a = [{ productId: 'p1', qty: 1000, unitPrice: 5 }, { productId: 'p2', qty: 2000, unitPrice: 6 }];
  assert.equal(linesHash(a), linesHash([...a].reverse()));
  assert.notEqual(linesHash(a), linesHash([{ ...a[0], qty: 2000 }, a[1]]));
});
