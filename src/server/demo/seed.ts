/**
 * The demo company, seeded as an ordered list of steps (steps.ts). Each step is idempotent
 * on its own — it finds rows by their natural key (username, team name, later customer
 * code or SKU) and only adds what is missing — so running the seed again changes nothing,
 * and a seed interrupted half-way is completed by the next run. Steps do not share
 * in-memory state: a later step (customers, orders) looks up what it needs by natural key.
 */
import type { Db, DbHandle } from '../platform/db/database.ts';
import type { DialectName } from '../platform/db/dialect.ts';
import { systemActor, type Actor } from '../platform/http/actor.ts';
import { demoSeedSteps } from './steps.ts';

export interface DemoSeedContext {
  db: Db;
  dialect: DialectName;
  /** The seed acts as the system: its events carry no user (a step may act as a demo user instead). */
  actor: Actor;
  /** Base of links written into notifications. */
  publicUrl: string;
  /** Id of a seeded user; throws if missing (a step listed before the step that creates it). */
  userId(username: string): Promise<string>;
  teamId(name: string): Promise<string>;
}

export interface DemoSeedCounts {
  created: number;
  updated: number;
}

export interface DemoSeedStep {
  name: string;
  run(ctx: DemoSeedContext): Promise<DemoSeedCounts>;
}

export type DemoSeedReport = ({ name: string; ms: number } & DemoSeedCounts)[];

export async function seedDemoCompany(handle: DbHandle, opts: { publicUrl?: string; onStep?: (r: DemoSeedReport[number]) => void } = {}): Promise<DemoSeedReport> {
  const { db } = handle;
  const ctx: DemoSeedContext = {
    db,
    dialect: handle.dialect,
    actor: systemActor,
    publicUrl: opts.publicUrl ?? 'http://127.0.0.1:3000',
    async userId(username) {
      const row = await db.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirst();
      if (!row) throw new Error(`demo seed: user ${username} does not exist yet`);
      return row.id;
    },
    async teamId(name) {
      const row = await db.selectFrom('team').select('id').where('name', '=', name).executeTakeFirst();
      if (!row) throw new Error(`demo seed: team ${name} does not exist yet`);
      return row.id;
    },
  };
  const report: DemoSeedReport = [];
  for (const step of demoSeedSteps) {
    const started = performance.now();
    const counts = await step.run(ctx);
    const r = { name: step.name, ...counts, ms: performance.now() - started };
    report.push(r);
    opts.onStep?.(r);
  }
  return report;
}
