import type { BomLineTable } from '../../db/schema.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { BomEdge } from './bom-explosion.ts';

type Q = Db | Tx;

export const bomLines = {
  /** The highest version of a parent's BOM (the one edited), or undefined when it has none. */
  latestVersion: (q: Q, parentId: string) =>
    q.selectFrom('bomLine').select(['version', 'validFrom', 'validTo']).where('parentProductId', '=', parentId).orderBy('version', 'desc').limit(1).executeTakeFirst(),

  ofVersion: (q: Q, parentId: string, version: number) =>
    q
      .selectFrom('bomLine')
      .innerJoin('product', 'product.id', 'bomLine.componentProductId')
      .select(['bomLine.componentProductId', 'bomLine.qtyPer', 'bomLine.scrapBp', 'bomLine.note', 'bomLine.sort', 'product.sku', 'product.name', 'product.unit', 'product.makeOrBuy'])
      .where('bomLine.parentProductId', '=', parentId)
      .where('bomLine.version', '=', version)
      .orderBy('bomLine.sort')
      .execute(),

  /**
   * Edges of the given parents. With `onDate`, only the version in force on that date
   * (the highest one if several overlap); without it, every version not yet expired by
   * `notBefore` — a cycle in any of them could become live.
   */
  async edges(q: Q, parentIds: string[], when: { onDate: string } | { notBefore: string }): Promise<Map<string, BomEdge[]>> {
    if (parentIds.length === 0) return new Map();
    let qb = q.selectFrom('bomLine').select(['parentProductId', 'componentProductId', 'qtyPer', 'scrapBp', 'version']).where('parentProductId', 'in', parentIds);
    if ('onDate' in when) qb = qb.where('validFrom', '<=', when.onDate).where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', when.onDate)]));
    else qb = qb.where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', when.notBefore)]));
    const rows = await qb.orderBy('parentProductId').orderBy('version', 'desc').orderBy('sort').execute();
    const top = new Map<string, number>();
    const out = new Map<string, BomEdge[]>();
    for (const r of rows) {
      if ('onDate' in when && (top.get(r.parentProductId) ?? r.version) !== r.version) continue;
      top.set(r.parentProductId, r.version);
      const list = out.get(r.parentProductId) ?? [];
      list.push({ componentId: r.componentProductId, qtyPer: Number(r.qtyPer), scrapBp: r.scrapBp });
      out.set(r.parentProductId, list);
    }
    return out;
  },

  insert: (q: Q, rows: BomLineTable[]) => (rows.length ? q.insertInto('bomLine').values(rows).execute() : Promise.resolve([])),
  deleteVersion: (q: Q, parentId: string, version: number) => q.deleteFrom('bomLine').where('parentProductId', '=', parentId).where('version', '=', version).execute(),
  setValidity: (q: Q, parentId: string, version: number, patch: Partial<Pick<BomLineTable, 'validFrom' | 'validTo'>>) =>
    q.updateTable('bomLine').set(patch).where('parentProductId', '=', parentId).where('version', '=', version).execute(),
};

/**
 * Serializes BOM writes. A cycle can be closed by two edits that are each acyclic on their
 * own (A→B and B→A at once), so checking under row locks of one parent is not enough;
 * BOM edits are rare, so one counter row taken by an upsert (a row lock on PostgreSQL,
 * and SQLite transactions are already serial) is the simplest correct guard.
 */
export async function lockBomWrites(tx: Tx): Promise<void> {
  await tx
    .insertInto('sequence')
    .values({ key: 'bom.revision', value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('sequence.value', '+', 1) })))
    .execute();
}

/** Active users holding a role (the planners to tell about shortages). */
export async function activeUsersWithRole(q: Q, role: string): Promise<string[]> {
  const rows = await q.selectFrom('userRole').innerJoin('appUser', 'appUser.id', 'userRole.userId').select('appUser.id').where('userRole.roleKey', '=', role).where('appUser.active', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** The data of the newest event of a type on an entity (to skip repeating the same alert). */
export async function lastEventData(q: Q, entityType: string, entityId: string, type: string): Promise<string | null> {
  const r = await q.selectFrom('event').select('data').where('entityType', '=', entityType).where('entityId', '=', entityId).where('type', '=', type).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? String(r.data) : null;
}
