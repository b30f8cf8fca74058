import { Alert, App, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { usePortalConfirm, type PortalConfirmReply, type PortalRequirement } from './api.ts';

interface Values {
  contactName?: string;
  comment?: string;
}

/**
 * The customer's answer about the version on screen. The version displayed is sent with the
 * answer, so if the requirement changed meanwhile the answer is recorded against what the
 * customer actually saw, and the page says the requirement changed and offers to reload.
 */
export function PortalAnswer({ token, requirement: r, onReload }: { token: string; requirement: PortalRequirement; onReload: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const confirm = usePortalConfirm(token);
  const [reply, setReply] = useState<(PortalConfirmReply & { action: 'confirm' | 'request_changes' }) | null>(null);
  // The version on screen: nothing refetches in the background, so it is what the customer read.
  const shownVersion = r.version;

  if (reply?.outdated)
    return (
      <section className="gd-portal-card" data-testid="portal-outdated">
        <Result
          status="warning"
          title={t('portal.outdated.title', { version: reply.currentVersion })}
          subTitle={t('portal.outdated.text', { seen: reply.recordedVersion, current: reply.currentVersion })}
          extra={
            <Button type="primary" size="large" onClick={() => (setReply(null), onReload())}>
              {t('portal.outdated.reload')}
            </Button>
          }
        />
      </section>
    );
  if (reply)
    return (
      <section className="gd-portal-card" data-testid="portal-done">
        <Result status="success" title={t(reply.action === 'confirm' ? 'portal.done.confirmed' : 'portal.done.changes', { version: reply.recordedVersion })} subTitle={t('portal.done.text')} />
      </section>
    );

  const state: State = r.status === 'sent' ? 'open' : r.status;
  if (state !== 'open')
    return (
      <section className="gd-portal-card" data-testid={`portal-state-${state}`}>
        <Result status={state === 'confirmed' ? 'success' : 'info'} title={t(`portal.state.${state}.title`, { version: r.confirmedVersion ?? r.version })} subTitle={t(`portal.state.${state}.text`)} />
      </section>
    );

  const send = async (action: 'confirm' | 'request_changes') => {
    const ok = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!ok) return;
    const v = form.getFieldsValue();
    try {
      const res = await confirm.mutateAsync({ version: shownVersion, action, comment: v.comment?.trim() || null, contactName: v.contactName?.trim() || null });
      setReply({ ...res, action });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'REQUIREMENT_NOT_CONFIRMABLE') onReload();
    }
  };
  const askConfirm = () =>
    modal.confirm({
      title: t('portal.confirmTitle', { number: r.number, version: shownVersion }),
      content: t('portal.confirmText'),
      okText: t('portal.confirm'),
      cancelText: t('portal.back'),
      onOk: () => send('confirm'),
    });
  const askChanges = () => {
    if (!form.getFieldValue('comment')?.trim()) {
      form.setFields([{ name: 'comment', errors: [t('portal.commentRequired')] }]);
      document.getElementById('portal-comment')?.focus();
      return;
    }
    void send('request_changes');
  };

  return (
    <section className="gd-portal-card" data-testid="portal-answer">
      <h2>{t('portal.answerTitle')}</h2>
      <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.65)' }}>{t('portal.answerHint', { version: shownVersion })}</p>
      <Form form={form} layout="vertical" disabled={confirm.isPending} requiredMark={false}>
        <Form.Item name="contactName" label={t('portal.contactName')} rules={[{ max: 64 }]}>
          <Input size="large" maxLength={64} placeholder={t('portal.contactNamePlaceholder')} autoComplete="name" id="portal-contact" />
        </Form.Item>
        <Form.Item name="comment" label={t('portal.comment')} rules={[{ max: 2000 }]} extra={t('portal.commentHelp')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('portal.commentPlaceholder')} id="portal-comment" />
        </Form.Item>
      </Form>
      {confirm.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={(confirm.error as Error).message} />}
      <div className="gd-portal-actions">
        <Button type="primary" size="large" block onClick={askConfirm} loading={confirm.isPending && confirm.variables?.action === 'confirm'} data-testid="portal-confirm">
          {t('portal.confirm')}
        </Button>
        <Button size="large" block onClick={askChanges} loading={confirm.isPending && confirm.variables?.action === 'request_changes'} data-testid="portal-request-changes">
          {t('portal.requestChanges')}
        </Button>
      </div>
    </section>
  );
}

type State = 'open' | Exclude<PortalRequirement['status'], 'sent'>;
