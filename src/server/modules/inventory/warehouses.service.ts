import type { z } from 'zod';
import type { Warehouse, WarehouseCreate, warehousePatchBody } from '../../../contracts/inventory.ts';
import type { ListQuery } from '../../../contracts/common.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { toWarehouse } from './inventory.mapper.ts';
import { clearDefaultWarehouse, hasDefaultWarehouse, holdsStock, insertWarehouse, selectWarehouses } from './warehouses.repository.ts';

type WarehousePatch = z.infer<typeof warehousePatchBody>;

export function createWarehousesService(db: Db) {
  return {
    async list(query: Pick<ListQuery, 'limit' | 'cursor' | 'q'>) {
      const after = decodeCursor(query.cursor);
      let qb = selectWarehouses(db).orderBy('code').limit(query.limit + 1);
      if (after) qb = qb.where('code', '>', String(after[0]));
      if (query.q) qb = qb.where((eb) => eb.or([eb('code', 'like', `%${query.q}%`), eb('name', 'like', `%${query.q}%`)]));
      const page = toPage(await qb.execute(), query.limit, (r) => [r.code]);
      return { items: page.items.map(toWarehouse), nextCursor: page.nextCursor };
    },

    /** The first warehouse becomes the default even when not asked, so orders always have one to reserve from. */
    async create(actor: Actor, input: WarehouseCreate): Promise<Warehouse> {
      const id = newId();
      return inTransaction(db, async (tx) => {
        const isDefault = input.isDefault || !(await hasDefaultWarehouse(tx));
        const row = { id, code: input.code, name: input.name, isDefault: isDefault ? 1 : 0, active: 1, address: input.address ?? null, createdAt: nowIso() };
        try {
          await insertWarehouse(tx, row);
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
          throw err;
        }
        if (isDefault) await clearDefaultWarehouse(tx, id);
        await appendEvent(tx, { entityType: 'warehouse', entityId: id, type: 'warehouse.created', actor, data: { code: row.code, name: row.name, isDefault } });
        return toWarehouse(row);
      });
    },

    /**
     * Name, address and active flag; the code never changes. A warehouse that still holds
     * stock cannot be deactivated (its stock and reservations would be stranded); a
     * deactivated default stops being the default (orders then use the oldest active one).
     */
    async update(actor: Actor, id: string, patch: WarehousePatch): Promise<Warehouse> {
      return inTransaction(db, async (tx) => {
        const before = await selectWarehouses(tx).where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound();
        if (patch.active === false && before.active === 1 && (await holdsStock(tx, id))) throw new AppError('VALIDATION_FAILED', [fieldError('active', 'warehouse_not_empty')]);
        const set = {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.address !== undefined ? { address: patch.address || null } : {}),
          ...(patch.active !== undefined ? { active: patch.active ? 1 : 0, ...(patch.active ? {} : { isDefault: 0 }) } : {}),
        };
        if (Object.keys(set).length) await tx.updateTable('warehouse').set(set).where('id', '=', id).execute();
        const after = (await selectWarehouses(tx).where('id', '=', id).executeTakeFirstOrThrow());
        const changed = (['name', 'address', 'active', 'isDefault'] as const).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
        if (changed.length) {
          await appendEvent(tx, { entityType: 'warehouse', entityId: id, type: 'warehouse.updated', actor, data: { before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])) } });
        }
        return toWarehouse(after);
      });
    },
  };
}

export type WarehousesService = ReturnType<typeof createWarehousesService>;
