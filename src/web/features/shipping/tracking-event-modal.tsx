import { DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { dateFieldProps, dayjs } from '../../lib/date-field.ts';
import { useAddTrackingEvent, type Shipment, type TrackingEventInput } from './api.ts';
import { serverFieldErrors } from './server-fields.ts';

const STATUSES = ['in_transit', 'delivered', 'exception'] as const;

/** A tracking event typed by staff (a carrier without push, a phone call with the driver). */
export function TrackingEventModal({ shipment: s, onClose }: { shipment: Shipment; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TrackingEventInput>();
  const add = useAddTrackingEvent(s.id);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: TrackingEventInput) => {
    setError(null);
    try {
      await add.mutateAsync({ at: v.at, status: v.status, location: v.location?.trim() || null, description: v.description?.trim() || null });
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(err).filter((e) => ['at', 'status', 'location', 'description'].includes(e.path));
      if (fields.length) form.setFields(fields.map((e) => ({ name: e.path as keyof TrackingEventInput, errors: [e.text] })));
      setError(err);
    }
  };
  return (
    <Modal open title={t('shipping.events.addTitle', { number: s.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={add.isPending} okButtonProps={{ 'data-testid': 'event-ok' } as ButtonProps} mask={{ closable: false }}>
      <Form<TrackingEventInput> form={form} layout="vertical" onFinish={submit} disabled={add.isPending} initialValues={{ at: dayjs().second(0).millisecond(0).toISOString(), status: 'in_transit' }}>
        <Form.Item name="at" label={t('shipping.events.at')} rules={[{ required: true, message: t('validation.required', { field: t('shipping.events.at') }) }]} {...dateFieldProps(true)}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')} rules={[{ required: true }]}>
          <Select options={STATUSES.map((v) => ({ value: v, label: t(`shipping.status.${v}`) }))} data-testid="event-status" />
        </Form.Item>
        <Form.Item name="location" label={t('shipping.events.location')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('shipping.events.locationPlaceholder')} data-testid="event-location" />
        </Form.Item>
        <Form.Item name="description" label={t('shipping.events.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('shipping.events.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
