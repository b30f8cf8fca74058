import { App, Button, Card, Empty, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adjustmentRequestStatuses } from '../../../../contracts/inventory.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime, formatQty } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { InventoryNav } from '../inventory-nav.tsx';
import { useAdjustmentRequests, useDecideAdjustment, type AdjustmentRequest, type AdjustmentRequestStatus } from './api.ts';
import { ThresholdCard } from './threshold-card.tsx';

const statusColor: Record<AdjustmentRequestStatus, string> = { pending: 'gold', approved: 'success', rejected: 'default' };

/** 调整审批: adjustments above the threshold wait here; an approver other than the requester books or rejects them. */
export function AdjustmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, user } = useSession();
  const [status, setStatus] = useState<'' | AdjustmentRequestStatus>('pending');
  const [note, setNote] = useState('');
  const list = useAdjustmentRequests(status);
  const decide = useDecideAdjustment();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const approver = can('inventory:approve');
  const act = async (r: AdjustmentRequest, action: 'approve' | 'reject') => {
    await decide.mutateAsync({ id: r.id, action, note: note.trim() || null });
    setNote('');
    void message.success(t(action === 'approve' ? 'inventory.adjust.approved' : 'inventory.adjust.rejected'));
  };
  return (
    <>
      <PageHeader title={t('inventory.adjust.title')} subtitle={t('inventory.adjust.subtitle')} />
      <InventoryNav />
      {can('admin:settings') && <ThresholdCard />}
      <Card size="small">
        <div className="gd-filter-bar">
          <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={[...adjustmentRequestStatuses.map((s) => ({ value: s, label: t(`inventory.adjust.status.${s}`) })), { value: '', label: t('inventory.adjust.all') }]} />
        </div>
        {[list.error, decide.error].map((e, i) => e && <ErrorAlert key={i} error={e} style={{ marginBottom: 12 }} />)}
        <Table<AdjustmentRequest>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="adjustment-requests"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.adjust.empty')} /> }}
          columns={[
            { title: t('inventory.adjust.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('inventory.product'),
              key: 'product',
              render: (_, r) => (
                <div className="gd-user-cell">
                  <span>{r.productName}</span>
                  <Typography.Text type="secondary" className="gd-mono">
                    {r.sku}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
            { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number, r) => <Typography.Text type={v < 0 ? 'danger' : 'success'} className="gd-num">{`${v > 0 ? '+' : ''}${formatQty(v, r.unit)}`}</Typography.Text> },
            { title: t('inventory.reason'), dataIndex: 'reason' },
            { title: t('inventory.adjust.requestedBy'), dataIndex: 'requestedByName', render: (v: string | null) => v ?? t('common.none') },
            { title: t('inventory.adjust.statusCol'), dataIndex: 'status', render: (v: AdjustmentRequestStatus, r) => <span title={r.decisionNote ?? undefined}><Tag color={statusColor[v]}>{t(`inventory.adjust.status.${v}`)}</Tag></span> },
            ...(approver
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, r: AdjustmentRequest) =>
                      r.status !== 'pending' ? null : r.requestedBy === user.id ? (
                        <Typography.Text type="secondary">{t('inventory.adjust.own')}</Typography.Text>
                      ) : (
                        <Space>
                          <Popconfirm title={t('inventory.adjust.approveConfirm')} onConfirm={() => void act(r, 'approve').catch(() => {})}>
                            <Button size="small" type="primary" data-testid={`approve-${r.sku}`}>
                              {t('inventory.adjust.approve')}
                            </Button>
                          </Popconfirm>
                          <Popconfirm title={<Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('inventory.adjust.rejectNote')} rows={2} style={{ width: 240 }} />} okButtonProps={{ disabled: !note.trim() }} onConfirm={() => void act(r, 'reject').catch(() => {})}>
                            <Button size="small" danger>
                              {t('inventory.adjust.reject')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {list.hasNextPage && (
          <div className="gd-table-foot">
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
