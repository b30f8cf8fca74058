import type { OrderStatus } from '../../../contracts/orders.ts';
import { defineMachine } from '../../platform/state-machine.ts';

const open: OrderStatus[] = ['confirmed', 'in_fulfilment', 'partially_shipped'];

/**
 * The sales order (DESIGN.md "Order lifecycle"). `submitted` is where the checks run;
 * the same transaction moves on to pending_approval or confirmed.
 */
export const orderMachine = defineMachine<
  OrderStatus,
  'edit' | 'submit' | 'requestApproval' | 'confirm' | 'reject' | 'returnForEdit' | 'startFulfilment' | 'shipPartial' | 'ship' | 'unshipPartial' | 'unshipAll' | 'deliver' | 'complete' | 'hold' | 'release' | 'cancel'
>({
  transitions: {
    edit: { from: ['draft', 'rejected'], to: 'draft' },
    submit: { from: ['draft'], to: 'submitted' },
    requestApproval: { from: ['submitted'], to: 'pending_approval' },
    confirm: { from: ['submitted', 'pending_approval'], to: 'confirmed' },
    reject: { from: ['pending_approval'], to: 'rejected' },
    returnForEdit: { from: ['pending_approval'], to: 'draft' },
    startFulfilment: { from: ['confirmed'], to: 'in_fulfilment' },
    shipPartial: { from: open, to: 'partially_shipped' },
    ship: { from: open, to: 'shipped' },
    // A dispatched shipment cancelled before delivery: the goods are back (shipping's cancel).
    unshipPartial: { from: ['partially_shipped', 'shipped'], to: 'partially_shipped' },
    unshipAll: { from: ['partially_shipped', 'shipped'], to: 'confirmed' },
    deliver: { from: ['shipped'], to: 'delivered' },
    complete: { from: ['delivered'], to: 'completed' },
    hold: { from: [...open, 'pending_approval'], to: 'on_hold' },
    release: { from: ['on_hold'], to: 'confirmed' },
    cancel: { from: ['draft', 'submitted', 'pending_approval', 'rejected', 'confirmed', 'in_fulfilment', 'on_hold'], to: 'cancelled' },
  },
  terminal: ['completed', 'cancelled'],
});
