import { InputNumber, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useCreateConfirmationLink, type LinkCreated, type Requirement } from '../api.ts';

/** Creates the customer confirmation link for the current version (the requirement becomes 待客户确认). */
export function SendLinkModal({ requirement: r, onCreated, onClose }: { requirement: Requirement; onCreated: (l: LinkCreated) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(14);
  const send = useCreateConfirmationLink(r.id);
  const create = () =>
    send.mutate(days, {
      onSuccess: (l) => {
        onCreated(l);
        onClose();
      },
    });
  return (
    <Modal open title={t('requirements.link.sendTitle', { number: r.number, version: r.version })} okText={t('requirements.link.create')} cancelText={t('common.cancel')} onOk={create} onCancel={onClose} confirmLoading={send.isPending} okButtonProps={{ 'data-testid': 'create-link' } as ButtonProps}>
      <div className="gd-stack">
        <Typography.Text>{t('requirements.link.sendHint')}</Typography.Text>
        <Space>
          <span>{t('requirements.link.validFor')}</span>
          <InputNumber min={1} max={90} value={days} precision={0} suffix={t('customers.days')} onChange={(v) => setDays(v ?? 14)} aria-label={t('requirements.link.validFor')} />
        </Space>
        {r.status === 'sent' && <Typography.Text type="warning">{t('requirements.link.resendHint')}</Typography.Text>}
        {send.error ? <ErrorAlert error={send.error} /> : null}
      </div>
    </Modal>
  );
}
