import { App, Button, Card, Form, Input, InputNumber, Select, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSeverities, orderCheckCodes, type OrderCheckCode } from '../../../../contracts/orders.ts';
import { settingDefs } from '../../../../contracts/settings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useSaveSetting, useSettings, type Settings } from '../settings/api.ts';
import { exampleNumber } from './numbering-example.ts';

type Severity = (typeof checkSeverities)[number];
interface Values {
  checks: Record<OrderCheckCode, Severity>;
  duplicateWindowDays: number;
  pattern: string;
  reset: 'day' | 'month' | 'never';
}

/** 设置 → 订单规则: how each submit check acts, the duplicate window, and the order number pattern. */
export function OrderRulesPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('orderRules.title')} subtitle={t('orderRules.subtitle')} />
      {settings.isPending ? <Spin /> : settings.error ? <ErrorAlert error={settings.error} /> : <OrderRulesForm settings={settings.data} />}
    </>
  );
}

function OrderRulesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSetting();
  const [error, setError] = useState<unknown>(null);
  const defaults = settingDefs['order.checks'].default;
  const initial: Values = {
    checks: Object.fromEntries(orderCheckCodes.map((c) => [c, settings['order.checks']?.[c] ?? defaults[c] ?? 'soft'])) as Values['checks'],
    duplicateWindowDays: settings['order.duplicateWindowDays'],
    pattern: settings['order.numbering'].pattern,
    reset: settings['order.numbering'].reset,
  };
  const pattern = Form.useWatch('pattern', form) ?? initial.pattern;
  const reset = Form.useWatch('reset', form) ?? initial.reset;
  const validPattern = settingDefs['order.numbering'].schema.shape.pattern.safeParse(pattern).success;

  const submit = async (v: Values) => {
    setError(null);
    try {
      // Only what changed is written, so the audit log shows exactly the edit.
      if (JSON.stringify(v.checks) !== JSON.stringify(initial.checks)) await save.mutateAsync({ key: 'order.checks', value: v.checks });
      if (v.duplicateWindowDays !== initial.duplicateWindowDays) await save.mutateAsync({ key: 'order.duplicateWindowDays', value: v.duplicateWindowDays });
      if (v.pattern !== initial.pattern || v.reset !== initial.reset) await save.mutateAsync({ key: 'order.numbering', value: { pattern: v.pattern.trim(), reset: v.reset } });
      void message.success(t('settings.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err, ['value'])) setError(err);
    }
  };

  const severityOptions = checkSeverities.map((s) => ({ value: s, label: t(`orderRules.severity.${s}`) }));
  const today = new Date();
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={save.isPending} style={{ maxWidth: 900 }} className="gd-stack" data-testid="order-rules-form">
      <Card size="small" title={t('orderRules.checksTitle')}>
        <Typography.Paragraph type="secondary">{t('orderRules.checksHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey={(c) => c}
          dataSource={[...orderCheckCodes]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('orderRules.check'),
              key: 'check',
              render: (_, c: OrderCheckCode) => (
                <div className="gd-user-cell" style={{ minWidth: 180, maxWidth: 420, whiteSpace: 'normal' }}>
                  <span>{t(`orders.checks.name.${c}`)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`orderRules.checkHelp.${c}`)}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('orderRules.severityLabel'),
              key: 'severity',
              width: 170,
              render: (_, c: OrderCheckCode) => (
                <Form.Item name={['checks', c]} style={{ margin: 0 }}>
                  <Select options={severityOptions} style={{ width: 150 }} aria-label={t(`orders.checks.name.${c}`)} data-testid={`severity-${c}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <ul className="gd-legend">
          {checkSeverities.map((s) => (
            <li key={s}>
              <strong>{t(`orderRules.severity.${s}`)}</strong> — {t(`orderRules.severityHelp.${s}`)}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('orderRules.duplicateTitle')}>
        <Form.Item name="duplicateWindowDays" label={t('orderRules.duplicateWindow')} extra={t('orderRules.duplicateHelp')} rules={[{ required: true }, zodRule(settingDefs['order.duplicateWindowDays'].schema)]} style={{ marginBottom: 0 }}>
          <InputNumber min={0} max={365} precision={0} suffix={t('orderRules.days')} style={{ width: 160 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('orderRules.numberingTitle')}>
        <div className="gd-form-row">
          <Form.Item name="pattern" label={t('orderRules.pattern')} extra={t('orderRules.patternHelp')} rules={[{ required: true }, zodRule(settingDefs['order.numbering'].schema.shape.pattern, 'invalid')]} className="gd-span-2">
            <Input maxLength={60} className="gd-mono" data-testid="number-pattern" />
          </Form.Item>
          <Form.Item name="reset" label={t('orderRules.reset')}>
            <Select options={(['day', 'month', 'never'] as const).map((r) => ({ value: r, label: t(`orderRules.resetOption.${r}`) }))} />
          </Form.Item>
        </div>
        <div className="gd-fact" data-testid="number-example">
          <span className="gd-fact-label">{t('orderRules.example')}</span>
          {validPattern ? (
            <span>
              <Typography.Text strong className="gd-mono">
                {exampleNumber(pattern, today, 1)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                → {exampleNumber(pattern, today, 2)} … {t(`orderRules.resetNote.${reset}`)}
              </Typography.Text>
            </span>
          ) : (
            <Typography.Text type="danger">{t('orderRules.patternInvalid')}</Typography.Text>
          )}
        </div>
      </Card>
      {error ? <ErrorAlert error={error} /> : null}
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-order-rules">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
