import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { contactInput } from '../../../../contracts/customers.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import type { ContactRow, CustomerFormValues } from './form-values.ts';

const shape = contactInput.shape;
const OTHER = ['role', 'phone', 'landline', 'email', 'wechat'] as const;

/** Contacts as compact rows; exactly one is the primary contact (ticking one unticks the rest). */
export function ContactsEditor({ form }: { form: FormInstance<CustomerFormValues> }) {
  const { t } = useTranslation();
  const makePrimary = (index: number) => {
    const rows = (form.getFieldValue('contacts') as ContactRow[]).map((c, i) => ({ ...c, isPrimary: i === index }));
    form.setFieldValue('contacts', rows);
  };
  return (
    <Form.List name="contacts">
      {(rows, { add, remove }) => (
        <div className="gd-subrows">
          {rows.map((row, index) => (
            <div key={row.key} className="gd-subrow" data-testid="contact-row">
              <div className="gd-subrow-grid">
                <Form.Item
                  name={[row.name, 'name']}
                  label={t('customers.contact.name')}
                  dependencies={OTHER.map((k) => ['contacts', row.name, k])}
                  rules={[
                    ({ getFieldValue }) => ({
                      // A spare empty row is ignored on save; a row with a phone or email needs a name.
                      validator: async (_r, v?: string) => {
                        const c = getFieldValue(['contacts', row.name]) as ContactRow | undefined;
                        if (!v?.trim() && OTHER.some((k) => String(c?.[k] ?? '').trim())) throw new Error(t('validation.required', { field: t('customers.contact.name') }));
                      },
                    }),
                    zodRule(shape.name),
                  ]}
                >
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name={[row.name, 'role']} label={t('customers.contact.role')} rules={[zodRule(shape.role)]}>
                  <Input maxLength={64} placeholder={t('customers.contact.rolePlaceholder')} />
                </Form.Item>
                <Form.Item name={[row.name, 'phone']} label={t('customers.contact.phone')} rules={[zodRule(shape.phone)]}>
                  <Input inputMode="tel" maxLength={20} />
                </Form.Item>
                <Form.Item name={[row.name, 'landline']} label={t('customers.contact.landline')} rules={[zodRule(shape.landline)]}>
                  <Input inputMode="tel" maxLength={24} placeholder="021-6208 8888" />
                </Form.Item>
                <Form.Item name={[row.name, 'email']} label={t('customers.contact.email')} rules={[zodRule(shape.email)]}>
                  <Input inputMode="email" maxLength={254} />
                </Form.Item>
                <Form.Item name={[row.name, 'wechat']} label={t('customers.contact.wechat')} rules={[zodRule(shape.wechat)]}>
                  <Input maxLength={64} />
                </Form.Item>
              </div>
              <div className="gd-subrow-actions">
                <Form.Item name={[row.name, 'isPrimary']} valuePropName="checked" noStyle>
                  <Checkbox onChange={(e) => e.target.checked && makePrimary(index)}>{t('customers.contact.primary')}</Checkbox>
                </Form.Item>
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('customers.contact.remove')}>
                  {t('common.remove')}
                </Button>
              </div>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ isPrimary: rows.length === 0 })} block data-testid="add-contact">
            {t('customers.contact.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
