/** `gendan backup [--out FILE]`: a consistent copy of the configured database, safe while the server runs. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDatabase } from '../../server/platform/db/database.ts';
import { CliError, type CommandInput } from '../command.ts';
import { fileStamp, formatBytes, formatMs, note, progress, result } from '../output.ts';
import { pgDump } from './postgres-backup.ts';
import { backupSqlite, finishSqliteCopy } from './sqlite-backup.ts';

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function runBackup({ config, values }: CommandInput) {
  const pgUrl = isPostgres(config.databaseUrl);
  const out = resolve(values.out ?? join('backups', `gendan-${fileStamp(config.timeZone)}.${pgUrl ? 'dump' : 'db'}`));
  // A backup never replaces another backup: a typo in --out must not destroy last week's copy.
  if (existsSync(out)) throw new CliError(`${out} already exists; choose another --out`);
  mkdirSync(dirname(out), { recursive: true });
  // Written under a temporary name and renamed at the end, so a file with the final name is always complete.
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  try {
    if (pgUrl) {
      const handle = openDatabase(config.databaseUrl, { poolSize: 1 });
      const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true }).finally(() => handle.close());
      note(`backing up ${handle.location} with pg_dump (${tables.length} tables)`);
      const bar = progress('backup');
      let done = 0;
      await pgDump(config.databaseUrl, partial, (table) => bar.update(++done / tables.length, table));
      bar.done();
    } else {
      const file = config.databaseUrl.replace(/^sqlite:/, '');
      if (file === ':memory:' || !existsSync(file)) throw new CliError(`no database at ${resolve(file)} (DATABASE_URL=${config.databaseUrl})`);
      const handle = openDatabase(config.databaseUrl);
      try {
        note(`backing up ${handle.location} (${formatBytes(statSync(handle.location).size)}) with SQLite's online backup`);
        const bar = progress('backup');
        await backupSqlite(handle.sqlite!, partial, (f, detail) => (detail ? bar.say(`backup: ${detail}`) : bar.update(f)));
        bar.done();
      } finally {
        await handle.close();
      }
      const migrations = finishSqliteCopy(partial);
      note(`verified: integrity check ok, schema at ${migrations.at(-1) ?? 'no migrations'}`);
    }
    renameSync(partial, out);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  result(`backup written: ${out}`);
  result(`size ${formatBytes(statSync(out).size)}, took ${formatMs(performance.now() - started)}`);
}
