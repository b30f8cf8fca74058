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
