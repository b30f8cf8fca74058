import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerStatuses } from '../../contracts/customers.ts';
import { flag, isoDate, oneOf, yesNo } from './use-url-filters.ts';

test('a hand-edited link cannot put an unknown value in a list query: it reads as no filter', () => {
  const status = oneOf(customerStatuses);
  assert.equal(status('on_hold'), 'on_hold');
  assert.equal(status('deleted'), '');
  assert.equal(status(''), '');
  assert.equal(isoDate('2026-11-27'), '2026-11-27');
  assert.equal(isoDate('27/11/2026'), '');
  assert.equal(isoDate('2026-11-27; drop table'), '');
  assert.equal(flag('true'), 'true');
  assert.equal(flag('1'), '');
  assert.deepEqual(['true', 'false', 'yes'].map(yesNo), ['true', 'false', '']);
});
