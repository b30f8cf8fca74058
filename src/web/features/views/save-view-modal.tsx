import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { useCreateView, type SavedView, type SavedViewEntity } from './api.ts';

interface Values {
  name: string;
  shared: boolean;
  isDefault: boolean;
}

/** Names the current filters and keeps them as a view (optionally shared, optionally my default). */
export function SaveViewModal({ entity, query, summary, open, onClose, onSaved }: { entity: SavedViewEntity; query: Record<string, string>; summary: string; open: boolean; onClose: () => void; onSaved: (v: SavedView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateView(entity);

  const submit = async (v: Values) => {
    try {
      const saved = await create.mutateAsync({ name: v.name.trim(), query, shared: v.shared, isDefault: v.isDefault });
      void message.success(t('views.saved'));
      form.resetFields();
      onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(form, err, ['name'], { NAME_TAKEN: 'name' })) void message.error((err as Error).message);
    }
  };

  return (
    <Modal open={open} title={t('views.saveTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={create.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ name: '', shared: false, isDefault: false }} onFinish={submit} data-testid="save-view-form">
        <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('views.name') }) }, { max: 60, message: t('validation.tooLong', { max: 60 }) }]}>
          <Input placeholder={t('views.namePlaceholder')} maxLength={60} autoFocus data-testid="view-name" />
        </Form.Item>
        <Form.Item label={t('views.filters')}>
          <Typography.Text type="secondary">{summary}</Typography.Text>
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked" extra={t('views.shareHelp')} style={{ marginBottom: 8 }}>
          <Checkbox data-testid="view-shared">{t('views.share')}</Checkbox>
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked" extra={t('views.defaultHelp')}>
          <Checkbox>{t('views.setDefault')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
