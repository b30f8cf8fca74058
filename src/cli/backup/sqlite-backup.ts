/**
 * SQLite backup and restore at the file level.
 *
 * Backup uses SQLite's online backup API, which copies a consistent snapshot (WAL included)
 * while the server keeps writing. Restore replaces the file, which is only safe when no
 * process has it open: a running server keeps pages in its -wal/-shm files, and mixing
 * those with a different main file corrupts it. So restore checks for other users first.
 */
import { closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import { CliError } from '../command.ts';

const HEADER = 'SQLite format 3\0';

export function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the live database to `dest` with the online backup API, in steps of about 1 % so
 * progress can be shown. A write by another process (the running server) between two
 * steps restarts the copy from the first page; on a busy server that would repeat for as
 * long as the writes go on (measured: a 180 MB file under steady inserts finished only
 * when the writer stopped). So after the first restart the rest is copied in one step,
 * which reads one snapshot while the server keeps writing to its WAL.
 */
export async function backupSqlite(source: SqliteDatabase.Database, dest: string, onProgress: (fraction: number, note?: string) => void): Promise<void> {
  let lastRemaining = Infinity;
  let oneStep = false;
  await source.backup(dest, {
    progress({ totalPages, remainingPages }) {
      if (!oneStep && remainingPages > lastRemaining) {
        oneStep = true;
        onProgress(0, 'the database is being written to: copying the rest in one step');
      }
      lastRemaining = remainingPages;
      if (oneStep) return 0x7fffffff;
      onProgress(totalPages ? 1 - remainingPages / totalPages : 1);
      return Math.max(100, Math.ceil(totalPages / 100));
    },
  });
}

/**
 * Makes a copied file self-contained and proves it readable: rollback-journal mode (a WAL
 * file without its -wal is fine, but a lone file that opens read-only anywhere is better
 * for a backup), then `quick_check`. Returns the migrations it contains.
 */
export function finishSqliteCopy(file: string): string[] {
  const db = new SqliteDatabase(file);
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliError(`${file} fails SQLite's integrity check: ${check}`);
    const hasMigrations = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (!hasMigrations) throw new CliError(`${file} is an SQLite database but not a Gendan one (no kysely_migration table)`);
    return (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

export interface SqliteTarget {
  exists: boolean;
  /** Another process has the file open (a server, a worker, a sqlite3 shell). */
  inUse: boolean;
  /** Not an SQLite file at all. */
  corrupt: boolean;
}

/**
 * Whether anything else has the database open. In WAL mode every open connection holds a
 * shared lock while it has the file open, so a connection in EXCLUSIVE locking mode cannot
 * even read — even when the server is idle. Ours never waits (timeout 0). When nobody else
 * has it, closing ours checkpoints the WAL into the main file and deletes -wal/-shm, so
 * the file on disk is complete before we keep it aside.
 */
export function inspectSqliteTarget(file: string): SqliteTarget {
  if (!existsSync(file)) return { exists: false, inUse: false, corrupt: false };
  if (statSync(file).size > 0 && !isSqliteFile(file)) return { exists: true, inUse: false, corrupt: true };
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { timeout: 0, fileMustExist: true });
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('select count(*) from sqlite_master').get();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { exists: true, inUse: false, corrupt: false };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { exists: true, inUse: true, corrupt: false };
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return { exists: true, inUse: false, corrupt: true };
    throw err;
  } finally {
    db?.close();
  }
}

function fsyncFile(file: string) {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies `from` to `to` and flushes it, so a crash right after the rename cannot leave a half-written file in place. */
export async function copyDurably(from: string, to: string, onProgress: (fraction: number) => void = () => {}): Promise<void> {
  const total = statSync(from).size;
  let done = 0;
  const input = createReadStream(from, { highWaterMark: 4 << 20 });
  input.on('data', (chunk) => {
    done += chunk.length;
    onProgress(total ? done / total : 1);
  });
  await pipeline(input, createWriteStream(to, { flags: 'wx' }));
  fsyncFile(to);
}

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported on every platform (Windows); the rename is still atomic */
  }
}

/**
 * Puts `prepared` (a finished copy beside the target) in place of `target` atomically.
 * The old file, if any, stays reachable as `keepAs` through a hard link, so a mistaken
 * --force can be undone. Stale -wal/-shm go *before* the rename: a -wal left beside the
 * new file would be replayed into it by the next open.
 */
export async function swapSqliteFile(prepared: string, target: string, keepAs: string | null): Promise<void> {
  if (keepAs && existsSync(target)) {
    try {
      linkSync(target, keepAs);
    } catch {
      await copyDurably(target, keepAs); // filesystems without hard links
    }
  }
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  rmSync(`${target}-journal`, { force: true });
  renameSync(prepared, target);
  fsyncDir(dirname(target));
}
