import type { Warehouse, WarehouseCreate } from '../../../contracts/inventory.ts';
import type { ListQuery } from '../../../contracts/common.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { toWarehouse } from './inventory.mapper.ts';
import { clearDefaultWarehouse, hasDefaultWarehouse, insertWarehouse, selectWarehouses } from './warehouses.repository.ts';

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
        const row = { id, code: input.code, name: input.name, isDefault: isDefault ? 1 : 0, active: 1, createdAt: nowIso() };
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
  };
}

export type WarehousesService = ReturnType<typeof createWarehousesService>;
