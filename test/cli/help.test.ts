import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commands } from '../../src/cli/commands.ts';
import { gendan } from './cli.ts';

describe('gendan help and usage errors', () => {
  test('no arguments lists every command and exits 0', async () => {
    const r = await gendan([]);
    assert.equal(r.code, 0, r.stderr);
    for (const name of ['serve', 'worker', 'migrate', 'seed', 'user create', 'token create', 'backup', 'restore']) {
      assert.ok(commands[name], `${name} is registered`);
      assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), `${name} is listed`);
    }
  });

  test('unknown commands and options exit 2; --help shows a command\'s options', async () => {
    const [unknown, badOption, help, group] = await Promise.all([
      gendan(['frobnicate']),
      gendan(['backup', '--bogus']),
      gendan(['user', 'create', '--help']),
      gendan(['token']),
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--bogus/);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--roles/);
    assert.match(help.stdout, /GENDAN_USER_PASSWORD/);
    assert.equal(group.code, 0);
    assert.match(group.stdout, /token create/);
  });
});
