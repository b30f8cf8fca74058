import { App, Button, Card, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeKey } from '../../../../contracts/shipping.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useSaveNoticeTemplate, type NoticeTemplate } from './api.ts';

interface Values {
  subject: string;
  body: string;
}

/** One channel × language: subject (email only) and body; the server checks placeholders and words errors on the field. */
export function TemplateCard({ noticeKey, template: tpl, placeholders }: { noticeKey: NoticeKey; template: NoticeTemplate; placeholders: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveNoticeTemplate();
  const [error, setError] = useState<unknown>(null);
  const email = tpl.channel === 'email';
  const id = `${noticeKey}-${tpl.channel}-${tpl.locale}`;

  const send = async (v: Values | null) => {
    setError(null);
    try {
      const r = await save.mutateAsync({ noticeKey, template: v ? { channel: tpl.channel, locale: tpl.locale, subject: email ? v.subject : null, body: v.body } : { channel: tpl.channel, locale: tpl.locale, body: tpl.body, reset: true } });
      const now = r.templates.find((x) => x.channel === tpl.channel && x.locale === tpl.locale);
      if (now) form.setFieldsValue({ subject: now.subject ?? '', body: now.body });
      void message.success(v ? t('shipping.noticeTemplates.saved') : t('shipping.noticeTemplates.resetDone'));
    } catch (err) {
      // One template per request: `templates.0.body` is this card's body field.
      if (!applyServerErrors(form, err, ['templates'], {}, { nested: true, alias: (p) => p.split('.').pop() ?? p })) setError(err);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space size={6}>
          <span>{t(`shipping.noticeTemplates.channel.${tpl.channel}`)}</span>
          <Tag>{tpl.locale === 'zh-CN' ? '中文' : 'English'}</Tag>
          {tpl.isDefault ? <Tag color="default">{t('shipping.noticeTemplates.builtIn')}</Tag> : <Tag color="blue">{t('shipping.noticeTemplates.edited')}</Tag>}
        </Space>
      }
      data-testid={`notice-template-${tpl.channel}-${tpl.locale}`}
    >
      <Form form={form} layout="vertical" initialValues={{ subject: tpl.subject ?? '', body: tpl.body }} onFinish={(v) => void send(v)} disabled={save.isPending}>
        {email && (
          <Form.Item name="subject" label={t('shipping.noticeTemplates.subject')} htmlFor={`${id}-subject`}>
            <Input id={`${id}-subject`} maxLength={200} data-testid="notice-subject" />
          </Form.Item>
        )}
        <Form.Item name="body" label={t('shipping.noticeTemplates.body')} htmlFor={`${id}-body`} extra={t('shipping.noticeTemplates.bodyHelp', { example: `{${placeholders[0] ?? 'orderNumber'}}` })}>
          <Input.TextArea id={`${id}-body`} autoSize={{ minRows: email ? 6 : 3, maxRows: 14 }} maxLength={2000} showCount data-testid="notice-body" />
        </Form.Item>
        {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="notice-save">
            {t('common.save')}
          </Button>
          <Popconfirm title={t('shipping.noticeTemplates.resetConfirm')} onConfirm={() => void send(null)} disabled={tpl.isDefault}>
            <Button disabled={tpl.isDefault} data-testid="notice-reset">
              {t('shipping.noticeTemplates.reset')}
            </Button>
          </Popconfirm>
          {tpl.updatedAt && !tpl.isDefault && <Typography.Text type="secondary">{t('shipping.noticeTemplates.updatedAt', { at: formatDateTime(tpl.updatedAt) })}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
