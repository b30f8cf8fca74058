import { RightOutlined } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { portalCustomer } from '../../../contracts/shipping.ts';
import { formatDate } from '../../lib/format.ts';
import { useCarrierName } from '../shipping/carrier-name.ts';

export type PortalCustomer = z.infer<typeof portalCustomer>;

/** The portal answer when the link is a customer's (`kind: 'customer'`), else null. */
export const asPortalCustomer = (d: unknown): PortalCustomer | null => (d && typeof d === 'object' && (d as { kind?: string }).kind === 'customer' ? (d as PortalCustomer) : null);

/** /c/:token for a customer: every open order with its progress and tracking; each opens within the same link. */
export function PortalCustomerView({ token, customer: c }: { token: string; customer: PortalCustomer }) {
  const { t } = useTranslation();
  const carrierName = useCarrierName();
  return (
    <>
      <section className="gd-portal-card">
        <h1>{t('shipping.portal.customer.title')}</h1>
        <div className="gd-portal-meta">
          <span>{t('portal.to', { name: c.customerName })}</span>
          <span>{t('shipping.portal.customer.count', { count: c.orders.length })}</span>
        </div>
      </section>
      {c.orders.length === 0 && (
        <section className="gd-portal-card">
          <h2>{t('shipping.portal.customer.empty')}</h2>
          <div className="gd-portal-note">{t('shipping.portal.customer.emptyText')}</div>
        </section>
      )}
      {c.orders.map((o) => (
        <Link key={o.id} to={`/c/${encodeURIComponent(token)}/orders/${encodeURIComponent(o.id)}`} className="gd-portal-card gd-portal-order-link" data-testid="portal-customer-order">
          <div className="gd-portal-item-head">
            <span className="gd-mono gd-portal-item-desc">{o.number}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`orders.status.${o.status as 'confirmed'}`, { defaultValue: o.status })}</Tag>
          </div>
          <div className="gd-portal-note">{t('shipping.portal.promised', { date: formatDate(o.promisedDate) })}</div>
          <Progress percent={o.shippedPct} size="small" format={(p) => t('shipping.portal.customer.shipped', { pct: p })} style={{ margin: '6px 0 2px' }} />
          {o.shipments.map((s) => (
            <div key={s.id} className="gd-portal-note">
              {carrierName(s.carrier)} <span className="gd-mono" data-testid="portal-customer-tracking">{s.trackingNumber}</span> · {t(`shipping.status.${s.status}`)}
            </div>
          ))}
          <div className="gd-portal-open">
            {t('shipping.portal.customer.open')} <RightOutlined />
          </div>
        </Link>
      ))}
    </>
  );
}
