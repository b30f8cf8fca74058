import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberPattern } from '../../../../server/platform/numbering.ts';
import { exampleNumber } from './numbering-example.ts';

test('the settings page example is the number the server will give', () => {
  for (const p of ['SO-{yyyyMMdd}-{seq:4}', 'D{yyyyMM}{seq:3}', '{yyyy}/{MM}/{dd}-{seq}', 'X{seq:6}']) {
    for (const seq of [1, 42, 12345]) {
      assert.equal(exampleNumber(p, new Date(2026, 10, 27), seq), numberPattern(p, 'day', '2026-11-27', 'SO').format(seq), p);
    }
  }
});
