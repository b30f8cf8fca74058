import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatDate } from '../../lib/format.ts';
import type { Shipment, ShippingException } from './api.ts';
import { ExceptionTypeTag } from './shipment-tags.tsx';

const open: Shipment['status'][] = ['dispatched', 'in_transit', 'exception'];

/** The ETA; past it and still on the way, how many days late. */
export function EtaCell({ s }: { s: Pick<Shipment, 'eta' | 'status'> }) {
  const { t } = useTranslation();
  if (!s.eta) return <span>{t('common.none')}</span>;
  const days = daysUntil(s.eta);
  const late = open.includes(s.status) && days < 0;
  return (
    <span className="gd-num" data-testid="eta">
      {formatDate(s.eta)}
      {late && (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="eta-late">
          {t('shipping.etaPassed', { count: -days })}
        </Tag>
      )}
    </span>
  );
}

/** Open exceptions on a shipment, one tag each, with the due time on hover. */
export function ExceptionMarkers({ items, status }: { items: ShippingException[] | undefined; status: Shipment['status'] }) {
  const { t } = useTranslation();
  // A carrier exception already shows as the shipment's status.
  const shown = (items ?? []).filter((e) => !(status === 'exception' && e.type === 'tracking_exception'));
  if (!shown.length) return null;
  return (
    <>
      {shown.map((e) => (
        <Tooltip key={e.id} title={t('shipping.exceptions.dueAt', { at: formatDate(e.dueAt) })}>
          <span data-testid="exception-marker">
            <ExceptionTypeTag status={e.type} />
          </span>
        </Tooltip>
      ))}
    </>
  );
}
