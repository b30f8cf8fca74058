import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldCreateBody, customFieldTypes, type CustomFieldType } from '../../../../contracts/custom-fields.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import type { CustomField, CustomFieldEntity } from '../../custom-fields/api.ts';
import { useSaveCustomField } from './api.ts';

interface Values {
  key: string;
  label: string;
  labelEn?: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  help?: string;
  sort: number;
  active: boolean;
}
const FIELDS = ['key', 'label', 'labelEn', 'type', 'options', 'required', 'help', 'sort', 'active'];
const shape = customFieldCreateBody.shape;
const blank = (v?: string | null) => (v && v.trim() ? v.trim() : null);
const withOptions = (type?: CustomFieldType) => type === 'select' || type === 'multiselect';

/** Add a field to a form, or change one (key and type are fixed once created: stored values depend on them). */
export function CustomFieldFormModal({ entity, field, nextSort, onClose }: { entity: CustomFieldEntity; field?: CustomField; nextSort: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const save = useSaveCustomField();
  const type = Form.useWatch('type', form);

  const submit = async (v: Values) => {
    setFormError(null);
    const common = { label: v.label.trim(), labelEn: blank(v.labelEn), options: withOptions(v.type) ? v.options : [], required: v.required, help: blank(v.help), sort: v.sort };
    try {
      const saved = field ? await save.mutateAsync({ id: field.id, patch: { ...common, active: v.active } }) : await save.mutateAsync({ create: { ...common, entity, key: v.key.trim(), type: v.type } });
      void message.success(t(field ? 'customFields.updated' : 'customFields.created', { name: saved.label }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS, { CODE_TAKEN: 'key' })) setFormError(err);
    }
  };

  return (
    <Modal open title={field ? t('customFields.editTitle', { name: field.label }) : `${t('customFields.create')} · ${t(`customFields.entities.${entity}`)}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} width={560} mask={{ closable: false }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={field ? { ...field, labelEn: field.labelEn ?? '', help: field.help ?? '' } : { type: 'text', options: [], required: false, sort: nextSort, active: true }}
        data-testid="custom-field-form"
      >
        <div className="gd-form-row">
          <Form.Item name="label" label={t('customFields.label')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('customFields.label') }) }, zodRule(shape.label)]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="labelEn" label={t('customFields.labelEn')} extra={t('customFields.labelEnHelp')} rules={[zodRule(shape.labelEn)]}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <div className="gd-form-row">
          <Form.Item name="key" label={t('customFields.key')} extra={t('customFields.keyHelp')} hidden={!!field} rules={field ? [] : [{ required: true, message: t('validation.required', { field: t('customFields.key') }) }, zodRule(shape.key, 'keyChars')]}>
            <Input maxLength={40} className="gd-mono" />
          </Form.Item>
          <Form.Item name="type" label={t('customFields.type')}>
            <Select disabled={!!field} options={customFieldTypes.map((x) => ({ value: x, label: t(`customFields.types.${x}`) }))} />
          </Form.Item>
        </div>
        {withOptions(type) && (
          <Form.Item name="options" label={t('customFields.options')} extra={t('customFields.optionsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.tooFewItems', { min: 1 }) }]}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid="cf-options" />
          </Form.Item>
        )}
        <Form.Item name="help" label={t('customFields.help')} extra={t('customFields.helpHelp')} rules={[zodRule(shape.help)]}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="gd-form-row">
          <Form.Item name="sort" label={t('customFields.sort')} extra={t('customFields.sortHelp')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="required" label={t('customFields.required')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {field && (
            <Form.Item name="active" label={t('customFields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </div>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}
