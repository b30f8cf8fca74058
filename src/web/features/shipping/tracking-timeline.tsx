import './shipping.css';
import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import type { Shipment } from './api.ts';

const colors: Record<string, string> = { delivered: 'green', exception: 'red', in_transit: 'blue' };
const known = ['dispatched', 'in_transit', 'delivered', 'exception'];

/** Tracking events newest first: time, status, where, what the carrier said; the dispatch itself among them. */
export function TrackingTimeline({ shipment: s }: { shipment: Pick<Shipment, 'events' | 'dispatchedAt'> }) {
  const { t } = useTranslation();
  const label = (status: string) => (known.includes(status) ? t(`shipping.status.${status as 'in_transit'}`) : status);
  const rows = [...s.events, ...(s.dispatchedAt ? [{ id: 'dispatched', at: s.dispatchedAt, status: 'dispatched', location: null, description: null }] : [])];
  const items = rows.sort((a, b) => b.at.localeCompare(a.at)).map((e) => ({
    key: e.id,
    color: colors[e.status] ?? 'gray',
    content: (
      <div className="gd-ship-event" data-testid="tracking-event">
        <div className="gd-ship-event-head">
          <strong>{label(e.status)}</strong>
          {e.location && <span>{e.location}</span>}
        </div>
        {e.description && <div>{e.description}</div>}
        <div className="gd-ship-event-time">{formatDateTime(e.at)}</div>
      </div>
    ),
  }));
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipping.events.none')} />;
  return <Timeline items={items} />;
}
