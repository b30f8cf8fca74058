import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeMobile } from '../../contracts/cn.ts';
import { roleKeys } from '../../contracts/permissions.ts';
import { demoAccountList } from './accounts.ts';
import { demoPeople, demoTeams } from './company.ts';

test('every login-page account is a demo person with the same role, and every role has one', () => {
  for (const a of demoAccountList) {
    const p = demoPeople.find((x) => x.username === a.username);
    assert.ok(p, `${a.username} has a person`);
    assert.equal(p.role, a.role);
  }
  assert.deepEqual(new Set(demoAccountList.map((a) => a.role)), new Set(roleKeys));
});

test('demo people are consistent: valid CN mobiles, known teams, managers listed before their reports', () => {
  const seen = new Set<string>();
  for (const p of demoPeople) {
    assert.equal(normalizeMobile(p.mobile), p.mobile, `${p.username}: ${p.mobile} is a valid CN mobile`);
    if (p.team) assert.ok(demoTeams.some((t) => t.name === p.team), `${p.username}: team ${p.team} exists`);
    if (p.manager) assert.ok(seen.has(p.manager), `${p.username}: manager ${p.manager} is created first`);
    seen.add(p.username);
  }
  assert.equal(new Set(demoPeople.map((p) => p.displayName)).size, demoPeople.length, 'display names are unique');
  for (const t of demoTeams) assert.ok(seen.has(t.manager), `team ${t.name}: manager ${t.manager} exists`);
});
