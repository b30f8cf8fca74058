import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkDivision } from '../../../contracts/cn.ts';
import { addressInput } from '../../../contracts/customers.ts';
import { fieldReasonMessage } from '../../../contracts/errors.ts';
import { DivisionCascader } from '../../components/division-cascader.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import type { Shipment } from './api.ts';

const shape = addressInput.shape;
export type Address = NonNullable<Shipment['shipToAddress']>;
export interface AddressValues {
  region?: string[];
  detail?: string;
  recipient?: string;
  phone?: string;
}

export const toValues = (a: Address | null | undefined): AddressValues => (a ? { region: [a.province, a.city, a.district], detail: a.detail, recipient: a.recipient, phone: a.phone } : {});
export const fromValues = (v: AddressValues | undefined, label: string | null = null): Address | null =>
  v?.region?.length === 3 ? { province: v.region[0], city: v.region[1], district: v.region[2], detail: (v.detail ?? '').trim(), recipient: (v.recipient ?? '').trim(), phone: (v.phone ?? '').trim(), label } : null;

/** The ship-to address as a form group (`address.*`): region cascader, street, recipient, phone. */
export function ShipToFields() {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  const regionRule = {
    validator: async (_r: unknown, v?: string[]) => {
      if (!v?.length) throw new Error(t('validation.required', { field: t('address.region') }));
      if (v.length < 3 || checkDivision(v[0], v[1], v[2])) throw new Error(fieldReasonMessage('invalid_division', currentLanguage())!);
    },
  };
  return (
    <div className="gd-ship-grid">
      <Form.Item name={['address', 'region']} label={t('address.region')} rules={[regionRule]}>
        <DivisionCascader />
      </Form.Item>
      <Form.Item name={['address', 'detail']} label={t('address.detail')} rules={[required(t('address.detail')), zodRule(shape.detail)]} className="gd-ship-span-2">
        <Input maxLength={200} placeholder={t('address.detailPlaceholder')} data-testid="address-detail" />
      </Form.Item>
      <Form.Item name={['address', 'recipient']} label={t('address.recipient')} rules={[required(t('address.recipient')), zodRule(shape.recipient)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name={['address', 'phone']} label={t('address.phone')} rules={[required(t('address.phone')), zodRule(shape.phone)]}>
        <Input inputMode="tel" maxLength={24} />
      </Form.Item>
    </div>
  );
}
