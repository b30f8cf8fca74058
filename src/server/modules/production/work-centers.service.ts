import { shiftMinutes, shiftTimeOf, type Routing, type RoutingPut, type WorkCenter, type WorkCenterCreate, type WorkCenterPatch } from '../../../contracts/production.ts';
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
import { requestReschedule } from './schedule.service.ts';
import { routings, workCenters } from './work-centers.repository.ts';

export function toWorkCenter(r: WorkCenterTable): WorkCenter {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    capacityHoursPerDay: r.capacityMinutes / 60,
    shiftStart: shiftTimeOf(r.shiftStartMinutes),
    shiftEnd: shiftTimeOf(r.shiftStartMinutes + r.capacityMinutes),
    state: r.state,
    downReason: r.downReason,
    downSince: r.downSince,
    expectedUpAt: r.expectedUpAt,
    active: r.active === 1,
    version: r.version,
  };
}

/** The shift ends by midnight: a window past it would overlap the next day's (and its calendar answer). */
function assertShiftFits(shiftStartMinutes: number, capacityMinutes: number): void {
  if (shiftStartMinutes + capacityMinutes > 1440) throw new AppError('VALIDATION_FAILED', [fieldError('shiftStart', 'shift_past_midnight')]);
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
      assertShiftFits(shiftMinutes(input.shiftStart), Math.round(input.capacityHoursPerDay * 60));
      const row: WorkCenterTable = {
        id: newId(),
        code: input.code,
        name: input.name,
        capacityMinutes: Math.round(input.capacityHoursPerDay * 60),
        shiftStartMinutes: shiftMinutes(input.shiftStart),
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
          await appendEvent(tx, { entityType: 'work_center', entityId: row.id, type: 'work_center.created', actor, stage: 'production', data: { code: row.code, name: row.name, capacityMinutes: row.capacityMinutes, shiftStart: input.shiftStart } });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
        throw err;
      }
      return toWorkCenter(row);
    },

    /**
     * Name and working hours. New hours re-plan everything open (through the worker, like
     * other changes that move plans). Guarded on the version: two edits at once — one
     * wins, the other gets 409 when it sent the version it read.
     */
    async update(actor: Actor, id: string, input: WorkCenterPatch): Promise<WorkCenter> {
      return inTransaction(db, async (tx) => {
        const cur = await workCenters.byId(tx, id);
        if (!cur) throw notFound();
        if (input.version !== undefined && input.version !== cur.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: cur.version })]);
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.capacityHoursPerDay !== undefined ? { capacityMinutes: Math.round(input.capacityHoursPerDay * 60) } : {}),
          ...(input.shiftStart !== undefined ? { shiftStartMinutes: shiftMinutes(input.shiftStart) } : {}),
        };
        const next = { ...cur, ...patch };
        assertShiftFits(next.shiftStartMinutes, next.capacityMinutes);
        const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== cur[k]);
        if (!changed.length) return toWorkCenter(cur);
        const row = await workCenters.update(tx, id, cur.version, { ...patch, updatedAt: nowIso() });
        if (!row) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch')]);
        const view = toWorkCenter(row);
        await appendEvent(tx, {
          entityType: 'work_center',
          entityId: id,
          type: 'work_center.updated',
          actor,
          stage: 'production',
          data: { code: row.code, changed, name: row.name, capacityHoursPerDay: view.capacityHoursPerDay, shiftStart: view.shiftStart, shiftEnd: view.shiftEnd },
        });
        if (changed.some((k) => k !== 'name')) await requestReschedule(tx, 'work center hours changed');
        return view;
      });
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
