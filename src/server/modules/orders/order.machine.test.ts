import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderStatuses, type OrderStatus } from '../../../contracts/orders.ts';
import { orderMachine as m } from './order.machine.ts';

const actions = Object.keys(m.transitions) as (keyof typeof m.transitions)[];

test('every order status is reachable from draft', () => {
  const seen = new Set<OrderStatus>(['draft']);
  const queue: OrderStatus[] = ['draft'];
  while (queue.length) {
    const s = queue.shift()!;
    for (const a of actions) {
      if (!m.can(s, a)) continue;
      const to = m.next(s, a);
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  assert.deepEqual([...seen].sort(), [...orderStatuses].sort());
});

test('terminal states allow nothing; a draft cannot be confirmed without submitting', () => {
  for (const s of m.terminal) for (const a of actions) assert.equal(m.can(s, a), false, `${s} --${a}`);
  assert.equal(m.can('draft', 'confirm'), false);
  assert.equal(m.can('shipped', 'cancel'), false, 'shipped goods are not cancelled but returned');
});
