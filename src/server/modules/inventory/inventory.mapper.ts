/** Ledger rows (thousandths) → API shapes (decimal quantities). The only place that converts outward. */
import type { Movement, StockLevel, Warehouse } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { MovementRow } from './ledger.repository.ts';
import type { LevelRow } from './stock.repository.ts';
import type { WarehouseRow } from './warehouses.repository.ts';

export const toWarehouse = (r: WarehouseRow): Warehouse => ({ ...r, isDefault: r.isDefault === 1, active: r.active === 1, address: r.address ?? null });

export const toMovement = (r: MovementRow): Movement => ({ ...r, qty: fromMilli(Number(r.qty)) });

export function toLevel(r: LevelRow): StockLevel {
  const onHand = Number(r.onHand);
  const reserved = Number(r.reserved);
  return { ...r, onHand: fromMilli(onHand), reserved: fromMilli(reserved), available: fromMilli(onHand - reserved) };
}
