import { DownOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.ts';
import { useCancelRequirement, useCreateConfirmationLink, type LinkCreated, type Requirement } from '../api.ts';

const sendable: Requirement['status'][] = ['draft', 'sent', 'changes_requested'];
const editable: Requirement['status'][] = ['draft', 'sent', 'confirmed', 'changes_requested'];

/** Edit, send for customer confirmation (a link), cancel with a reason — as the status allows. */
export function RequirementActions({ requirement: r, onLink }: { requirement: Requirement; onLink: (l: LinkCreated) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const send = useCreateConfirmationLink(r.id);
  const cancel = useCancelRequirement(r.id);
  if (!can('requirements:write')) return null;

  const askSend = () => {
    let days = 14;
    modal.confirm({
      title: t('requirements.link.sendTitle', { number: r.number, version: r.version }),
      content: (
        <div className="gd-stack" style={{ marginTop: 8 }}>
          <Typography.Text>{t('requirements.link.sendHint')}</Typography.Text>
          <Space>
            <span>{t('requirements.link.validFor')}</span>
            <InputNumber min={1} max={90} defaultValue={14} precision={0} suffix={t('customers.days')} onChange={(v) => (days = v ?? 14)} aria-label={t('requirements.link.validFor')} />
          </Space>
          {r.status === 'sent' && <Typography.Text type="warning">{t('requirements.link.resendHint')}</Typography.Text>}
        </div>
      ),
      okText: t('requirements.link.create'),
      cancelText: t('common.cancel'),
      onOk: () =>
        send.mutateAsync(days).then(
          (l) => {
            onLink(l);
            void message.success(t('requirements.link.created'));
          },
          (err: Error) => {
            void message.error(err.message);
            throw err;
          },
        ),
    });
  };

  const askCancel = () => {
    let reason = '';
    modal.confirm({
      title: t('requirements.cancelTitle', { number: r.number }),
      content: <Input.TextArea rows={3} maxLength={500} placeholder={t('requirements.cancelReason')} onChange={(e) => (reason = e.target.value)} aria-label={t('requirements.cancelReason')} style={{ marginTop: 8 }} />,
      okText: t('requirements.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.back'),
      onOk: () => {
        if (!reason.trim()) {
          void message.error(t('requirements.cancelReasonRequired'));
          return Promise.reject(new Error('reason required'));
        }
        return cancel.mutateAsync(reason.trim()).then(
          () => void message.success(t('requirements.cancelled', { number: r.number })),
          (err: Error) => {
            void message.error(err.message);
            throw err;
          },
        );
      },
    });
  };

  const canEdit = editable.includes(r.status);
  return (
    <Space wrap>
      {sendable.includes(r.status) && (
        <Button type="primary" icon={<SendOutlined />} onClick={askSend} loading={send.isPending} data-testid="send-link">
          {r.status === 'sent' ? t('requirements.link.resend') : t('requirements.link.send')}
        </Button>
      )}
      {canEdit && (
        <Link to={`/requirements/${r.id}/edit`}>
          <Button icon={<EditOutlined />} data-testid="edit-requirement">
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {canEdit && (
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'cancel', label: t('requirements.cancel'), danger: true }], onClick: askCancel }}>
          <Button>
            {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
