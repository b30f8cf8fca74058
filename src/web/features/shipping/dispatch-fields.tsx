import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { carrierKeys, type Carrier } from '../../../contracts/shipping.ts';
import { dateFieldProps } from '../../lib/date-field.ts';
import { useCarrierName } from './carrier-name.ts';

/** An example number per carrier: the help under the field says what the carrier's numbers look like. */
const EXAMPLES: Record<Carrier, string> = { manual: 'ABC-12345', sf: 'SF123456789012', jd: 'JDVA12345678901', zto: '773012345678901', yto: 'YT1234567890123' };

export interface DispatchValues {
  carrier?: Carrier;
  trackingNumber?: string;
  eta?: string | null;
}

/** Carrier, tracking number (typed or scanned; the server checks the format) and ETA. */
export function DispatchFields({ carrier, required = true }: { carrier?: Carrier; required?: boolean }) {
  const { t } = useTranslation();
  const carrierName = useCarrierName();
  const req = (field: string) => (required ? [{ required: true, whitespace: true, message: t('validation.required', { field }) }] : []);
  return (
    <div className="gd-ship-grid">
      <Form.Item name="carrier" label={t('shipping.carrier')} rules={req(t('shipping.carrier'))}>
        <Select options={carrierKeys.map((c) => ({ value: c, label: carrierName(c) }))} placeholder={t('shipping.carrierPlaceholder')} data-testid="carrier-select" />
      </Form.Item>
      <Form.Item name="trackingNumber" label={t('shipping.trackingNumber')} rules={[...req(t('shipping.trackingNumber')), { max: 40 }]} extra={carrier ? t('shipping.trackingExample', { example: EXAMPLES[carrier] }) : t('shipping.trackingHelp')}>
        <Input maxLength={40} className="gd-mono" autoComplete="off" placeholder={t('shipping.trackingPlaceholder')} data-testid="tracking-input" />
      </Form.Item>
      <Form.Item name="eta" label={t('shipping.eta')} extra={t('shipping.etaHelp')} {...dateFieldProps()}>
        <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="eta-input" />
      </Form.Item>
    </div>
  );
}
