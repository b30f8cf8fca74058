import type { Db, Tx } from '../../platform/db/database.ts';
import type { WarehouseTable } from '../../db/schema.ts';

type Q = Db | Tx;

export function selectWarehouses(q: Q) {
  return q.selectFrom('warehouse').select(['id', 'code', 'name', 'isDefault', 'active', 'address', 'createdAt']);
}

export type WarehouseRow = Awaited<ReturnType<ReturnType<typeof selectWarehouses>['executeTakeFirstOrThrow']>>;

export function insertWarehouse(tx: Tx, row: WarehouseTable) {
  return tx.insertInto('warehouse').values(row).execute();
}

export function clearDefaultWarehouse(tx: Tx, exceptId: string) {
  return tx.updateTable('warehouse').set({ isDefault: 0 }).where('isDefault', '=', 1).where('id', '<>', exceptId).execute();
}

export async function hasDefaultWarehouse(q: Q): Promise<boolean> {
  return !!(await q.selectFrom('warehouse').select('id').where('isDefault', '=', 1).where('active', '=', 1).limit(1).executeTakeFirst());
}

/**
 * The flagged default, else the oldest active warehouse. Ordered so that even two flagged
 * defaults (two concurrent "make default" requests on PostgreSQL) resolve the same way everywhere.
 */
export async function findDefaultWarehouseId(q: Q): Promise<string | null> {
  const row = await q.selectFrom('warehouse').select('id').where('active', '=', 1).orderBy('isDefault', 'desc').orderBy('id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function warehousesByIds(q: Q, ids: string[]) {
  if (ids.length === 0) return [];
  return selectWarehouses(q).where('id', 'in', ids).execute();
}

/** Any stock on hand or reserved in the warehouse (counters are in thousandths). */
export async function holdsStock(q: Q, warehouseId: string): Promise<boolean> {
  return !!(await q.selectFrom('stock').select('productId').where('warehouseId', '=', warehouseId).where((eb) => eb.or([eb('onHand', '!=', 0), eb('reserved', '!=', 0)])).limit(1).executeTakeFirst());
}
