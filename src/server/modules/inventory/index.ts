/**
 * inventory — warehouses, the stock ledger (movements) with its counters, reservations for
 * orders that never oversell, stock counts (盘点) posting their variances, and the ledger
 * check behind `gendan check-ledger`.
 * Quantities at this door are integer thousandths (contracts/quantity.ts); the HTTP API
 * speaks decimals.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { adjustmentRequestRoutes } from './adjustment-requests.routes.ts';
import { createAdjustmentRequestsService } from './adjustment-requests.service.ts';
import { inventoryRoutes } from './inventory.routes.ts';
import { createMovementsService } from './movements.service.ts';
import { openingImportRoutes } from './opening-import.routes.ts';
import { createOpeningImport } from './opening-import.service.ts';
import { createStockService } from './stock.service.ts';
import { stockCountRoutes } from './stock-count.routes.ts';
import { createStockCountsService } from './stock-count.service.ts';
import { createWarehousesService } from './warehouses.service.ts';

export { availability, defaultWarehouseId, moveReservation, releaseForOrder, reserveForOrder, type ReserveLine, type ReserveResult } from './reservations.service.ts';
export { consumeForShipment, type ConsumeLine } from './consume.service.ts';
export { restoreForShipment } from './restore.service.ts';
export { issueHeld, receiveProduced } from './production-stock.ts';
export { checkLedger, type LedgerViolation, type LedgerViolationKind } from './ledger-check.ts';
export { createMovementsService, type MovementsService } from './movements.service.ts';
export { createWarehousesService, type WarehousesService } from './warehouses.service.ts';

export function registerInventory(app: App, ctx: AppContext) {
  const warehouses = createWarehousesService(ctx.handle.db);
  const stock = createStockService(ctx.handle.db);
  const movements = createMovementsService(ctx.handle.db);
  const counts = createStockCountsService(ctx.handle.db, ctx.config.timeZone);
  inventoryRoutes(app, warehouses, stock, movements, ctx.config.timeZone);
  const adjustmentRequests = createAdjustmentRequestsService(ctx.handle.db);
  stockCountRoutes(app, counts);
  adjustmentRequestRoutes(app, adjustmentRequests);
  openingImportRoutes(app, createOpeningImport(ctx.handle.db));
  return { warehouses, stock, movements, counts, adjustmentRequests };
}
