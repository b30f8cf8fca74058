import { App, Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokenCreateBody } from '../../../contracts/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCreateToken, type TokenCreated } from './api.ts';

const EXPIRY_CHOICES = [30, 90, 365, 0] as const;

/** Creates a token, then shows its secret once, with a copy button and a warning. */
export function TokenCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const [formError, setFormError] = useState<unknown>(null);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const create = useCreateToken();

  const submit = async (v: { name: string; expiresInDays: number }) => {
    setFormError(null);
    try {
      setCreated(await create.mutateAsync({ name: v.name.trim(), expiresInDays: v.expiresInDays || undefined }));
    } catch (err) {
      if (!applyServerErrors(form, err, ['name', 'expiresInDays'])) setFormError(err);
    }
  };

  if (created) {
    return (
      <Modal
        open
        title={t('tokens.createdTitle')}
        onCancel={onClose}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('tokens.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
        <Typography.Text type="secondary">{created.token.name}</Typography.Text>
        <div className="gd-secret-box" data-testid="token-secret">
          <Typography.Text className="gd-mono" copyable={{ text: created.secret, onCopy: () => void message.success(t('tokens.secretCopied')), tooltips: [t('common.copy'), t('common.copied')] }}>
            {created.secret}
          </Typography.Text>
        </div>
      </Modal>
    );
  }

  return (
    <Modal open title={t('tokens.create')} okText={t('common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ expiresInDays: 90 }} disabled={create.isPending}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('tokens.name') }) }, zodRule(apiTokenCreateBody.shape.name)]}>
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresIn')}>
          <Select options={EXPIRY_CHOICES.map((d) => ({ value: d, label: d ? t('tokens.days', { count: d }) : t('tokens.never') }))} />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}
