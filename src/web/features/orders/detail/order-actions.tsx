import { DownOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { useSession } from '../../auth/session.ts';
import { useCancelOrder, type Order } from '../api.ts';
import { ReviseDrawer } from './revise-drawer.tsx';
import { CopyOrderButton } from './copy-order-button.tsx';
import { HoldButton } from './hold-button.tsx';
import { SubmitButton } from './submit-button.tsx';
import { ShipOrderButton } from '../../shipping/ship-order-button.tsx';

const editable: Order['status'][] = ['draft', 'rejected'];
const revisable: Order['status'][] = ['confirmed', 'in_fulfilment', 'partially_shipped', 'on_hold'];
const cancellable: Order['status'][] = ['draft', 'submitted', 'pending_approval', 'rejected', 'confirmed', 'in_fulfilment', 'on_hold'];

/** The order's main actions as its status allows: edit and submit a draft, revise a confirmed order, cancel with a reason. */
export function OrderActions({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const cancel = useCancelOrder(o.id);
  const [dialog, setDialog] = useState<'cancel' | 'revise' | null>(null);
  // Without order rights: the warehouse ships, finance holds and releases.
  if (!can('orders:write'))
    return (
      <Space wrap>
        <ShipOrderButton order={o} />
        <HoldButton order={o} />
      </Space>
    );
  const name = o.number ?? t('orders.draftNumber');

  return (
    <Space wrap>
      {o.status === 'draft' && <SubmitButton order={o} />}
      {/* 发货 (shipping feature owns the button and its rules) */}
      <ShipOrderButton order={o} />
      {editable.includes(o.status) && (
        <Link to={`/orders/${o.id}/edit`}>
          <Button icon={<EditOutlined />} data-testid="edit-order">
            {t('common.edit')}
          </Button>
        </Link>
      )}
      <CopyOrderButton order={o} />
      <HoldButton order={o} />
      {revisable.includes(o.status) && (
        <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog('revise')} data-testid="revise-order">
          {t('orders.revise.action')}
        </Button>
      )}
      {cancellable.includes(o.status) && (
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'cancel', label: t('orders.cancel'), danger: true }], onClick: () => setDialog('cancel') }}>
          <Button data-testid="order-more">
            {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      {dialog === 'revise' && <ReviseDrawer order={o} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <ReasonModal
          title={t('orders.cancelTitle', { number: name })}
          label={t('orders.cancelReason')}
          placeholder={t('orders.cancelReasonPlaceholder')}
          okText={t('orders.cancel')}
          required
          danger
          onSubmit={(reason) => cancel.mutateAsync(reason).then(() => void message.success(t('orders.cancelled', { number: name })))}
          onClose={() => setDialog(null)}
        >
          {['confirmed', 'in_fulfilment', 'on_hold'].includes(o.status) && <p>{t('orders.cancelReleases')}</p>}
        </ReasonModal>
      )}
    </Space>
  );
}
