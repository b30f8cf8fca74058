import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useShipmentNotices, type Shipment, type ShipmentNotice } from './api.ts';

const stateColor: Record<ShipmentNotice['state'], string> = { pending: 'processing', done: 'success', dead: 'error' };

/** What the customer was told about this shipment, by which channel, and whether it arrived. */
export function ShipmentNotices({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const q = useShipmentNotices(s.id, s.status !== 'draft');
  if (s.status === 'draft' || !q.data) return null;
  if (!q.data.length) return <Typography.Text type="secondary">{t('shipping.notices.none')}</Typography.Text>;
  return (
    <ul className="gd-ship-exceptions" data-testid="shipment-notices">
      {q.data.map((n) => (
        <li key={n.outboxId} className="gd-ship-exception">
          <Tag style={{ marginInlineEnd: 0 }}>{t(`shipping.notices.channel.${n.channel}`)}</Tag>
          <span>{t(`shipping.notices.key.${n.key === 'shipment.delayed' ? 'delayed' : 'dispatched'}`)}</span>
          <span className="gd-mono">{n.to}</span>
          <Tooltip title={n.lastError ?? undefined}>
            <Tag color={stateColor[n.state]} style={{ marginInlineEnd: 0 }}>
              {t(`shipping.notices.state.${n.state}`)}
            </Tag>
          </Tooltip>
          <Typography.Text type="secondary">
            {formatDateTime(n.doneAt ?? n.createdAt)}
            {n.attempts > 1 && ` · ${t('shipping.notices.attempts', { count: n.attempts })}`}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
