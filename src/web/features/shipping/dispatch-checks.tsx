import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkDivision, normalizePhone } from '../../../contracts/cn.ts';
import { carriers, type Carrier } from '../../../contracts/shipping.ts';
import type { Order } from '../orders/api.ts';
import type { Shipment } from './api.ts';

type Address = NonNullable<Shipment['shipToAddress']>;
type CheckState = 'ok' | 'block' | 'reason' | 'pending';
export interface DispatchCheck {
  code: 'address' | 'division' | 'phone' | 'addressChanged' | 'orderState' | 'reserved' | 'tracking';
  state: CheckState;
  params?: Record<string, string | number>;
}

const KEYS = ['province', 'city', 'district', 'detail', 'recipient', 'phone'] as const;
/** The server's rule (shipments.service `sameAddress`): every part equal. */
export const sameAddress = (a: Omit<Address, 'label'> | null | undefined, b: Omit<Address, 'label'> | null | undefined) => !!a && !!b && KEYS.every((k) => a[k] === b[k]);
const SHIPPABLE: Order['status'][] = ['confirmed', 'in_fulfilment', 'partially_shipped'];

/**
 * The checks the server makes before a dispatch, worked out here from what the page already
 * has, so the user sees what will stop it before pressing the button. The server decides.
 */
export function dispatchChecks(s: Pick<Shipment, 'shipToAddress' | 'lines'>, order: Order | undefined, input: { carrier?: Carrier; trackingNumber?: string; reason?: string }): DispatchCheck[] {
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
  const n = input.trackingNumber?.trim() ?? '';
  checks.push({ code: 'tracking', state: !input.carrier || !n ? 'pending' : carriers[input.carrier].pattern.test(n) ? 'ok' : 'block', params: { number: n } });
  return checks;
}

const colors: Record<CheckState, string> = { ok: 'success', block: 'error', reason: 'warning', pending: 'default' };

/** The dispatch checks as a short list, each with how it stands (passes, blocks, needs a reason, waits for input). */
export function DispatchCheckList({ checks }: { checks: DispatchCheck[] }) {
  const { t } = useTranslation();
  return (
    <ul className="gd-ship-checks" data-testid="dispatch-checks">
      {checks.map((c, i) => (
        <li key={`${c.code}-${i}`} data-code={c.code} data-state={c.state} className={`gd-ship-check gd-ship-check-${c.state}`}>
          <Tag color={colors[c.state]} style={{ marginInlineEnd: 6 }}>
            {t(`shipping.checks.state.${c.state}`)}
          </Tag>
          <span>{t(`shipping.checks.${c.code}`, { ...c.params, status: c.params?.status ? t(`orders.status.${c.params.status as Order['status']}`) : '' })}</span>
        </li>
      ))}
    </ul>
  );
}
