import { EventEmitter } from 'node:events';
import { json } from '../db/dialect.ts';
import type { Db, Tx } from '../db/database.ts';
import { onCommit } from '../db/transaction.ts';
import { newId, nowIso } from '../ids.ts';

export interface OutboxInput {
  channel: string;
  topic: string;
  payload: unknown;
  /** Makes the enqueue itself idempotent: a second row with the same key is not written. */
  dedupeKey?: string;
  delayMs?: number;
}

/** Wakes workers in this process right after a commit, so delivery doesn't wait for the poll. */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(0);

/**
 * Records a side effect in the caller's transaction. Nothing is sent before commit and
 * nothing committed is lost: the worker delivers it at least once, with retries.
 * Returns the row's id — the existing row's when `dedupeKey` was already taken.
 */
export async function enqueue(tx: Tx, input: OutboxInput): Promise<string> {
  const id = newId();
  const now = Date.now();
  const inserted = await tx
    .insertInto('outbox')
    .values({
      id,
      channel: input.channel,
      topic: input.topic,
      payload: json.write(input.payload),
      dedupeKey: input.dedupeKey ?? null,
      state: 'pending',
      nextAttemptAt: new Date(now + (input.delayMs ?? 0)).toISOString(),
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      createdAt: nowIso(),
      doneAt: null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 && input.dedupeKey) {
    const existing = await tx.selectFrom('outbox').select('id').where('dedupeKey', '=', input.dedupeKey).executeTakeFirst();
    return existing?.id ?? id;
  }
  onCommit(tx, () => void outboxSignal.emit('wake'));
  return id;
}

/**
 * `enqueue` for many side effects at once: multi-row inserts (a few hundred rows per
 * statement) instead of one round trip per row — what a scan that queues hundreds of alerts
 * needs on PostgreSQL. Rows whose `dedupeKey` is already taken are skipped. Returns how
 * many rows were written.
 */
export async function enqueueMany(tx: Tx, inputs: readonly OutboxInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const now = Date.now();
  const createdAt = nowIso();
  let written = 0;
  for (let i = 0; i < inputs.length; i += ENQUEUE_CHUNK) {
    const rows = inputs.slice(i, i + ENQUEUE_CHUNK).map((input) => ({
      id: newId(),
      channel: input.channel,
      topic: input.topic,
      payload: json.write(input.payload),
      dedupeKey: input.dedupeKey ?? null,
      state: 'pending' as const,
      nextAttemptAt: new Date(now + (input.delayMs ?? 0)).toISOString(),
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      createdAt,
      doneAt: null,
    }));
    const r = await tx
      .insertInto('outbox')
      .values(rows)
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .executeTakeFirst();
    written += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  if (written > 0) onCommit(tx, () => void outboxSignal.emit('wake'));
  return written;
}
/** 12 parameters a row: 400 rows stay far below SQLite's and PostgreSQL's parameter limits. */
const ENQUEUE_CHUNK = 400;

/** Outbox rows with their attempt history, for delivery logs (admin pages, tests). */
export async function loadDeliveries(q: Db | Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('outbox')
    .select(['id', 'channel', 'topic', 'state', 'attempts', 'lastError', 'nextAttemptAt', 'createdAt', 'doneAt'])
    .where('id', 'in', ids)
    .orderBy('id', 'desc')
    .execute();
  const attempts = await q
    .selectFrom('outboxAttempt')
    .select(['outboxId', 'attempt', 'at', 'ok', 'error', 'durationMs'])
    .where('outboxId', 'in', ids)
    .orderBy('outboxId')
    .orderBy('attempt')
    .execute();
  const byRow = new Map<string, { attempt: number; at: string; ok: boolean; error: string | null; durationMs: number }[]>();
  for (const a of attempts) {
    const list = byRow.get(a.outboxId) ?? [];
    list.push({ attempt: a.attempt, at: a.at, ok: a.ok === 1, error: a.error, durationMs: a.durationMs });
    byRow.set(a.outboxId, list);
  }
  return rows.map((r) => ({ ...r, attemptLog: byRow.get(r.id) ?? [] }));
}
