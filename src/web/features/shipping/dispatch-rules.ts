import { checkDivision, normalizePhone } from '../../../contracts/cn.ts';
import { carriers, type Carrier } from '../../../contracts/shipping.ts';
import type { Order, OrderLine } from '../orders/api.ts';
import type { Shipment } from './api.ts';

type Address = NonNullable<Shipment['shipToAddress']>;
export type CheckState = 'ok' | 'block' | 'reason' | 'pending';
export interface DispatchCheck {
  code: 'address' | 'division' | 'phone' | 'addressChanged' | 'orderState' | 'reserved' | 'packing' | 'tracking';
  state: CheckState;
  params?: Record<string, string | number>;
}

const KEYS = ['province', 'city', 'district', 'detail', 'recipient', 'phone'] as const;
/** The server's rule (shipments.service `sameAddress`): every part equal. */
export const sameAddress = (a: Omit<Address, 'label'> & { label?: string | null } | null | undefined, b: Omit<Address, 'label'> & { label?: string | null } | null | undefined) => !!a && !!b && KEYS.every((k) => a[k] === b[k]);
const SHIPPABLE: Order['status'][] = ['confirmed', 'in_fulfilment', 'partially_shipped'];

/**
 * The checks the server makes before a dispatch, worked out here from what the page already
 * has, so the user sees what will stop it before pressing the button. The server decides.
 */
export function dispatchChecks(s: Pick<Shipment, 'shipToAddress' | 'lines'> & { packages?: Shipment['packages'] }, order: Order | undefined, input: { carrier?: Carrier; trackingNumber?: string; reason?: string }): DispatchCheck[] {
  const a = s.shipToAddress;
  const checks: DispatchCheck[] = [];
  checks.push({ code: 'address', state: a && a.detail?.trim() && a.recipient?.trim() ? 'ok' : 'block' });
  if (a) {
    const wrong = checkDivision(a.province, a.city, a.district);
    checks.push({ code: 'division', state: wrong ? 'block' : 'ok', params: { region: `${a.province}${a.city}${a.district}` } });
    checks.push({ code: 'phone', state: a.phone && normalizePhone(a.phone) ? 'ok' : 'block', params: { phone: a.phone ?? '' } });
  }
  if (order) {
    if (a && order.shipToAddress && !sameAddress(a, order.shipToAddress)) checks.push({ code: 'addressChanged', state: input.reason?.trim() ? 'ok' : 'reason' });
    checks.push({ code: 'orderState', state: SHIPPABLE.includes(order.status) ? 'ok' : 'block', params: { status: order.status } });
    for (const l of s.lines) {
      const ol = order.lines.find((x) => x.id === l.orderLineId);
      const reserved = ol?.reservedQty ?? 0;
      checks.push({ code: 'reserved', state: reserved >= l.qty ? 'ok' : 'block', params: { sku: l.sku, qty: l.qty, reserved, unit: l.unit } });
    }
  }
  // Once packing has started, every line must be packed exactly (PACKING_INCOMPLETE otherwise).
  if (s.packages?.length) {
    const packed = (id: string) => s.packages!.flatMap((p) => p.lines).filter((l) => l.orderLineId === id).reduce((n, l) => n + l.qty, 0);
    checks.push({ code: 'packing', state: s.lines.every((l) => Math.abs(packed(l.orderLineId) - l.qty) < 1e-9) ? 'ok' : 'block', params: { count: s.packages.length } });
  }
  const n = input.trackingNumber?.trim() ?? '';
  checks.push({ code: 'tracking', state: !input.carrier || !n ? 'pending' : carriers[input.carrier].pattern.test(n) ? 'ok' : 'block', params: { number: n } });
  return checks;
}


const SHIPPED: Shipment['status'][] = ['dispatched', 'in_transit', 'delivered', 'exception'];

export interface LineState {
  line: OrderLine;
  shipped: number;
  drafted: number;
  remaining: number;
  /** What to propose: what is still to ship and reserved, less what waits in other drafts. */
  suggested: number;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Per order line: ordered, reserved, shipped (dispatched shipments), in other drafts, still to ship. */
export function lineStates(order: Order, shipments: Shipment[]): LineState[] {
  return order.lines.map((line) => {
    const sum = (pick: (s: Shipment) => boolean) => round3(shipments.filter(pick).flatMap((s) => s.lines).filter((l) => l.orderLineId === line.id).reduce((n, l) => n + l.qty, 0));
    const shipped = sum((s) => SHIPPED.includes(s.status));
    const drafted = sum((s) => s.status === 'draft');
    const remaining = round3(Math.max(0, line.qty - shipped));
    return { line, shipped, drafted, remaining, suggested: round3(Math.max(0, Math.min(remaining, line.reservedQty) - drafted)) };
  });
}
