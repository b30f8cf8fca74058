import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stageNames } from '../../../../contracts/stages.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSlaRules, useUpdateSlaRule, type SlaRule } from './api.ts';
import { SlaRuleDrawer } from './rule-drawer.tsx';
import { useRuleText } from './use-rule-text.ts';

/** 设置 → 时效与提醒: per stage the owner rule, the deadline, reminders and escalation levels. */
export function SlaRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useSlaRules();
  const update = useUpdateSlaRule();
  const words = useRuleText();
  const [editing, setEditing] = useState<SlaRule | 'new' | null>(null);
  const freeStages = stageNames.filter((s) => !rules.data?.some((r) => r.stage === s));

  const toggle = async (r: SlaRule, active: boolean) => {
    try {
      await update.mutateAsync({ id: r.id, patch: { active, version: r.version } });
      void message.success(t(active ? 'slaRules.enabled' : 'slaRules.disabled', { name: r.name }));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title={t('slaRules.title')}
        subtitle={t('slaRules.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={freeStages.length === 0} data-testid="create-sla-rule">
            {t('slaRules.create')}
          </Button>
        }
      />
      <Card size="small">
        {rules.error && <ErrorAlert error={rules.error} />}
        <Table<SlaRule>
          size="small"
          rowKey="id"
          loading={rules.isPending}
          dataSource={rules.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="sla-rule-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('slaRules.empty')} /> }}
          columns={[
            {
              title: t('slaRules.stage'),
              key: 'stage',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => setEditing(r)}>{t(`orders.stage.${r.stage}`)}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.name}</Typography.Text>
                </Space>
              ),
            },
            { title: t('slaRules.owner'), key: 'owner', render: (_, r) => words.owner(r) },
            { title: t('slaRules.due'), key: 'due', render: (_, r) => words.due(r) },
            {
              title: t('slaRules.reminders'),
              key: 'reminders',
              render: (_, r) => (r.reminders.length ? r.reminders.map((x, i) => <div key={i}>{words.reminder(x)} <Typography.Text type="secondary">({words.channels(x.channels)})</Typography.Text></div>) : t('slaRules.none')),
            },
            {
              title: t('slaRules.escalations'),
              key: 'escalations',
              render: (_, r) => (r.escalations.length ? r.escalations.map((x) => <div key={x.level}>{words.escalation(x)} <Typography.Text type="secondary">({words.channels(x.channels)})</Typography.Text></div>) : t('slaRules.none')),
            },
            { title: t('slaRules.active'), key: 'active', render: (_, r) => <Switch size="small" checked={r.active} loading={update.isPending && update.variables?.id === r.id} onChange={(v) => toggle(r, v)} aria-label={t('slaRules.active')} /> },
            { title: t('slaRules.updatedAt'), key: 'updatedAt', render: (_, r) => <Typography.Text type="secondary">{formatDateTime(r.updatedAt)} · v{r.version}</Typography.Text> },
          ]}
        />
      </Card>
      {editing && <SlaRuleDrawer rule={editing === 'new' ? undefined : editing} freeStages={freeStages} onClose={() => setEditing(null)} />}
    </>
  );
}
