import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatMoney, formatRelative } from './format.ts';

test('money is shown from fen as ¥1,299.00', () => {
  assert.equal(formatMoney(129900), '¥1,299.00');
  assert.equal(formatMoney(5), '¥0.05');
  assert.equal(formatMoney(-1050), '-¥10.50');
});

test('dates are calendar days in Asia/Shanghai, not UTC', () => {
  // 20:00 UTC on the 27th is already the 28th in Shanghai.
  assert.equal(formatDate('2026-11-27T20:00:00Z'), '2026-11-28');
  assert.equal(formatDateTime('2026-11-27T06:05:00Z'), '2026-11-27 14:05');
  assert.equal(formatDate(null), '—');
  assert.equal(formatDate('not a date'), '—');
});

test('relative times in both languages', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  assert.equal(formatRelative('2026-11-27T15:00:00Z', 'zh-CN', now), '3小时后');
  assert.equal(formatRelative('2026-11-25T12:00:00Z', 'en-US', now), '2 days ago');
  assert.equal(formatRelative('2026-11-27T11:59:40Z', 'en-US', now), 'now');
});
