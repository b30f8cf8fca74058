import { BellOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Grid, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { stageNames, type StageName } from '../../../contracts/stages.ts';
import type { RiskReason } from '../../../contracts/workbench.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useNudge, useWorkbench, type WorkbenchItem } from './api.ts';
import { DelayReasonModal } from './delay-reason-modal.tsx';
import { durationText } from './duration.ts';
import { itemKey as key, nudgeable, riskColor } from './risk.ts';
import { ClaimButton, useStageOwnerLabel } from './stage-owner.tsx';
import { WorkbenchCards } from './workbench-cards.tsx';
import './workbench.css';


/**
 * 我的跟单: the landing page of coordinators and sales — at-risk orders sorted by risk with the
 * stage, its owner, due/late and the next action; one-click nudge, bulk nudge of the selected
 * rows, the delay reason for a late stage; filter by stage (in the URL). Cards on a phone.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const stage = (stageNames as readonly string[]).includes(params.get('stage') ?? '') ? (params.get('stage') as StageName) : '';
  const list = useWorkbench(stage);
  const nudge = useNudge();
  const phone = Grid.useBreakpoint().md === false;
  const [selected, setSelected] = useState<string[]>([]);
  const [explaining, setExplaining] = useState<WorkbenchItem | null>(null);
  const [pending, setPending] = useState<WorkbenchItem[] | null>(null);
  const [note, setNote] = useState('');
  const items = list.data?.items ?? [];
  const ownerLabel = useStageOwnerLabel();

  const send = async (targets: WorkbenchItem[]) => {
    try {
      const r = await nudge.mutateAsync({ items: targets.map((i) => ({ orderId: i.orderId, stage: i.stage!.stage })), message: note.trim() || null });
      const ok = r.items.filter((x) => x.ok).length;
      void message.success(t('workbench.nudged', { count: ok }));
      if (ok < r.items.length) void message.warning(t('workbench.nudgeSkipped', { count: r.items.length - ok }));
      setSelected([]);
      setPending(null);
      setNote('');
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const when = (i: WorkbenchItem) => {
    const s = i.stage;
    if (!s) return t('workbench.noStage');
    if (s.delayMinutes > 0) return <Typography.Text type="danger">{t('workbench.lateBy', { text: durationText(t, 'workbench', s.delayMinutes) })}</Typography.Text>;
    return s.dueAt ? formatDateTime(s.dueAt) : t('workbench.noStage');
  };
  const action = (i: WorkbenchItem) => (
    <Space size={4} wrap>
      {i.stage && !i.stage.ownerId && <ClaimButton orderId={i.orderId} stage={i.stage.stage} queueRole={i.stage.queueRole} />}
      {nudgeable(i) && (
        <Button size="small" icon={<BellOutlined />} onClick={() => setPending([i])} data-testid="nudge-one">
          {t('workbench.nudge')}
        </Button>
      )}
      {i.reasons.includes('delay_unexplained') && (
        <Button size="small" type="link" onClick={() => setExplaining(i)}>
          {t('workbench.explain')}
        </Button>
      )}
    </Space>
  );
  const nextAction = (i: WorkbenchItem) => t(`workbench.action.${i.nextActionKey}`, { stage: i.stage ? t(`orders.stage.${i.stage.stage}`) : '' });
  // At 1280 px beside the sidebar everything up to the next action shows; the promised date
  // scrolls, the order and its actions stay in view.
  const columns: ColumnsType<WorkbenchItem> = [
    { title: t('workbench.order'), key: 'order', render: (_, i) => <Link to={`/orders/${i.orderId}`}>{i.number ?? t('common.none')}</Link>, width: 150, fixed: 'left' },
    { title: t('workbench.customer'), dataIndex: 'customerName', ellipsis: true, width: 120 },
    { title: t('workbench.risk'), key: 'risk', render: (_, i) => i.reasons.map((r) => <Tag key={r} color={riskColor[r]}>{t(`workbench.reason.${r}`)}</Tag>), width: 100 },
    {
      title: t('workbench.stageOwner'),
      key: 'stage',
      render: (_, i) =>
        i.stage ? (
          <>
            <div>{t(`orders.stage.${i.stage.stage}`)}</div>
            <Typography.Text type="secondary">{ownerLabel(i.stage)}</Typography.Text>
          </>
        ) : (
          t('workbench.noStage')
        ),
      width: 150,
    },
    { title: t('workbench.due'), key: 'due', render: (_, i) => when(i), width: 120 },
    { title: t('workbench.nextAction'), key: 'next', render: (_, i) => nextAction(i), width: 190 },
    { title: t('workbench.promised'), dataIndex: 'promisedDate', render: (d: string) => formatDate(d), width: 100 },
    { title: t('common.actions'), key: 'actions', render: (_, i) => action(i), width: 100, fixed: 'right' },
  ];
  const selectedItems = items.filter((i) => selected.includes(key(i)) && nudgeable(i));

  return (
    <div className="gd-page" data-testid="workbench-page">
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 160 }}
            value={stage}
            aria-label={t('workbench.stageFilter')}
            onChange={(v: string) => setParams(v ? { stage: v } : {}, { replace: true })}
            options={[{ value: '', label: t('workbench.allStages') }, ...stageNames.map((s) => ({ value: s, label: t(`orders.stage.${s}`) }))]}
          />
          {Object.entries(list.data?.counts ?? {}).map(([r, n]) => (
            <Tag key={r} color={riskColor[r as RiskReason]}>
              {t(`workbench.reason.${r as RiskReason}`)} {n}
            </Tag>
          ))}
          <Button type="primary" icon={<BellOutlined />} disabled={selectedItems.length === 0} onClick={() => setPending(selectedItems)} data-testid="nudge-selected">
            {t('workbench.nudgeSelected', { count: selectedItems.length })}
          </Button>
        </Space>
        {list.error && <ErrorAlert error={list.error} />}
        {phone ? (
          <WorkbenchCards items={items} loading={list.isLoading} selected={selected} onSelect={setSelected} when={when} nextAction={nextAction} action={action} />
        ) : (
          <Table<WorkbenchItem>
            rowKey={key}
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            columns={columns}
            pagination={false}
            scroll={{ x: 1080 }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (i) => ({ disabled: !nudgeable(i) }) }}
            locale={{ emptyText: <Empty description={t('workbench.empty')} /> }}
          />
        )}
      </Card>
      <Modal open={!!pending} title={t('workbench.nudgeTitle')} onCancel={() => setPending(null)} onOk={() => pending && send(pending)} confirmLoading={nudge.isPending} okText={t('workbench.nudge')} cancelText={t('common.cancel')} destroyOnHidden>
        <Typography.Paragraph>{(pending ?? []).map((i) => `${i.number ?? ''}${t('common.paren', { text: `${i.stage ? t(`orders.stage.${i.stage.stage}`) : ''} · ${ownerLabel(i.stage)}` })}`).join(t('common.listSep'))}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('workbench.nudgePlaceholder')} aria-label={t('workbench.nudgeMessage')} />
      </Modal>
      <DelayReasonModal item={explaining} onClose={() => setExplaining(null)} />
    </div>
  );
}
