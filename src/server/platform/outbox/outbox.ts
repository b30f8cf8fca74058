import { EventEmitter } from 'node:events';
import { json } from '../db/dialect.ts';
import type { Tx } from '../db/database.ts';
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
 */
export async function enqueue(tx: Tx, input: OutboxInput): Promise<string> {
  const id = newId();
  const now = Date.now();
  await tx
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
    .execute();
  onCommit(tx, () => void outboxSignal.emit('wake'));
  return id;
}
