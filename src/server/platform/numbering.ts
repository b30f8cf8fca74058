import type { Tx } from './db/database.ts';

/**
 * Gap-free counter per key, in the caller's transaction: a rolled-back transaction takes
 * its number back with it. The row stays locked until commit, so call this as late in the
 * transaction as possible (DESIGN.md "Performance notes").
 */
export async function nextSequence(tx: Tx, key: string): Promise<number> {
  return reserveSequence(tx, key, 1);
}

/** Takes `count` consecutive numbers at once and returns the last; the block is last − count + 1 … last. */
export async function reserveSequence(tx: Tx, key: string, count: number): Promise<number> {
  const row = await tx
    .insertInto('sequence')
    .values({ key, value: count })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('sequence.value', '+', count) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
