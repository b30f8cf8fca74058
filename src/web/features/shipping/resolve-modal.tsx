import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionResolutions } from '../../../contracts/exceptions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useOwnerOptions } from '../customers/use-owner-options.ts';
import { useNotifyCustomer, useUpdateException, type ExceptionPatch, type ShippingException } from './api.ts';
import { serverFieldErrors } from './server-fields.ts';

/** Resolve an exception (how it ended is required) or only add a note to it. */
export function ResolveModal({ exception: e, mode, onClose }: { exception: ShippingException; mode: 'resolve' | 'note' | 'assign' | 'notify'; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ resolution?: ExceptionPatch['resolution']; note?: string; ownerId?: string }>();
  const owners = useOwnerOptions([{ id: e.ownerId, name: e.ownerName }]).filter((o) => o.value !== e.ownerId);
  const update = useUpdateException();
  const notify = useNotifyCustomer();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { resolution?: ExceptionPatch['resolution']; note?: string; ownerId?: string }) => {
    setError(null);
    try {
      if (mode === 'notify') {
        const r = await notify.mutateAsync({ id: e.id, note: v.note?.trim() || null });
        void (r.notices > 0 ? message.success(t('shipping.exceptions.notified', { count: r.notices })) : message.warning(t('shipping.exceptions.noContact')));
        onClose();
        return;
      }
      await update.mutateAsync({ id: e.id, body: { ...(mode === 'resolve' ? { state: 'resolved' as const, resolution: v.resolution } : {}), ...(mode === 'assign' ? { ownerId: v.ownerId } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(err).filter((f) => ['resolution', 'note', 'ownerId'].includes(f.path));
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.path as 'note', errors: [f.text] })));
      setError(err);
    }
  };
  return (
    <Modal
      open
      title={t(`shipping.exceptions.${mode}Title`)}
      okText={mode === 'resolve' ? t('shipping.exceptions.resolve') : mode === 'assign' ? t('shipping.exceptions.assign') : mode === 'notify' ? t('shipping.exceptions.notify') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending || notify.isPending}
      okButtonProps={{ 'data-testid': 'resolve-ok' } as ButtonProps}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={update.isPending || notify.isPending}>
        {mode === 'notify' && <p>{t('shipping.exceptions.notifyHelp')}</p>}
        {mode === 'resolve' && (
          <Form.Item name="resolution" label={t('shipping.exceptions.resolutionLabel')} rules={[{ required: true, message: t('validation.required', { field: t('shipping.exceptions.resolutionLabel') }) }]}>
            <Select options={exceptionResolutions.map((r) => ({ value: r, label: t(`shipping.exceptions.resolution.${r}`) }))} data-testid="resolution" />
          </Form.Item>
        )}
        {mode === 'assign' && (
          <Form.Item name="ownerId" label={t('shipping.exceptions.newOwner')} extra={t('shipping.exceptions.assignHelp')} rules={[{ required: true, message: t('validation.required', { field: t('shipping.exceptions.newOwner') }) }]}>
            <Select options={owners} showSearch={{ optionFilterProp: 'label' }} data-testid="new-owner" />
          </Form.Item>
        )}
        <Form.Item name="note" label={mode === 'notify' ? t('shipping.exceptions.notifyNote') : t('shipping.exceptions.note')} rules={[{ required: mode === 'note', whitespace: true, message: t('validation.required', { field: t('shipping.exceptions.note') }) }, { max: mode === 'notify' ? 500 : 1000 }]}>
          <Input.TextArea rows={3} placeholder={mode === 'notify' ? t('shipping.exceptions.notifyPlaceholder') : t('shipping.exceptions.notePlaceholder')} maxLength={mode === 'notify' ? 500 : 1000} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
