import { DownOutlined, EditOutlined, ProfileOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { useSession } from '../../auth/session.ts';
import { ConvertModal } from '../../orders/convert-modal.tsx';
import { useCancelRequirement, type LinkCreated, type Requirement } from '../api.ts';
import { SendLinkModal } from './send-link-modal.tsx';

const sendable: Requirement['status'][] = ['draft', 'sent', 'changes_requested'];
const editable: Requirement['status'][] = ['draft', 'sent', 'confirmed', 'changes_requested'];

/** Edit, send for customer confirmation (a link), cancel with a reason — as the status allows. */
export function RequirementActions({ requirement: r, onLink }: { requirement: Requirement; onLink: (l: LinkCreated) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const cancel = useCancelRequirement(r.id);
  const [dialog, setDialog] = useState<'send' | 'cancel' | 'convert' | null>(null);
  if (!can('requirements:write')) return null;
  const canEdit = editable.includes(r.status);

  return (
    <Space wrap>
      {r.status === 'confirmed' && can('orders:write') && (
        <Button type="primary" icon={<ProfileOutlined />} onClick={() => setDialog('convert')} data-testid="convert-to-order">
          {t('orders.convert.action')}
        </Button>
      )}
      {sendable.includes(r.status) && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('send')} data-testid="send-link">
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
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'cancel', label: t('requirements.cancel'), danger: true }], onClick: () => setDialog('cancel') }}>
          <Button>
            {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      {dialog === 'send' && (
        <SendLinkModal
          requirement={r}
          onCreated={(l) => {
            onLink(l);
            void message.success(t('requirements.link.created'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'convert' && <ConvertModal requirement={r} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <ReasonModal
          title={t('requirements.cancelTitle', { number: r.number })}
          label={t('requirements.cancelReason')}
          placeholder={t('requirements.cancelReasonPlaceholder')}
          okText={t('requirements.cancel')}
          required
          danger
          onSubmit={(reason) => cancel.mutateAsync(reason).then(() => void message.success(t('requirements.cancelled', { number: r.number })))}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  );
}
