import type { Routing, RoutingPut, WorkCenter, WorkCenterCreate } from '../../../contracts/production.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { WorkCenterTable } from '../../db/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { productsRepository } from '../catalog/index.ts';
import { routings, workCenters } from './work-centers.repository.ts';

export function toWorkCenter(r: WorkCenterTable): WorkCenter {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    capacityHoursPerDay: r.capacityMinutes / 60,
    state: r.state,
    downReason: r.downReason,
    downSince: r.downSince,
    expectedUpAt: r.expectedUpAt,
    active: r.active === 1,
    version: r.version,
  };
}

export function createWorkCentersService(db: Db) {
  async function routing(productId: string, q: Db = db): Promise<Routing> {
    const ops = await routings.of(q, [productId]);
    return {
      productId,
      operations: ops.map((o) => ({ id: o.id, seq: o.seq, name: o.name, workCenterId: o.workCenterId, workCenterCode: o.workCenterCode, setupMinutes: o.setupMinutes, runMinutesPerUnit: fromMilli(Number(o.runMilliMinutes)) })),
    };
  }

  return {
    async list(): Promise<{ items: WorkCenter[]; nextCursor: null }> {
      return { items: (await workCenters.list(db)).map(toWorkCenter), nextCursor: null };
    },

    async get(id: string): Promise<WorkCenter> {
      const r = await workCenters.byId(db, id);
      if (!r) throw notFound();
      return toWorkCenter(r);
    },

    async create(actor: Actor, input: WorkCenterCreate): Promise<WorkCenter> {
      const now = nowIso();
      const row: WorkCenterTable = {
        id: newId(),
        code: input.code,
        name: input.name,
        capacityMinutes: Math.round(input.capacityHoursPerDay * 60),
        state: 'up',
        downReason: null,
        downSince: null,
        expectedUpAt: null,
        active: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await inTransaction(db, async (tx) => {
          await workCenters.insert(tx, row);
          await appendEvent(tx, { entityType: 'work_center', entityId: row.id, type: 'work_center.created', actor, stage: 'production', data: { code: row.code, name: row.name, capacityMinutes: row.capacityMinutes } });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
        throw err;
      }
      return toWorkCenter(row);
    },

    async routing(productId: string): Promise<Routing> {
      if (!(await productsRepository.byId(db, productId))) throw notFound();
      return routing(productId);
    },

    /** Replaces the product's routing; open work orders keep the operations they were made with. */
    async putRouting(actor: Actor, productId: string, input: RoutingPut): Promise<Routing> {
      await inTransaction(db, async (tx) => {
        if (!(await productsRepository.byId(tx, productId))) throw notFound();
        const known = new Set((await workCenters.byIds(tx, [...new Set(input.operations.map((o) => o.workCenterId))])).map((c) => c.id));
        const problems = input.operations.flatMap((o, i) => (known.has(o.workCenterId) ? [] : [fieldError(`operations.${i}.workCenterId`, 'not_found')]));
        if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
        await routings.replace(
          tx,
          productId,
          input.operations.map((o, i) => ({ id: newId(), seq: (i + 1) * 10, name: o.name, workCenterId: o.workCenterId, setupMinutes: o.setupMinutes, runMilliMinutes: toMilli(o.runMinutesPerUnit) })),
        );
        await appendEvent(tx, { entityType: 'product', entityId: productId, type: 'routing.updated', actor, stage: 'production', data: { operations: input.operations } });
      });
      return routing(productId);
    },
  };
}

export type WorkCentersService = ReturnType<typeof createWorkCentersService>;
