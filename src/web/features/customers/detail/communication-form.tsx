import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communicationChannels, communicationCreateBody } from '../../../../contracts/customers.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { dateFieldProps, dayjs } from '../../../lib/date-field.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useRequirementList } from '../../requirements/api.ts';
import { useCreateCommunication } from '../api.ts';

interface Values {
  channel: (typeof communicationChannels)[number];
  occurredAt: string;
  summary: string;
  participants: string[];
  followUpAt?: string | null;
  requirementId?: string | null;
}
const FIELDS = ['channel', 'occurredAt', 'summary', 'participants', 'followUpAt', 'requirementId'];

/** Log a call, visit, WeChat chat… — no verbal promise without a record; a follow-up date reminds the owner. */
export function CommunicationForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateCommunication();
  const reqs = useRequirementList({ q: '', status: '', customerId }, 100);
  const reqOptions = (reqs.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }));

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      await create.mutateAsync({ customerId, channel: v.channel, occurredAt: v.occurredAt, summary: v.summary.trim(), participants: v.participants ?? [], followUpAt: v.followUpAt ?? null, requirementId: v.requirementId ?? null });
      void message.success(t('customers.comm.saved'));
      form.resetFields();
      onDone();
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS)) setFormError(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={create.isPending} initialValues={{ channel: 'call', occurredAt: new Date().toISOString(), participants: [] }} data-testid="communication-form">
      <div className="gd-form-row">
        <Form.Item name="channel" label={t('customers.comm.channel')} rules={[{ required: true }]}>
          <Select options={communicationChannels.map((c) => ({ value: c, label: t(`customers.comm.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('customers.comm.occurredAt')} rules={[{ required: true, message: t('validation.required', { field: t('customers.comm.occurredAt') }) }]} {...dateFieldProps(true)}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Form.Item name="followUpAt" label={t('customers.comm.followUpAt')} extra={t('customers.comm.followUpHelp')} {...dateFieldProps(true)}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
      </div>
      <Form.Item name="summary" label={t('customers.comm.summary')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('customers.comm.summary') }) }, zodRule(communicationCreateBody.shape.summary)]}>
        <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('customers.comm.summaryPlaceholder')} />
      </Form.Item>
      <div className="gd-form-row">
        <Form.Item name="participants" label={t('customers.comm.participants')} extra={t('customers.comm.participantsHelp')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="requirementId" label={t('customers.comm.requirement')}>
          <Select allowClear options={reqOptions} placeholder={t('customers.comm.requirementPlaceholder')} />
        </Form.Item>
      </div>
      {formError ? <ErrorAlert error={formError} style={{ marginBottom: 12 }} /> : null}
      <div className="gd-form-buttons">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('customers.comm.save')}
        </Button>
      </div>
    </Form>
  );
}
