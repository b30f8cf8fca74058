import './approval-rules.css';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../contracts/rules.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApproverLabel } from '../../approvals/use-approver-label.ts';
import { useApprovalRules, useDryRun, useUpdateRule, type ApprovalRule } from './api.ts';
import { DryRunResultView } from './dry-run-result.tsx';
import { RuleDrawer } from './rule-drawer.tsx';
import { useConditionText } from './use-condition-text.ts';

/** 设置 → 审批规则: which orders need whose approval, in which order; try the active rules on recent orders. */
export function ApprovalRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useApprovalRules();
  const update = useUpdateRule();
  const dryRun = useDryRun();
  const words = useConditionText();
  const approver = useApproverLabel();
  const [editing, setEditing] = useState<ApprovalRule | 'new' | null>(null);
  const [days, setDays] = useState(90);

  const toggle = async (r: ApprovalRule, active: boolean) => {
    try {
      await update.mutateAsync({ id: r.id, patch: { active } });
      void message.success(t(active ? 'approvalRules.enabled' : 'approvalRules.disabled', { name: r.name }));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title={t('approvalRules.title')}
        subtitle={t('approvalRules.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-rule">
            {t('approvalRules.create')}
          </Button>
        }
      />
      <div className="gd-stack">
        <Card size="small">
          {rules.error && <ErrorAlert error={rules.error} />}
          <Table<ApprovalRule>
            size="small"
            rowKey="id"
            loading={rules.isPending}
            dataSource={rules.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="rule-table"
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvalRules.empty')}>
                  <Button type="primary" onClick={() => setEditing('new')}>
                    {t('approvalRules.create')}
                  </Button>
                </Empty>
              ),
            }}
            columns={[
              {
                title: t('approvalRules.name'),
                key: 'name',
                render: (_, r) => (
                  <div className="gd-user-cell" style={{ maxWidth: 420 }}>
                    <Typography.Link onClick={() => setEditing(r)}>{r.name}</Typography.Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                      {words.text(r.condition as Condition)}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('approvalRules.levels'),
                key: 'levels',
                render: (_, r) => (
                  <Space size={2} wrap>
                    {r.levels.map((l, i) => (
                      <Tag key={i}>
                        {i + 1}. {approver(l)}
                        {l.mode === 'all' ? ` · ${t('approvalRules.levelMode.allShort')}` : ''}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('approvalRules.active'), dataIndex: 'active', width: 80, render: (v: boolean, r) => <Switch size="small" checked={v} loading={update.isPending && update.variables?.id === r.id} onChange={(c) => void toggle(r, c)} aria-label={t('approvalRules.active')} /> },
              { title: t('approvalRules.updated'), key: 'updated', width: 170, responsive: ['md'], render: (_, r) => <span className="gd-num">v{r.version} · {formatDateTime(r.updatedAt)}</span> },
            ]}
          />
        </Card>
        <Card size="small" title={t('approvalRules.dryRun.activeTitle')}>
          <div className="gd-stack" style={{ gap: 8 }}>
            <Typography.Text type="secondary">{t('approvalRules.dryRun.activeHelp')}</Typography.Text>
            <Space wrap>
              <Select value={days} onChange={setDays} options={[30, 90, 180, 365].map((d) => ({ value: d, label: t('approvalRules.dryRun.days', { count: d }) }))} style={{ width: 140 }} />
              <Button onClick={() => dryRun.mutate({ days })} loading={dryRun.isPending} data-testid="dry-run-active">
                {t('approvalRules.dryRun.run')}
              </Button>
            </Space>
            {dryRun.error && <ErrorAlert error={dryRun.error} />}
            {dryRun.data && <DryRunResultView result={dryRun.data} days={dryRun.variables?.days ?? days} />}
          </div>
        </Card>
      </div>
      {editing && <RuleDrawer rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
