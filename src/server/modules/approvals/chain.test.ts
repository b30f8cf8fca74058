import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChain, type Rule } from './chain.ts';

const rules: Rule[] = [
  { id: 'a', name: '金额 ≥ 1 万', condition: { field: 'amount', op: '>=', value: 1_000_000 }, levels: [{ approverRole: 'sales_manager', mode: 'any' }] },
  { id: 'b', name: '金额 ≥ 10 万', condition: { field: 'amount', op: '>=', value: 10_000_000 }, levels: [{ approverRole: 'finance', mode: 'any' }, { approverRole: 'sales_manager', mode: 'any' }] },
  { id: 'c', name: '非标', condition: { field: 'nonStandard', op: '==', value: true }, levels: [{ approverRole: 'planner', mode: 'any' }] },
];

test('no rule matches → no chain', () => {
  assert.deepEqual(buildChain(rules, { amount: 500_000, nonStandard: false }).steps, []);
});

test('an approver needed twice is asked once, at the higher level; empty levels close up', () => {
  const { matched, steps } = buildChain(rules, { amount: 20_000_000, nonStandard: true });
  assert.deepEqual(matched.map((r) => r.id), ['a', 'b', 'c']);
  assert.deepEqual(
    steps.map((s) => [s.level, s.approverRole]),
    [
      [1, 'finance'],
      [1, 'planner'],
      [2, 'sales_manager'],
    ],
  );
});
