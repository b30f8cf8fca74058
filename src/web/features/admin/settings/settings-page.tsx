import { App, Button, Card, Checkbox, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingDefs } from '../../../../contracts/settings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useSaveSetting, useSettings, type Settings } from './api.ts';

const approvalOptions = settingDefs['customer.approvalFields'].schema.element.options;
type ApprovalField = (typeof approvalOptions)[number];
interface Values {
  companyName: string;
  approvalFields: ApprovalField[];
}

/** 设置 → 系统设置: company name (shown to customers on links) and approval-gated customer fields. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.isPending ? <Spin /> : settings.error ? <ErrorAlert error={settings.error} /> : <SettingsForm settings={settings.data} />}
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const save = useSaveSetting();
  const initial: Values = { companyName: settings['company.name'] ?? '', approvalFields: (settings['customer.approvalFields'] ?? []) as ApprovalField[] };

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      // Only what changed is written, so the audit log shows exactly the edit.
      if (v.companyName.trim() !== initial.companyName) await save.mutateAsync({ key: 'company.name', value: v.companyName.trim() });
      if (JSON.stringify([...v.approvalFields].sort()) !== JSON.stringify([...initial.approvalFields].sort())) await save.mutateAsync({ key: 'customer.approvalFields', value: v.approvalFields });
      void message.success(t('settings.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err, ['value'])) setFormError(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} disabled={save.isPending} style={{ maxWidth: 720 }} data-testid="settings-form">
      <Card size="small">
        <Form.Item name="companyName" label={t('settings.companyName')} extra={t('settings.companyNameHelp')} rules={[zodRule(settingDefs['company.name'].schema)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="approvalFields" label={t('settings.approvalFields')} extra={t('settings.approvalFieldsHelp')}>
          <Checkbox.Group options={approvalOptions.map((k) => ({ value: k, label: t(`settings.fields.${k}`) }))} className="gd-check-grid" />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-settings">
          {t('common.save')}
        </Button>
      </Card>
    </Form>
  );
}
