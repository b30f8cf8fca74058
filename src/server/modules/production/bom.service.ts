import type { Bom, BomPut } from '../../../contracts/production.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { productsRepository } from '../catalog/index.ts';
import { explode } from './bom-explosion.ts';
import { findPath, loadGraph } from './bom-graph.ts';
import { bomLines, lockBomWrites } from './bom.repository.ts';

type Q = Db | Tx;

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function createBomService(db: Db, config: Pick<Config, 'timeZone'>) {
  const today = () => localDate(new Date(), config.timeZone);

  async function load(q: Q, productId: string): Promise<Bom> {
    const head = await bomLines.latestVersion(q, productId);
    if (!head) return { productId, version: 0, validFrom: null, validTo: null, lines: [] };
    const lines = await bomLines.ofVersion(q, productId, head.version);
    return {
      productId,
      version: head.version,
      validFrom: head.validFrom,
      validTo: head.validTo,
      lines: lines.map((l) => ({
        componentId: l.componentProductId,
        sku: l.sku,
        name: l.name,
        unit: l.unit,
        makeOrBuy: l.makeOrBuy,
        qtyPer: fromMilli(Number(l.qtyPer)),
        scrapPct: l.scrapBp / 100,
        note: l.note,
        sort: l.sort,
      })),
    };
  }

  async function product(q: Q, id: string) {
    const p = await productsRepository.byId(q, id);
    if (!p) throw notFound();
    return p;
  }

  /** Known products, no self-reference, each component once — all problems at once, per field. */
  async function validateLines(tx: Tx, productId: string, lines: BomPut['lines']) {
    const known = new Set((await productsRepository.byIds(tx, [...new Set(lines.map((l) => l.componentId))])).map((p) => p.id));
    const seen = new Set<string>();
    const problems = lines.flatMap((l, i) => {
      const path = `lines.${i}.componentId`;
      if (l.componentId === productId) return [fieldError(path, 'self_reference')];
      if (!known.has(l.componentId)) return [fieldError(path, 'not_found')];
      if (seen.has(l.componentId)) return [fieldError(path, 'duplicate_component')];
      seen.add(l.componentId);
      return [];
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  }

  /** 422 BOM_CYCLE with the path (SKUs, parent first and last) when a component leads back to the parent. */
  async function assertNoCycle(tx: Tx, productId: string, componentIds: string[]) {
    const graph = await loadGraph(tx, componentIds, { notBefore: today() });
    for (const c of componentIds) {
      const path = findPath(graph, c, productId);
      if (!path) continue;
      const ids = [productId, ...path];
      const skus = new Map((await productsRepository.byIds(tx, ids)).map((p) => [p.id, p.sku]));
      throw new AppError('BOM_CYCLE', { path: ids.map((id) => skus.get(id) ?? id), productIds: ids });
    }
  }

  return {
    async get(productId: string) {
      await product(db, productId);
      return load(db, productId);
    },

    /**
     * Replaces the lines of the current version, or (newVersion) starts the next version on
     * `validFrom` and closes the current one the day before, so versions never overlap or gap.
     */
    async put(actor: Actor, productId: string, input: BomPut): Promise<Bom> {
      return inTransaction(db, async (tx) => {
        await lockBomWrites(tx);
        await product(tx, productId);
        const before = await load(tx, productId);
        if (input.version !== undefined && input.version !== before.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: before.version })]);
        await validateLines(tx, productId, input.lines);
        await assertNoCycle(tx, productId, input.lines.map((l) => l.componentId));

        let version = before.version || 1;
        let validFrom = input.validFrom ?? before.validFrom ?? today();
        if (input.newVersion && before.version > 0) {
          validFrom = input.validFrom ?? today();
          if (validFrom <= before.validFrom!) throw new AppError('VALIDATION_FAILED', [fieldError('validFrom', 'version_gap', { currentValidFrom: before.validFrom })]);
          await bomLines.setValidity(tx, productId, before.version, { validTo: dayBefore(validFrom) });
          version = before.version + 1;
        } else {
          await bomLines.deleteVersion(tx, productId, version);
        }
        const now = nowIso();
        await bomLines.insert(
          tx,
          input.lines.map((l, i) => ({
            id: newId(),
            parentProductId: productId,
            componentProductId: l.componentId,
            qtyPer: toMilli(l.qtyPer),
            scrapBp: Math.round(l.scrapPct * 100),
            version,
            validFrom,
            validTo: null,
            sort: i + 1,
            note: l.note ?? null,
            createdAt: now,
          })),
        );
        const after = await load(tx, productId);
        const brief = (b: Bom) => b.lines.map((l) => ({ sku: l.sku, qtyPer: l.qtyPer, scrapPct: l.scrapPct }));
        await appendEvent(tx, {
          entityType: 'product',
          entityId: productId,
          type: input.newVersion && before.version > 0 ? 'bom.version_created' : 'bom.updated',
          actor,
          stage: 'production',
          before: { version: before.version, lines: brief(before) },
          after: { version: after.version, validFrom: after.validFrom, lines: brief(after) },
        });
        return after;
      });
    },

    /** Gross requirements for `qty` of a product with the BOMs in force today. */
    async explosion(productId: string, qty: number) {
      await product(db, productId);
      return { productId, qty, requirements: await explodeFor(db, productId, toMilli(qty), today()) };
    },
  };
}

/** Explosion with product details, quantities back in units (shared with the material check). */
export async function explodeFor(q: Q, productId: string, qtyMilli: number, onDate: string) {
  const graph = await loadGraph(q, [productId], { onDate });
  const ids = new Set<string>();
  for (const list of graph.values()) for (const e of list) ids.add(e.componentId);
  const products = new Map((await productsRepository.byIds(q, [...ids])).map((p) => [p.id, p]));
  return explode(productId, qtyMilli, graph, (id) => products.get(id)?.unitDecimals ?? 3).map((r) => {
    const p = products.get(r.productId)!;
    return { ...r, sku: p.sku, name: p.name, unit: p.unit, required: fromMilli(r.required), requiredMilli: r.required };
  });
}

export type BomService = ReturnType<typeof createBomService>;
