import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkDivision } from '../../../../contracts/cn.ts';
import { addressInput } from '../../../../contracts/customers.ts';
import { fieldReasonMessage } from '../../../../contracts/errors.ts';
import { DivisionCascader } from '../../../components/division-cascader.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import type { AddressRow, CustomerFormValues } from './form-values.ts';

const shape = addressInput.shape;

/** Delivery / office addresses: region cascader + street, recipient and phone; one default. */
export function AddressesEditor({ form }: { form: FormInstance<CustomerFormValues> }) {
  const { t } = useTranslation();
  const makeDefault = (index: number) => {
    const rows = (form.getFieldValue('addresses') as AddressRow[]).map((a, i) => ({ ...a, isDefault: i === index }));
    form.setFieldValue('addresses', rows);
  };
  const required = (key: 'region' | 'detail' | 'recipient' | 'phone') =>
    key === 'region' ? { required: true, type: 'array' as const, message: t('validation.required', { field: t('address.region') }) } : { required: true, whitespace: true, message: t('validation.required', { field: t(`address.${key}`) }) };
  const regionRule = {
    validator: async (_r: unknown, v?: string[]) => {
      if (!v?.length) return;
      if (v.length < 3 || checkDivision(v[0], v[1], v[2])) throw new Error(fieldReasonMessage('invalid_division', currentLanguage())!);
    },
  };
  return (
    <Form.List name="addresses">
      {(rows, { add, remove }) => (
        <div className="gd-subrows">
          {rows.map((row, index) => (
            <div key={row.key} className="gd-subrow" data-testid="address-row">
              <div className="gd-subrow-grid">
                <Form.Item name={[row.name, 'region']} label={t('address.region')} rules={[required('region'), regionRule]}>
                  <DivisionCascader />
                </Form.Item>
                <Form.Item name={[row.name, 'detail']} label={t('address.detail')} rules={[required('detail'), zodRule(shape.detail)]} className="gd-span-2">
                  <Input maxLength={200} placeholder={t('address.detailPlaceholder')} />
                </Form.Item>
                <Form.Item name={[row.name, 'recipient']} label={t('address.recipient')} rules={[required('recipient'), zodRule(shape.recipient)]}>
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name={[row.name, 'phone']} label={t('address.phone')} rules={[required('phone'), zodRule(shape.phone)]}>
                  <Input inputMode="tel" maxLength={24} />
                </Form.Item>
                <Form.Item name={[row.name, 'label']} label={t('address.label')} rules={[zodRule(shape.label)]}>
                  <Input maxLength={32} placeholder={t('address.labelPlaceholder')} />
                </Form.Item>
              </div>
              <div className="gd-subrow-actions">
                <Form.Item name={[row.name, 'isDefault']} valuePropName="checked" noStyle>
                  <Checkbox onChange={(e) => e.target.checked && makeDefault(index)}>{t('address.default')}</Checkbox>
                </Form.Item>
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('address.remove')}>
                  {t('common.remove')}
                </Button>
              </div>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ isDefault: rows.length === 0 })} block data-testid="add-address">
            {t('address.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
