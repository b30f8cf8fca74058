import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../contracts/rules.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useCreateRule, useDryRun, useUpdateRule, type ApprovalRule, type DryRunResult, type RuleCreate } from './api.ts';
import { ConditionBuilder, ConditionSummary } from './condition-builder.tsx';
import { isComplete, parse, serialize, type Top } from './condition-model.ts';
import { DryRunResultView } from './dry-run-result.tsx';
import { LevelsEditor, type LevelValues } from './levels-editor.tsx';
import { useConditionText } from './use-condition-text.ts';

interface Values {
  name: string;
  active: boolean;
  levels: LevelValues[];
}
const toLevels = (ls: LevelValues[]) => ls.map((l) => (l.kind === 'user' ? { approverUserId: l.approverUserId!, mode: l.mode } : { approverRole: l.approverRole!, mode: l.mode }));
const fromRule = (r?: ApprovalRule): Values => ({
  name: r?.name ?? '',
  active: r?.active ?? true,
  levels: r?.levels.map((l) => ({ kind: l.approverUserId ? 'user' : 'role', approverRole: l.approverRole ?? undefined, approverUserId: l.approverUserId ?? undefined, mode: l.mode })) ?? [{ kind: 'role', approverRole: 'sales_manager', mode: 'any' }],
});

/** Create or edit an approval rule: name, condition, levels, active — and try it on recent orders before saving. */
export function RuleDrawer({ rule, onClose }: { rule?: ApprovalRule; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const parsed = parse(rule?.condition as Condition | undefined);
  const [top, setTop] = useState<Top | null>(parsed);
  const [json, setJson] = useState(parsed ? '' : JSON.stringify(rule?.condition, null, 2));
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [days, setDays] = useState(90);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const create = useCreateRule();
  const update = useUpdateRule();
  const dryRun = useDryRun();
  const words = useConditionText();
  const busy = create.isPending || update.isPending;

  const condition = (): Condition | null => {
    if (top) return isComplete(top) ? serialize(top) : null;
    try {
      return JSON.parse(json) as Condition;
    } catch {
      return null;
    }
  };
  const body = async (): Promise<RuleCreate | null> => {
    setError(null);
    const c = condition();
    setInvalid(!c);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return null;
    }
    if (!c) return null;
    return { name: v.name.trim(), condition: c, levels: toLevels(v.levels), active: v.active };
  };
  const save = async () => {
    const b = await body();
    if (!b) return;
    try {
      if (rule) await update.mutateAsync({ id: rule.id, patch: b });
      else await create.mutateAsync(b);
      void message.success(t('approvalRules.saved', { name: b.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['name', 'levels'], {}, { nested: true })) setError(err);
    }
  };
  const tryIt = async () => {
    const b = await body();
    if (!b) return;
    try {
      setResult(await dryRun.mutateAsync({ rule: b, days }));
    } catch (err) {
      setError(err);
    }
  };
  const current = condition();

  return (
    <Drawer
      open
      title={rule ? t('approvalRules.editTitle', { name: rule.name }) : t('approvalRules.create')}
      size={screens.md ? 760 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <div className="gd-form-buttons">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-rule">
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={fromRule(rule)} disabled={busy} data-testid="rule-form">
        <div className="gd-form-row">
          <Form.Item name="name" label={t('approvalRules.name')} rules={[{ required: true, whitespace: true, message: t('approvalRules.nameRequired') }, { max: 100 }]} className="gd-span-2">
            <Input maxLength={100} placeholder={t('approvalRules.namePlaceholder')} data-testid="rule-name" />
          </Form.Item>
          <Form.Item name="active" label={t('approvalRules.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item label={t('approvalRules.condition')} required help={invalid ? t('approvalRules.conditionIncomplete') : undefined} validateStatus={invalid ? 'error' : undefined}>
          {top ? (
            <ConditionBuilder value={top} onChange={(n) => { setTop(n); setResult(null); }} invalid={invalid} />
          ) : (
            <>
              <Alert type="info" showIcon title={t('approvalRules.jsonOnly')} style={{ marginBottom: 8 }} />
              <Input.TextArea rows={6} value={json} onChange={(e) => setJson(e.target.value)} className="gd-mono" />
            </>
          )}
        </Form.Item>
        {current && <ConditionSummary text={t('approvalRules.reads', { text: words.text(current) })} />}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('approvalRules.levels')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('approvalRules.levelsHelp')}</Typography.Paragraph>
        <LevelsEditor />
      </Form>
      <div className="gd-dry-run">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('approvalRules.dryRun.title')}
        </Typography.Title>
        <Space wrap>
          <Select value={days} onChange={setDays} options={[30, 90, 180, 365].map((d) => ({ value: d, label: t('approvalRules.dryRun.days', { count: d }) }))} style={{ width: 140 }} />
          <Button onClick={() => void tryIt()} loading={dryRun.isPending} data-testid="dry-run">
            {t('approvalRules.dryRun.run')}
          </Button>
        </Space>
        {result && <DryRunResultView result={result} days={days} single />}
      </div>
      {error ? <ErrorAlert error={error} style={{ marginTop: 12 }} /> : null}
    </Drawer>
  );
}
