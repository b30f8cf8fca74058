import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionSchema, evaluate } from './rules.ts';

test('conditions: comparisons, in, all/any, custom fields, unknown facts are false', () => {
  const facts = { amount: 5_000_000, discountPct: 12, customerTier: 'B', nonStandard: true, customFields: { channel: '外贸' } };
  assert.equal(evaluate({ field: 'amount', op: '>=', value: 5_000_000 }, facts), true);
  assert.equal(evaluate({ field: 'amount', op: '>', value: 5_000_000 }, facts), false);
  assert.equal(evaluate({ field: 'customerTier', op: 'in', value: ['A', 'B'] }, facts), true);
  assert.equal(evaluate({ all: [{ field: 'nonStandard', op: '==', value: true }, { field: 'discountPct', op: '>', value: 10 }] }, facts), true);
  assert.equal(evaluate({ any: [{ field: 'marginPct', op: '<', value: 5 }, { field: 'customFields.channel', op: '==', value: '外贸' }] }, facts), true);
  assert.equal(evaluate({ field: 'marginPct', op: '<', value: 5 }, facts), false);
});

test('condition schema rejects unknown fields and ops', () => {
  assert.equal(conditionSchema.safeParse({ field: 'amount', op: '>', value: 1 }).success, true);
  assert.equal(conditionSchema.safeParse({ field: 'colour', op: '>', value: 1 }).success, false);
  assert.equal(conditionSchema.safeParse({ field: 'amount', op: '~', value: 1 }).success, false);
  assert.equal(conditionSchema.safeParse({ all: [] }).success, false);
});
