import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import type { StageName } from '../../../contracts/stages.ts';
import { useDelayReasons, useExplainDelay } from './api.ts';
import { durationText } from './duration.ts';

/** A late stage of an order: a workbench row or a stage on the order page. */
export interface LateStage {
  orderId: string;
  stage: { stage: StageName; delayMinutes: number; delayReason: string | null } | null;
}

/** The owner (or a coordinator/manager) says why a stage was late; the server keeps who and when. */
export function DelayReasonModal({ item, onClose }: { item: LateStage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ delayReason: string; delayNote?: string }>();
  const reasons = useDelayReasons();
  const explain = useExplainDelay();
  const en = currentLanguage() === 'en-US';
  const stage = item?.stage;
  const submit = async () => {
    if (!item || !stage) return;
    const v = await form.validateFields();
    try {
      await explain.mutateAsync({ orderId: item.orderId, stage: stage.stage, delayReason: v.delayReason, delayNote: v.delayNote?.trim() || null });
      void message.success(t('workbench.delay.saved'));
      form.resetFields();
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['delayReason', 'delayNote'])) void message.error((err as Error).message);
    }
  };
  return (
    <Modal open={!!item} title={stage ? t('workbench.delay.title', { stage: t(`orders.stage.${stage.stage}`) }) : ''} onCancel={onClose} onOk={submit} confirmLoading={explain.isPending} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {stage && <Typography.Paragraph type="secondary">{t('workbench.delay.late', { text: durationText(t, 'workbench', stage.delayMinutes) })}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ delayReason: stage?.delayReason ?? undefined }}>
        <Form.Item name="delayReason" label={t('workbench.delay.reason')} rules={[{ required: true, message: t('workbench.delay.reasonRequired') }]}>
          <Select loading={reasons.isLoading} options={(reasons.data ?? []).map((r) => ({ value: r.code, label: en ? r.labelEn : r.labelZh }))} data-testid="delay-reason-select" />
        </Form.Item>
        <Form.Item name="delayNote" label={t('workbench.delay.note')}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('workbench.delay.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
