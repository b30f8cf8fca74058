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

/**
 * A document number from an admin pattern such as `SO-{yyyyMMdd}-{seq:4}`, for a local
 * calendar date `YYYY-MM-DD`; the sequence key restarts per day, per month or never.
 */
export function numberPattern(pattern: string, reset: 'day' | 'month' | 'never', localDate: string, scope: string) {
  const [y, m, d] = localDate.split('-');
  const key = `${scope}:${reset === 'day' ? `${y}${m}${d}` : reset === 'month' ? `${y}${m}` : 'all'}`;
  const format = (seq: number) =>
    pattern
      .replaceAll('{yyyyMMdd}', `${y}${m}${d}`)
      .replaceAll('{yyyyMM}', `${y}${m}`)
      .replaceAll('{yyyy}', y)
      .replaceAll('{MM}', m)
      .replaceAll('{dd}', d)
      .replace(/\{seq(?::(\d))?\}/, (_all, width: string | undefined) => String(seq).padStart(Number(width ?? 1), '0'));
  return { key, format };
}
