import type { Tx } from './db/database.ts';

/**
 * Gap-free counter per key, in the caller's transaction: a rolled-back transaction takes
 * its number back with it. The row stays locked until commit, so call this as late in the
 * transaction as possible (DESIGN.md "Performance notes").
 */
export async function nextSequence(tx: Tx, key: string): Promise<number> {
  const row = await tx
    .insertInto('sequence')
    .values({ key, value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('sequence.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
