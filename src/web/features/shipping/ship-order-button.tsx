import { CarOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session.ts';

const SHIPPABLE = ['confirmed', 'in_fulfilment', 'partially_shipped'];

/** 发货 on an order that can ship: the new-shipment page with this order picked. */
export function ShipOrderButton({ order }: { order: { id: string; status: string } }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('shipping:write') || !SHIPPABLE.includes(order.status)) return null;
  return (
    <Link to={`/shipping/new?orderId=${encodeURIComponent(order.id)}`}>
      <Button icon={<CarOutlined />} data-testid="ship-order">
        {t('shipping.shipOrder')}
      </Button>
    </Link>
  );
}
