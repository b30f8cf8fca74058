import { createStatusTag } from '../../components/status-tag.tsx';
import type { ShipmentStatus, ShippingException } from './api.ts';

/** The one look of a shipment's status (contracts `shipmentStatuses`). */
export const ShipmentStatusTag = createStatusTag<ShipmentStatus>({
  draft: { color: 'default', label: 'shipping.status.draft' },
  dispatched: { color: 'processing', label: 'shipping.status.dispatched' },
  in_transit: { color: 'blue', label: 'shipping.status.in_transit' },
  delivered: { color: 'success', label: 'shipping.status.delivered' },
  exception: { color: 'error', label: 'shipping.status.exception' },
  cancelled: { color: '#8c8c8c', label: 'shipping.status.cancelled' },
});

/** What went wrong (contracts `exceptionTypes`). */
export const ExceptionTypeTag = createStatusTag<ShippingException['type']>({
  late_eta: { color: 'orange', label: 'shipping.exceptions.type.late_eta' },
  tracking_exception: { color: 'red', label: 'shipping.exceptions.type.tracking_exception' },
  receipt_disputed: { color: 'magenta', label: 'shipping.exceptions.type.receipt_disputed' },
  no_movement: { color: 'gold', label: 'shipping.exceptions.type.no_movement' },
});

/** Open or resolved (contracts `exceptionStates`). */
export const ExceptionStateTag = createStatusTag<ShippingException['state']>({
  open: { color: 'error', label: 'shipping.exceptions.state.open' },
  resolved: { color: 'success', label: 'shipping.exceptions.state.resolved' },
});
