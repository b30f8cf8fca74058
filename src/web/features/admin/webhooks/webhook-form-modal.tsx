import { App, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { webhookCreateBody, webhookPresets } from '../../../../contracts/admin.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useCreateWebhook, useUpdateWebhook, type Webhook, type WebhookCreate } from './api.ts';

type Values = Required<Pick<WebhookCreate, 'name' | 'url' | 'preset' | 'topics' | 'active'>> & { secret?: string };
const FIELDS = ['name', 'url', 'preset', 'secret', 'topics', 'active'];
const shape = webhookCreateBody.shape;

/** Create or edit a webhook; an existing secret is never shown, only replaced. */
export function WebhookFormModal({ webhook, onClose }: { webhook?: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const pending = create.isPending || update.isPending;

  const submit = async (v: Values) => {
    setFormError(null);
    const secret = v.secret?.trim() ? v.secret.trim() : undefined;
    const body = { name: v.name.trim(), url: v.url.trim(), preset: v.preset, topics: v.topics, active: v.active };
    try {
      const saved = webhook ? await update.mutateAsync({ id: webhook.id, patch: secret ? { ...body, secret } : body }) : await create.mutateAsync({ ...body, secret: secret ?? null });
      void message.success(t(webhook ? 'webhooks.updated' : 'webhooks.created', { name: saved.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS, { NAME_TAKEN: 'name' })) setFormError(err);
    }
  };

  return (
    <FormModal
      form={form}
      title={webhook ? t('webhooks.editTitle', { name: webhook.name }) : t('webhooks.create')}
      onClose={onClose}
      onFinish={submit}
      saving={pending}
      error={formError}
      initialValues={webhook ? { ...webhook, secret: '' } : { preset: 'generic', topics: ['*'], active: true }}
      width={600}
    >
      <div className="gd-form-row">
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('webhooks.name') }) }, zodRule(shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="preset" label={t('webhooks.preset')}>
          <Select options={webhookPresets.map((p) => ({ value: p, label: t(`webhooks.presets.${p}`) }))} />
        </Form.Item>
      </div>
      <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('webhooks.url') }) }, zodRule(shape.url, 'url')]}>
        <Input inputMode="url" placeholder="https://" maxLength={2000} />
      </Form.Item>
      <Form.Item name="secret" label={t('webhooks.secret')} extra={webhook?.hasSecret ? t('webhooks.secretKeep') : t('webhooks.secretHelp')}>
        <Input.Password autoComplete="new-password" maxLength={500} />
      </Form.Item>
      <Form.Item name="topics" label={t('webhooks.topics')} extra={t('webhooks.topicsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.tooFewItems', { min: 1 }) }]}>
        <Select mode="tags" tokenSeparators={[',', ' ']} options={[{ value: '*', label: '*' }]} />
      </Form.Item>
      <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
