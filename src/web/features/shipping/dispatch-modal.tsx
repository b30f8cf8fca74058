import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../contracts/shipping.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatAddress } from '../orders/address-text.ts';
import type { Order } from '../orders/api.ts';
import { useDispatchShipment, type Shipment } from './api.ts';
import { DispatchCheckList, dispatchChecks, sameAddress } from './dispatch-checks.tsx';
import { DispatchFields, type DispatchValues } from './dispatch-fields.tsx';
import { serverFieldErrors } from './server-fields.ts';

interface Values extends DispatchValues {
  reason?: string;
}

/**
 * 发货: carrier, tracking number and ETA, with the checks the server will make shown as you
 * type; a ship-to address other than the order's needs a reason. A refusal keeps the input
 * and puts the server's words on the field it names.
 */
export function DispatchModal({ shipment: s, order, onClose }: { shipment: Shipment; order: Order | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const dispatch = useDispatchShipment();
  const [error, setError] = useState<unknown>(null);
  const [askReason, setAskReason] = useState(false);
  const carrier = Form.useWatch('carrier', form) as Carrier | undefined;
  const trackingNumber = Form.useWatch('trackingNumber', form);
  const reason = Form.useWatch('reason', form);
  const changed = askReason || (!!order?.shipToAddress && !!s.shipToAddress && !sameAddress(s.shipToAddress, order.shipToAddress));
  const checks = dispatchChecks(s, order, { carrier, trackingNumber, reason });

  const submit = async (v: Values) => {
    setError(null);
    try {
      await dispatch.mutateAsync({ id: s.id, body: { carrier: v.carrier!, trackingNumber: v.trackingNumber!.trim(), eta: v.eta || null, addressChangeReason: v.reason?.trim() || null } });
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(err)
        .filter((e) => ['carrier', 'trackingNumber', 'eta', 'addressChangeReason'].includes(e.path))
        .map((e) => ({ name: e.path === 'addressChangeReason' ? 'reason' : e.path, errors: [e.text] }));
      if ((err as { code?: string }).code === 'ADDRESS_CHANGED') {
        setAskReason(true);
        fields.push({ name: 'reason', errors: [(err as Error).message] });
      }
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setError(err);
    }
  };

  return (
    <Modal
      open
      title={t('shipping.dispatchTitle', { number: s.number })}
      okText={t('shipping.dispatch')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={dispatch.isPending}
      okButtonProps={{ 'data-testid': 'dispatch-ok' } as ButtonProps}
      mask={{ closable: false }}
      width={640}
    >
      <DispatchCheckList checks={checks} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={dispatch.isPending} style={{ marginTop: 12 }}>
        <DispatchFields carrier={carrier} />
        {changed && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('shipping.addressDiffers')} description={order?.shipToAddress ? t('shipping.confirmedWas', { address: formatAddress(order.shipToAddress) }) : undefined} />
            <Form.Item name="reason" label={t('shipping.changeReason')} rules={[{ required: true, whitespace: true, message: t('shipping.changeReasonRequired') }, { max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('shipping.changeReasonPlaceholder')} data-testid="change-reason" />
            </Form.Item>
          </>
        )}
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
