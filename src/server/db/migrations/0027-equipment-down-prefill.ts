import type { Kysely } from 'kysely';
import { seededDelayReasons } from '../../../contracts/responsibility.ts';

/**
 * Databases created before equipment down pre-filled a reason get the seeded rule too —
 * unless an admin has already given 设备故障 rules of their own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rule = seededDelayReasons.find((r) => r.code === 'equipment_down')!;
  await db.updateTable('delay_reason').set({ prefill: JSON.stringify(rule.prefill) }).where('code', '=', 'equipment_down').where('prefill', '=', '[]').execute();
}
