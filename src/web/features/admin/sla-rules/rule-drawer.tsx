import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Form, Grid, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertChannels, slaAnchors, slaUnits, type SlaUnit } from '../../../../contracts/sla.ts';
import { stageNames, type StageName } from '../../../../contracts/stages.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useUserOptions } from '../users/api.ts';
import { useCreateSlaRule, useSlaDryRun, useUpdateSlaRule, type SlaDryRun, type SlaRule, type SlaRuleInput } from './api.ts';
import { DryRunView } from './dry-run-view.tsx';

type Channel = (typeof alertChannels)[number];
interface Values {
  stage: StageName;
  name: string;
  active: boolean;
  ownerType: SlaRule['owner']['type'];
  ownerRole?: string;
  ownerUserId?: string;
  queueRole: string;
  anchor: string;
  amount: number;
  unit: SlaUnit;
  reminders: { amount: number; unit: SlaUnit; channels: Channel[] }[];
  escalations: { amount: number; unit: SlaUnit; toType: 'manager' | 'role' | 'user'; toRole?: string; toUserId?: string; channels: Channel[] }[];
}

const fromRule = (r?: SlaRule, stage?: StageName): Values => ({
  stage: r?.stage ?? stage ?? 'billing',
  name: r?.name ?? '',
  active: r?.active ?? true,
  ownerType: r?.owner.type ?? 'customer_owner',
  ownerRole: r?.owner.type === 'role' ? r.owner.role : undefined,
  ownerUserId: r?.owner.type === 'user' ? r.owner.userId : undefined,
  queueRole: r?.queueRole ?? 'coordinator',
  anchor: r?.due.anchor ?? 'order.submitted',
  amount: r?.due.amount ?? 1,
  unit: r?.due.unit ?? 'working_days',
  reminders: r?.reminders.map((x) => ({ amount: x.before.amount, unit: x.before.unit, channels: x.channels })) ?? [{ amount: 2, unit: 'working_hours', channels: ['inapp'] }],
  escalations: r?.escalations.map((x) => ({ amount: x.after.amount, unit: x.after.unit, toType: x.to.type, toRole: x.to.type === 'role' ? x.to.role : undefined, toUserId: x.to.type === 'user' ? x.to.userId : undefined, channels: x.channels })) ?? [{ amount: 0, unit: 'working_hours', toType: 'manager', channels: ['inapp'] }],
});

const toBody = (v: Values): SlaRuleInput => ({
  stage: v.stage,
  name: v.name,
  active: v.active,
  owner: v.ownerType === 'role' ? { type: 'role', role: v.ownerRole ?? '' } : v.ownerType === 'user' ? { type: 'user', userId: v.ownerUserId ?? '' } : { type: 'customer_owner' },
  queueRole: v.queueRole,
  due: { anchor: v.anchor as SlaRuleInput['due']['anchor'], amount: v.amount, unit: v.unit },
  reminders: (v.reminders ?? []).map((x) => ({ before: { amount: x.amount, unit: x.unit }, channels: x.channels })),
  escalations: (v.escalations ?? []).map((x, i) => ({ level: i + 1, after: { amount: x.amount, unit: x.unit }, to: x.toType === 'role' ? { type: 'role', role: x.toRole ?? '' } : x.toType === 'user' ? { type: 'user', userId: x.toUserId ?? '' } : { type: 'manager' }, channels: x.channels })),
});

/** Server paths (`due.anchor`, `escalations.0.to.role`) → the fields that show them. */
const alias = (p: string) =>
  p
    .replace(/^due\./, '')
    .replace(/^owner\.role$/, 'ownerRole')
    .replace(/^owner\.userId$/, 'ownerUserId')
    .replace(/\.to\.role$/, '.toRole')
    .replace(/\.to\.userId$/, '.toUserId')
    .replace(/\.(before|after)\.(amount|unit)$/, '.$2');

