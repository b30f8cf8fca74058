import type { StockCountStatus } from '../../../contracts/inventory.ts';
import { defineMachine } from '../../platform/state-machine.ts';

/**
 * draft → counting → posted, cancelled from either open state. The first counted quantity
 * entered moves a draft to counting; posting needs data guards (counted below reserved),
 * which live in the service — this table says only which moves exist.
 */
export const stockCountMachine = defineMachine<StockCountStatus, 'record' | 'post' | 'cancel'>({
  transitions: {
    record: { from: ['draft', 'counting'], to: 'counting' },
    post: { from: ['counting'], to: 'posted' },
    cancel: { from: ['draft', 'counting'], to: 'cancelled' },
  },
  terminal: ['posted', 'cancelled'],
});
