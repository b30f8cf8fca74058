/**
 * Factories that insert rows directly (CONVENTIONS rule 12): each test builds what it needs.
 * Defaults are valid and unique; pass only what the test is about.
 */
import type { ProductTable, WarehouseTable } from '../../src/server/db/schema.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import { newId, nowIso } from '../../src/server/platform/ids.ts';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

export const productFactory = {
  async insert(db: Db, over: Partial<ProductTable> = {}): Promise<ProductTable> {
    const now = nowIso();
    const row: ProductTable = {
      id: newId(),
      sku: `SKU-${unique()}`,
      name: '测试产品',
      spec: null,
      category: null,
      unit: '件',
      unitDecimals: 0,
      listPrice: 10_000,
      floorPrice: 8_000,
      cost: 5_000,
      taxRateBp: 1300,
      makeOrBuy: 'buy',
      leadTimeDays: 0,
      minQty: null,
      maxQty: null,
      specOptions: '{}',
      active: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...over,
    };
    await db.insertInto('product').values(row).execute();
    return row;
  },
};

export const warehouseFactory = {
  async insert(db: Db, over: Partial<WarehouseTable> = {}): Promise<WarehouseTable> {
    const row: WarehouseTable = { id: newId(), code: `WH-${unique()}`, name: '测试仓库', isDefault: 0, active: 1, createdAt: nowIso(), ...over };
    await db.insertInto('warehouse').values(row).execute();
    return row;
  },
};

/** A seeded generator of integers in [0, n) (an LCG), so a failing randomized test can be replayed. */
export function seededInts(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const AT = '2026-01-01T00:00:00.000Z';

/** Users with these ids (username and display name = id), inserted directly. */
export const insertUsers = (db: Db, ids: string[]) =>
  db.insertInto('appUser').values(ids.map((id) => ({ id, username: id, displayName: id, passwordHash: 'x', email: null, mobile: null, teamId: null, managerId: null, active: 1, locale: 'zh-CN', createdAt: AT, updatedAt: AT }))).execute();

/** Active B-tier customers owned by `ownerId`, inserted directly. */
export const insertCustomers = (db: Db, ownerId: string, customers: { id: string; name: string }[]) =>
  db
    .insertInto('customer')
    .values(customers.map(({ id, name }) => ({ id, code: id, name, nameKey: name, tier: 'B', ownerId, paymentTermsDays: 30, creditLimit: 0, currency: 'CNY', status: 'active', version: 1, createdAt: AT, updatedAt: AT }) as never))
    .execute();
