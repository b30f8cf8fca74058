import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Shipment } from './api.ts';

/** A ship-to address as on a parcel label: region and street, then recipient and phone. */
export function AddressBlock({ address: a }: { address: Shipment['shipToAddress'] }) {
  const { t } = useTranslation();
  if (!a) return <Typography.Text type="warning">{t('shipping.new.noAddress')}</Typography.Text>;
  const region = a.city === a.province ? `${a.province}${a.district}` : `${a.province}${a.city}${a.district}`;
  return (
    <div className="gd-ship-address" data-testid="ship-address">
      <div>{`${region}${a.detail}`}</div>
      <div>
        {a.recipient} <span className="gd-num">{a.phone}</span>
      </div>
    </div>
  );
}
