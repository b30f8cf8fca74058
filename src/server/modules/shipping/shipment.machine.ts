import type { ShipmentStatus } from '../../../contracts/shipping.ts';
import { defineMachine } from '../../platform/state-machine.ts';

const moving: ShipmentStatus[] = ['dispatched', 'in_transit', 'exception'];

/**
 * The shipment: a draft is packed and dispatched; carrier events move it in transit, to an
 * exception or delivered. Cancelling is possible until delivery — a dispatched shipment's
 * goods come back into stock (see shipment-cancel.ts).
 */
export const shipmentMachine = defineMachine<ShipmentStatus, 'dispatch' | 'transit' | 'fail' | 'deliver' | 'cancel'>({
  transitions: {
    dispatch: { from: ['draft'], to: 'dispatched' },
    transit: { from: moving, to: 'in_transit' },
    fail: { from: moving, to: 'exception' },
    deliver: { from: moving, to: 'delivered' },
    cancel: { from: ['draft', ...moving], to: 'cancelled' },
  },
  terminal: ['delivered', 'cancelled'],
});
