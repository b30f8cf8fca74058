import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { useSession } from '../../auth/session.ts';
import { useHoldOrder, type Order } from '../api.ts';

const holdable: Order['status'][] = ['confirmed', 'in_fulfilment', 'partially_shipped', 'pending_approval'];

/** 暂停 / 恢复 for finance and managers (orders:approve): a credit or exception hold, with a reason. */
export function HoldButton({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const action = o.status === 'on_hold' ? 'release' : 'hold';
  const mutation = useHoldOrder(o.id, action);
  const [open, setOpen] = useState(false);
  if (!can('orders:approve') || (action === 'hold' && !holdable.includes(o.status))) return null;
  const number = o.number ?? '';
  return (
    <>
      <Button icon={action === 'hold' ? <PauseCircleOutlined /> : <PlayCircleOutlined />} onClick={() => setOpen(true)} data-testid={`${action}-order`}>
        {t(`orders.hold.${action}`)}
      </Button>
      {open && (
        <ReasonModal
          title={t(action === 'hold' ? 'orders.hold.holdTitle' : 'orders.hold.releaseTitle', { number })}
          label={t(action === 'hold' ? 'orders.hold.holdReason' : 'orders.hold.releaseReason')}
          placeholder={t(action === 'hold' ? 'orders.hold.holdPlaceholder' : 'orders.hold.releasePlaceholder')}
          okText={t(`orders.hold.${action}`)}
          required
          onSubmit={(reason) => mutation.mutateAsync(reason).then(() => void message.success(t(action === 'hold' ? 'orders.hold.held' : 'orders.hold.released', { number })))}
          onClose={() => setOpen(false)}
        >
          {action === 'hold' && <p>{t('orders.hold.holdHint')}</p>}
        </ReasonModal>
      )}
    </>
  );
}
