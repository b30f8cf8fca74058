/**
 * PostgreSQL backup and restore through the client tools (pg_dump, pg_restore, psql from
 * postgresql-client; their major version must be ≥ the server's).
 *
 * Restore does not run `pg_restore --clean -d URL` directly. That replaces only the
 * objects in the dump, so tables added by migrations newer than the backup would survive
 * next to a migration table that says they do not exist, and the next migrate would fail;
 * it also drops table by table, so a failure half-way leaves a broken database. Instead the
 * dump becomes an SQL script that psql runs as ONE transaction, after emptying the schema
 * in that same transaction: the database is either entirely the backup or untouched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { CliError } from '../command.ts';

/** The password travels in PGPASSWORD, never on a command line that `ps` shows to every user. */
export function pgConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { url: u.toString(), env };
}

function start(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
  stdio: { stdin: 'pipe' | 'ignore'; stdout: 'pipe' | 'ignore' },
): { child: ChildProcess; done: Promise<{ code: number; errors: string[] }> } {
  const child = spawn(cmd, args, { env, stdio: [stdio.stdin, stdio.stdout, 'pipe'] });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    onLine(line);
    if (/error|fatal|warning|could not|permission denied|aborting/i.test(line)) errors.push(line);
  });
  const done = new Promise<{ code: number; errors: string[] }>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new CliError(`${cmd} not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`) : err),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), errors }));
  });
  return { child, done };
}

const failed = (what: string, errors: string[], code: number) => new CliError(`${what} failed (exit ${code})${errors.length ? `:\n  ${errors.slice(-8).join('\n  ')}` : ''}`);

/** `pg_dump -Fc` into `file`; calls `onTable` as each table's rows are written. */
export async function pgDump(url: string, file: string, onTable: (table: string) => void): Promise<void> {
  const conn = pgConnection(url);
  const { done } = start('pg_dump', ['--format=custom', '--verbose', '--file', file, '--dbname', conn.url], conn.env, (line) => {
    const m = /dumping contents of table "?([^"]+)"?/.exec(line);
    if (m) onTable(m[1]);
  }, { stdin: 'ignore', stdout: 'ignore' });
  const { code, errors } = await done;
  if (code !== 0) throw failed('pg_dump', errors, code);
}

/** The dump's table of contents: proves the file is a custom-format dump and that it holds a Gendan schema. */
export async function pgDumpContents(file: string): Promise<{ entries: number; tables: string[] }> {
  const lines: string[] = [];
  const child = spawn('pg_restore', ['--list', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new CliError('pg_restore not found: install the PostgreSQL client tools') : err));
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new CliError(`${file} is not a pg_dump custom-format file: ${stderr.trim()}`);
  const entries = lines.filter((l) => l.trim() && !l.startsWith(';'));
  const tables = entries.map((l) => / TABLE (?:\S+) (\S+) /.exec(l)?.[1]).filter((t): t is string => !!t);
  return { entries: entries.length, tables };
}

/** Sessions other than ours on the same database: a server or worker that should be stopped first. */
export async function otherSessions(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ who: string }>(
      `select coalesce(nullif(application_name, ''), 'pid ' || pid) || coalesce(' from ' || client_addr, '') as who
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return r.rows.map((x) => x.who);
  } finally {
    await client.end();
  }
}

/**
 * Empties the current schema (tables, views, sequences, routines; not extension members),
 * inside the restore's transaction. Types are left alone: Gendan's schema stores statuses as
 * text with CHECK constraints and creates none.
 */
const EMPTY_SCHEMA = `
SET client_min_messages = warning;
SET lock_timeout = '30s';
DO $gendan$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             n.nspname, c.relname) AS stmt
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP EXECUTE r.stmt; END LOOP;
  FOR r IN
    SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) AS stmt
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE r.stmt; END LOOP;
END
$gendan$;
`;

/**
 * Replaces the database's contents with the dump, in one transaction; `onItem` counts
 * restored TOC entries. The COMMIT is written only after pg_restore has produced the whole
 * script successfully; if it fails, psql is killed and the server rolls the transaction
 * back (psql's own --single-transaction would commit whatever arrived before EOF).
 */
export async function pgRestore(url: string, file: string, onItem: (detail: string) => void): Promise<void> {
  const conn = pgConnection(url);
  const psql = start('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--dbname', conn.url, '--file', '-'], conn.env, () => {}, { stdin: 'pipe', stdout: 'ignore' });
  const restore = start(
    'pg_restore',
    ['--verbose', '--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', '-', file],
    conn.env,
    (line) => {
      const m = /^pg_restore: (creating|processing|executing) (.*)$/.exec(line);
      if (m) onItem(m[2]);
    },
    { stdin: 'ignore', stdout: 'pipe' },
  );
  const sink = psql.child.stdin!;
  sink.on('error', () => {}); // psql stopped early (an error): its exit code and message are what we report
  sink.write(`BEGIN;\n${EMPTY_SCHEMA}\n`);
  restore.child.stdout!.pipe(sink, { end: false });
  const r = await restore.done.catch((err) => {
    psql.child.kill('SIGTERM');
    throw err;
  });
  if (r.code === 0) sink.end('\nCOMMIT;\n');
  else psql.child.kill('SIGTERM');
  const p = await psql.done;
  if (r.code !== 0) throw failed('pg_restore (rolled back: the database is unchanged)', r.errors, r.code);
  if (p.code !== 0) throw failed('restore (rolled back: the database is unchanged)', p.errors, p.code);
}
