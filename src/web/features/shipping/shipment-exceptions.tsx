import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useExceptions, type Shipment } from './api.ts';
import { ExceptionStateTag, ExceptionTypeTag } from './shipment-tags.tsx';

/** The delivery exceptions opened on this shipment: what, whose, by when, how it ended. */
export function ShipmentExceptions({ shipment: s, enabled }: { shipment: Shipment; enabled: boolean }) {
  const { t } = useTranslation();
  const q = useExceptions({ state: '', type: '', orderId: s.orderId }, enabled);
  const items = (q.data ?? []).filter((e) => e.entityType === 'shipment' && e.entityId === s.id);
  if (!items.length) return null;
  return (
    <ul className="gd-ship-exceptions" data-testid="shipment-exceptions">
      {items.map((e) => (
        <li key={e.id} className="gd-ship-exception">
          <span>
            <ExceptionTypeTag status={e.type} /> <ExceptionStateTag status={e.state} />
          </span>
          <Typography.Text type="secondary">
            {e.state === 'open'
              ? t('shipping.exceptions.openLine', { owner: e.ownerName ?? t('common.none'), at: formatDateTime(e.dueAt) })
              : t('shipping.exceptions.resolvedLine', { resolution: e.resolution ? t(`shipping.exceptions.resolution.${e.resolution}`) : t('common.none'), at: formatDateTime(e.resolvedAt) })}
          </Typography.Text>
          {e.state === 'open' && <Link to={`/shipping/exceptions?focus=${e.id}`}>{t('shipping.exceptions.handle')}</Link>}
        </li>
      ))}
    </ul>
  );
}