/** Create or edit the SLA rule of a stage, and try it on the open orders before saving. */
export function SlaRuleDrawer({ rule, freeStages, onClose }: { rule?: SlaRule; freeStages: StageName[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const roles = useRoleLabel();
  const users = useUserOptions();
  const create = useCreateSlaRule();
  const update = useUpdateSlaRule();
  const dryRun = useSlaDryRun();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SlaDryRun | null>(null);
  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }));
  const unitOptions = slaUnits.map((u) => ({ value: u, label: t(`slaRules.units.${u}`) }));
  const channelOptions = alertChannels.map((c) => ({ value: c, label: t(`slaRules.channel.${c}`) }));

  const values = async () => {
    setError(null);
    try {
      return toBody(await form.validateFields());
    } catch {
      return null;
    }
  };
  const fail = (err: unknown) => {
    if (!applyServerErrors(form, err, ['stage', 'name', 'owner', 'queueRole', 'due', 'reminders', 'escalations'], {}, { nested: true, alias })) setError(err);
  };
  const onSave = async () => {
    const body = await values();
    if (!body) return;
    try {
      if (rule) {
        const { stage: _s, ...patch } = body;
        await update.mutateAsync({ id: rule.id, patch: { ...patch, version: rule.version } });
      } else await create.mutateAsync(body);
      void message.success(t('slaRules.saved'));
      onClose();
    } catch (err) {
      fail(err);
    }
  };
  const onDryRun = async () => {
    const body = await values();
    if (!body) return;
    try {
      setResult(await dryRun.mutateAsync([body]));
    } catch (err) {
      fail(err);
    }
  };
  const required = [{ required: true }];
  const targetFields = (prefix: (string | number)[], typeName: string, roleName: string, userName: string, types: readonly string[], typeLabel: (k: string) => string) => (
    <Space wrap align="start">
      <Form.Item name={[...prefix, typeName]} noStyle>
        <Select style={{ width: 150 }} options={types.map((k) => ({ value: k, label: typeLabel(k) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const type = getFieldValue([...(prefix.length ? ['escalations', ...prefix] : []), typeName]);
          if (type === 'role') return <Form.Item name={[...prefix, roleName]} rules={required} style={{ marginBottom: 0 }}><Select style={{ width: 160 }} options={roles.options} placeholder={t('slaRules.role')} /></Form.Item>;
          if (type === 'user') return <Form.Item name={[...prefix, userName]} rules={required} style={{ marginBottom: 0 }}><Select style={{ width: 160 }} showSearch optionFilterProp="label" options={userOptions} placeholder={t('slaRules.user')} /></Form.Item>;
          return null;
        }}
      </Form.Item>
    </Space>
  );

  return (
    <Drawer
      open
      title={rule ? `${t('slaRules.edit')} · ${t(`orders.stage.${rule.stage}`)}` : t('slaRules.create')}
      size={screens.md ? 720 : '100%'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onDryRun} loading={dryRun.isPending} data-testid="sla-dry-run">{t('slaRules.dryRun')}</Button>
          <Button type="primary" onClick={onSave} loading={create.isPending || update.isPending} data-testid="sla-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={fromRule(rule, freeStages[0])} requiredMark={false}>
        {error != null && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
        <Alert type="info" showIcon title={t('slaRules.appliesNote')} style={{ marginBottom: 12 }} />
        <Space wrap align="start">
          <Form.Item name="stage" label={t('slaRules.stage')} rules={required}>
            <Select disabled={!!rule} style={{ width: 160 }} options={(rule ? stageNames : freeStages).map((s) => ({ value: s, label: t(`orders.stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('slaRules.name')} rules={[{ required: true, max: 80 }]}>
            <Input style={{ width: 240 }} maxLength={80} />
          </Form.Item>
          <Form.Item name="active" label={t('slaRules.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item label={t('slaRules.owner')} required>
          {targetFields([], 'ownerType', 'ownerRole', 'ownerUserId', ['customer_owner', 'role', 'user'], (k) => t(`slaRules.ownerType.${k as 'role'}`))}
        </Form.Item>
        <Form.Item name="queueRole" label={t('slaRules.queueRole')} extra={t('slaRules.queueRoleHelp')} rules={required}>
          <Select style={{ width: 200 }} options={roles.options} />
        </Form.Item>
        <Form.Item label={t('slaRules.due')} extra={t('slaRules.negativeHelp')} required>
          <Space wrap align="start">
            <Form.Item name="anchor" noStyle rules={required}>
              <Select style={{ width: 220 }} aria-label={t('slaRules.anchor')} options={slaAnchors.map((a) => ({ value: a, label: t(`slaRules.anchors.${a}`) }))} />
            </Form.Item>
            <Form.Item name="amount" noStyle rules={required}>
              <InputNumber precision={0} min={-1000} max={1000} aria-label={t('slaRules.amount')} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="unit" noStyle rules={required}>
              <Select style={{ width: 130 }} options={unitOptions} aria-label={t('slaRules.unit')} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Typography.Title level={5}>{t('slaRules.reminders')}</Typography.Title>
        <Form.List name="reminders">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Typography.Text style={{ lineHeight: '32px' }}>{t('slaRules.before')}</Typography.Text>
                  <Form.Item name={[f.name, 'amount']} rules={required} style={{ marginBottom: 0 }}><InputNumber precision={0} min={1} max={1000} style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={required} style={{ marginBottom: 0 }}><Select style={{ width: 130 }} options={unitOptions} /></Form.Item>
                  <Form.Item name={[f.name, 'channels']} rules={[{ required: true, type: 'array', min: 1 }]} style={{ marginBottom: 0 }}><Checkbox.Group options={channelOptions} /></Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('workCalendar.remove')} />
                </Space>
              ))}
              {fields.length < 5 && <Button icon={<PlusOutlined />} onClick={() => add({ amount: 1, unit: 'working_hours', channels: ['inapp'] })}>{t('slaRules.addReminder')}</Button>}
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('slaRules.escalations')}</Typography.Title>
        <Form.List name="escalations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Typography.Text strong style={{ lineHeight: '32px' }}>{t('slaRules.level', { level: i + 1 })}</Typography.Text>
                  <Typography.Text style={{ lineHeight: '32px' }}>{t('slaRules.after')}</Typography.Text>
                  <Form.Item name={[f.name, 'amount']} rules={required} style={{ marginBottom: 0 }}><InputNumber precision={0} min={0} max={1000} style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={required} style={{ marginBottom: 0 }}><Select style={{ width: 130 }} options={unitOptions} /></Form.Item>
                  {targetFields([f.name], 'toType', 'toRole', 'toUserId', ['manager', 'role', 'user'], (k) => t(`slaRules.targetType.${k as 'role'}`))}
                  <Form.Item name={[f.name, 'channels']} rules={[{ required: true, type: 'array', min: 1 }]} style={{ marginBottom: 0 }}><Checkbox.Group options={channelOptions} /></Form.Item>
                  {i === fields.length - 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {fields.length < 5 && <Button icon={<PlusOutlined />} onClick={() => add({ amount: 1, unit: 'working_days', toType: 'role', toRole: 'sales_manager', channels: ['inapp'] })}>{t('slaRules.addEscalation')}</Button>}
            </>
          )}
        </Form.List>
      </Form>
      {result && <DryRunView result={result} />}
    </Drawer>
  );
}
