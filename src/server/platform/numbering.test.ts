import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberPattern } from './numbering.ts';

test('number patterns: date parts, padded sequence, reset scopes', () => {
  const day = numberPattern('SO-{yyyyMMdd}-{seq:4}', 'day', '2026-11-27', 'order');
  assert.equal(day.key, 'order:20261127');
  assert.equal(day.format(7), 'SO-20261127-0007');
  const month = numberPattern('{yyyy}{MM}/{seq:5}', 'month', '2026-11-27', 'order');
  assert.equal(month.key, 'order:202611');
  assert.equal(month.format(123), '202611/00123');
  assert.equal(numberPattern('XS{seq}', 'never', '2026-11-27', 'order').key, 'order:all');
});
