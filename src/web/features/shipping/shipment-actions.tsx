import { DownOutlined, InboxOutlined, NodeIndexOutlined, PrinterOutlined, SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { saveBlob } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import type { Order } from '../orders/api.ts';
import { deliveryNote, useCancelShipment, type Shipment } from './api.ts';
import { CustomerLinkButton } from './customer-link-button.tsx';
import { DispatchModal } from './dispatch-modal.tsx';
import { PackagesDrawer } from './packages-drawer.tsx';
import { PickListDrawer } from './pick-list-drawer.tsx';
import { TrackingEventModal } from './tracking-event-modal.tsx';

const ON_THE_WAY: Shipment['status'][] = ['dispatched', 'in_transit', 'exception'];

/** What can be done with a shipment in its state: pick, pack, dispatch, print, track, send the customer link, cancel. */
export function ShipmentActions({ shipment: s, order }: { shipment: Shipment; order: Order | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const cancel = useCancelShipment(s.id);
  const [dialog, setDialog] = useState<'dispatch' | 'event' | 'pack' | 'pick' | 'cancel' | null>(null);
  const [printing, setPrinting] = useState(false);
  const writable = can('shipping:write');
  const draft = s.status === 'draft';
  const cancellable = writable && (draft || ON_THE_WAY.includes(s.status));

  // The window opens on the click (popup blockers allow that), the PDF arrives into it.
  const printNote = async () => {
    const w = window.open('', '_blank');
    setPrinting(true);
    try {
      const blob = await deliveryNote(s.id, currentLanguage());
      if (w) w.location.href = URL.createObjectURL(blob);
      else {
        saveBlob(blob, `${s.number}.pdf`);
        void message.info(t('shipping.deliveryNoteBlocked'));
      }
    } catch (err) {
      w?.close();
      void message.error((err as Error).message);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Space wrap>
      {writable && draft && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('dispatch')} data-testid="dispatch">
          {t('shipping.dispatch')}
        </Button>
      )}
      {draft && (
        <Button icon={<UnorderedListOutlined />} onClick={() => setDialog('pick')} data-testid="pick-list-button">
          {t('shipping.pick.action')}
        </Button>
      )}
      {(draft ? writable : s.packages.length > 0) && (
        <Button icon={<InboxOutlined />} onClick={() => setDialog('pack')} data-testid="packing">
          {t('shipping.packing.action')}
        </Button>
      )}
      {s.status !== 'cancelled' && (
        <Button icon={<PrinterOutlined />} onClick={() => void printNote()} loading={printing} data-testid="delivery-note">
          {t('shipping.deliveryNote')}
        </Button>
      )}
      {writable && ON_THE_WAY.includes(s.status) && (
        <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('event')} data-testid="add-event">
          {t('shipping.events.add')}
        </Button>
      )}
      {!draft && s.status !== 'cancelled' && can('orders:read') && <CustomerLinkButton orderId={s.orderId} />}
      {cancellable && (
        <Dropdown trigger={['click']} menu={{ items: [{ key: 'cancel', label: t('shipping.cancel.action'), danger: true }], onClick: () => setDialog('cancel') }}>
          <Button data-testid="shipment-more">
            {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      {dialog === 'dispatch' && <DispatchModal shipment={s} order={order} onClose={() => setDialog(null)} />}
      {dialog === 'event' && <TrackingEventModal shipment={s} onClose={() => setDialog(null)} />}
      {dialog === 'pack' && <PackagesDrawer shipment={s} onClose={() => setDialog(null)} />}
      {dialog === 'pick' && <PickListDrawer shipmentId={s.id} number={s.number} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <ReasonModal
          title={t('shipping.cancel.title', { number: s.number })}
          label={t('shipping.cancel.reason')}
          placeholder={t('shipping.cancel.reasonPlaceholder')}
          okText={t('shipping.cancel.action')}
          required={!draft}
          danger
          onSubmit={(reason) => cancel.mutateAsync(reason || null).then(() => void message.success(t('shipping.cancel.done', { number: s.number })))}
          onClose={() => setDialog(null)}
        >
          <p>{draft ? t('shipping.cancel.draftHint') : t('shipping.cancel.dispatchedHint')}</p>
        </ReasonModal>
      )}
    </Space>
  );
}
