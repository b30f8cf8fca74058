import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { dateFieldProps } from '../../lib/date-field.ts';
import type { CustomField } from './api.ts';
import { useFieldLabel } from './use-field-label.ts';

/**
 * The admin-defined fields of a form (表单设计), rendered from their definitions under
 * `customFields.<key>`: the server checks the same definitions and names the same paths.
 */
export function CustomFieldItems({ defs }: { defs: CustomField[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  return (
    <div className="gd-form-row">
      {defs.map((f) => {
        const name = ['customFields', f.key];
        const text = label(f);
        // The rule's type must match the value (a number, a list), or a filled field reads as missing.
        const type = f.type === 'number' ? 'number' : f.type === 'multiselect' || f.type === 'attachment' ? 'array' : 'string';
        const rules: Rule[] = f.required ? [{ required: true, type, whitespace: f.type === 'text', message: t('validation.required', { field: text }) }] : [];
        const common = { name, label: text, extra: f.help ?? undefined, rules };
        switch (f.type) {
          case 'number':
            return (
              <Form.Item key={f.key} {...common}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={f.key} {...common} {...dateFieldProps()}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'select':
          case 'multiselect':
            return (
              <Form.Item key={f.key} {...common}>
                <Select mode={f.type === 'multiselect' ? 'multiple' : undefined} allowClear options={f.options.map((o) => ({ value: o, label: o }))} data-testid={`cf-${f.key}`} />
              </Form.Item>
            );
          case 'attachment':
            return (
              <Form.Item key={f.key} {...common}>
                <Typography.Text type="secondary">{t('customFields.attachmentUnavailable')}</Typography.Text>
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={f.key} {...common} rules={[...rules, { max: 2000, message: t('validation.tooLong', { max: 2000 }) }]}>
                <Input maxLength={2000} />
              </Form.Item>
            );
        }
      })}
    </div>
  );
}
