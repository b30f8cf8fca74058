import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requirementStatuses } from '../../../contracts/requirements.ts';
import { requirementMachine as m } from './requirement.machine.ts';

test('every requirement status is reachable from draft', () => {
  const seen = new Set<string>(['draft']);
  let frontier = ['draft'] as (typeof requirementStatuses)[number][];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const s of frontier)
      for (const a of Object.keys(m.transitions) as (keyof typeof m.transitions)[]) {
        if (!m.can(s, a)) continue;
        const to = m.next(s, a);
        if (!seen.has(to)) {
          seen.add(to);
          next.push(to);
        }
      }
    frontier = next;
  }
  assert.deepEqual([...seen].sort(), [...requirementStatuses].sort());
});

test('terminal states allow no action', () => {
  for (const s of m.terminal) for (const a of Object.keys(m.transitions) as (keyof typeof m.transitions)[]) assert.equal(m.can(s, a), false, `${s} --${a}`);
});

test('editing a confirmed requirement needs a new confirmation; a draft cannot be confirmed', () => {
  assert.equal(m.next('confirmed', 'edit'), 'draft');
  assert.equal(m.next('sent', 'edit'), 'sent');
  assert.throws(() => m.next('draft', 'confirm'), /INVALID_STATE/);
});
