/** Runs `gendan` as a real subprocess against a test database, as an operator would. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DbHandle } from '../../src/server/platform/db/database.ts';

const bin = fileURLToPath(new URL('../../bin/gendan.mjs', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function gendan(args: string[], env: Record<string, string | undefined> = {}, cwd = root): Promise<CliRun> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', GENDAN_USER_PASSWORD: '', ...env };
    execFile(process.execPath, [bin, ...args], { env: childEnv, cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Rows per table: "running it twice changes nothing" compares two of these. */
export async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await handle.db.introspection.getTables({ withInternalKyselyTables: true })) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(handle.db);
    out[t.name] = Number(r.rows[0].n);
  }
  return out;
}
