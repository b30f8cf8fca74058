import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  test('bad input is refused before any database is touched (exit 1, a message saying why)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gendan-usage-'));
    try {
      const sqliteFile = join(dir, 'b.db');
      const pgFile = join(dir, 'b.dump');
      writeFileSync(sqliteFile, 'SQLite format 3\0');
      writeFileSync(pgFile, 'PGDMP\x01\x0e');
      // Neither database exists: every one of these must fail before it would need one.
      const sqliteEnv = { DATABASE_URL: `sqlite:${join(dir, 'none', 'g.db')}` };
      const pgEnv = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
      const [weak, noPassword, overwrite, pgIntoSqlite, sqliteIntoPg, missing] = await Promise.all([
        gendan(['user', 'create', '--username', 'weakling', '--roles', 'sales', '--password', 'abcdefghij'], sqliteEnv),
        gendan(['user', 'create', '--username', 'nopw', '--roles', 'sales'], sqliteEnv),
        gendan(['backup', '--out', sqliteFile], sqliteEnv),
        gendan(['restore', pgFile], sqliteEnv),
        gendan(['restore', sqliteFile], pgEnv),
        gendan(['restore', join(dir, 'nope.db')], sqliteEnv),
      ]);
      for (const r of [weak, noPassword, overwrite, pgIntoSqlite, sqliteIntoPg, missing]) assert.equal(r.code, 1, r.stderr);
      assert.match(weak.stderr, /PASSWORD_TOO_WEAK/);
      assert.match(noPassword.stderr, /GENDAN_USER_PASSWORD/);
      assert.match(overwrite.stderr, /already exists/);
      assert.match(pgIntoSqlite.stderr, /PostgreSQL dump but DATABASE_URL is SQLite/);
      assert.match(sqliteIntoPg.stderr, /SQLite backup but DATABASE_URL is PostgreSQL/);
      assert.match(missing.stderr, /no such file/);
      assert.ok(!existsSync(join(dir, 'none')), 'no SQLite file was created on the way');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
