/**
 * `gendan restore FILE [--force]`: puts a backup in place of the configured database, then
 * migrates it (an older backup is upgraded to the running version) and summarises it.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openAndMigrate } from '../../server/bootstrap.ts';
import type { Config } from '../../server/config.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { CliError, type CommandInput } from '../command.ts';
import { fileStamp, formatMs, note, progress, result } from '../output.ts';
import { appliedMigrations, contentSummary, tablesWithData } from './database-facts.ts';
import { otherSessions, pgDumpContents, pgRestore } from './postgres-backup.ts';
import { copyDurably, finishSqliteCopy, inspectSqliteTarget, swapSqliteFile } from './sqlite-backup.ts';

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

function fileKind(file: string): 'sqlite' | 'pg_dump' | 'unknown' {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    const head = buf.subarray(0, n).toString('latin1');
    if (head === 'SQLite format 3\0') return 'sqlite';
    if (head.startsWith('PGDMP')) return 'pg_dump';
    return 'unknown';
  } finally {
    closeSync(fd);
  }
}

/** Two restores in the same second must not collide on the kept copy's name. */
const freeName = (base: string) => {
  let name = base;
  for (let i = 2; existsSync(name); i++) name = `${base}-${i}`;
  return name;
};

const refuseData = (where: string, tables: string[]) =>
  new CliError(
    `${where} already holds data (${tables.slice(0, 6).join(', ')}${tables.length > 6 ? ', …' : ''}). ` +
      'Nothing was changed. Run again with --force to replace it with the backup.',
  );

async function restoreSqlite(config: Config, file: string, force: boolean): Promise<string[]> {
  const target = resolve(config.databaseUrl.replace(/^sqlite:/, ''));
  if (resolve(file) === target) throw new CliError('the backup file is the database itself');
  const busy = () =>
    new CliError(`${target} is open in another process (a running gendan serve or worker?). Stop it first: replacing the file under a running server would corrupt it. --force does not override this.`);
  const state = inspectSqliteTarget(target);
  if (state.inUse) throw busy();
  if (state.corrupt && !force) throw new CliError(`${target} exists but is not an SQLite database. Nothing was changed; --force replaces it.`);
  let hadData = false;
  if (state.exists && !state.corrupt) {
    const handle = openDatabase(config.databaseUrl);
    const tables = await tablesWithData(handle).finally(() => handle.close());
    hadData = tables.length > 0;
    if (hadData && !force) throw refuseData(target, tables);
  }

  mkdirSync(dirname(target), { recursive: true });
  // Beside the target, so the final rename stays on one filesystem and is atomic.
  const prepared = `${target}.restore-${process.pid}.tmp`;
  rmSync(prepared, { force: true });
  try {
    note(`restoring ${resolve(file)} into ${target}`);
    const bar = progress('restore');
    await copyDurably(file, prepared, (f) => bar.update(f));
    bar.done();
    const migrations = finishSqliteCopy(prepared);
    if (inspectSqliteTarget(target).inUse) throw busy(); // a server started meanwhile
    const keepAs = hadData || state.corrupt ? freeName(`${target}.before-restore-${fileStamp(config.timeZone)}`) : null;
    await swapSqliteFile(prepared, target, keepAs);
    if (keepAs) note(`the replaced database is kept as ${keepAs} (delete it when you no longer need it)`);
    return migrations;
  } finally {
    rmSync(prepared, { force: true });
  }
}

async function restorePostgres(config: Config, file: string, force: boolean): Promise<string[]> {
  const contents = await pgDumpContents(file);
  if (!contents.tables.includes('kysely_migration')) throw new CliError(`${file} is a pg_dump file but not of a Gendan database (no kysely_migration table)`);
  const handle = openDatabase(config.databaseUrl, { poolSize: 1 });
  const location = handle.location;
  const tables = await tablesWithData(handle).finally(() => handle.close());
  if (tables.length && !force) throw refuseData(location, tables);
  const others = await otherSessions(config.databaseUrl);
  if (others.length) {
    note(`warning: ${others.length} other session(s) are connected (${[...new Set(others)].slice(0, 5).join(', ')}).`);
    note('  Stop the server and workers first; the restore waits up to 30 s for their locks, then gives up and changes nothing.');
  }
  note(`restoring ${resolve(file)} into ${location} (one transaction)`);
  const bar = progress('restore');
  let done = 0;
  await pgRestore(config.databaseUrl, file, (item) => bar.update(++done / contents.entries, item));
  bar.done();
  const after = openDatabase(config.databaseUrl, { poolSize: 1 });
  return appliedMigrations(after).finally(() => after.close());
}

export async function runRestore({ config, values, positionals }: CommandInput) {
  const [file, extra] = positionals;
  if (!file || extra) throw new CliError('usage: gendan restore FILE [--force]', 2);
  if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
  const kind = fileKind(file);
  const pg = isPostgres(config.databaseUrl);
  if (kind === 'unknown') throw new CliError(`${file} is neither an SQLite database nor a pg_dump custom-format file`);
  if (kind === 'sqlite' && pg) throw new CliError(`${file} is an SQLite backup but DATABASE_URL is PostgreSQL; restore it with DATABASE_URL=sqlite:PATH`);
  if (kind === 'pg_dump' && !pg) throw new CliError(`${file} is a PostgreSQL dump but DATABASE_URL is SQLite (${config.databaseUrl}); set DATABASE_URL=postgres://…`);

  const started = performance.now();
  const before = pg ? await restorePostgres(config, file, !!values.force) : await restoreSqlite(config, file, !!values.force);
  const restoredIn = performance.now() - started;

  const handle = await openAndMigrate(config);
  try {
    const upgraded = (await appliedMigrations(handle)).filter((m) => !before.includes(m));
    const s = await contentSummary(handle);
    result(`restored ${file} in ${formatMs(restoredIn)}`);
    result(upgraded.length ? `migrated the backup from ${before.at(-1) ?? 'empty'} to ${upgraded.at(-1)} (${upgraded.length} migrations)` : `schema up to date (${before.at(-1) ?? 'empty'})`);
    result(`contents: ${s.users} users, ${s.events} events${s.latestEvent ? `, latest event at ${s.latestEvent}` : ''}`);
  } finally {
    await handle.close();
  }
}
