import { App, Button, Empty, Input, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adjustmentRequestStatuses } from '../../../../contracts/inventory.ts';
import { FilteredList } from '../../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { oneOf, useUrlFilters } from '../../../lib/use-url-filters.ts';
import { useSession } from '../../auth/session.ts';
import { InventoryNav } from '../inventory-nav.tsx';
import { productColumn, SignedQty } from '../stock-list-parts.tsx';
import { useAdjustmentRequests, useDecideAdjustment, type AdjustmentRequest, type AdjustmentRequestStatus } from './api.ts';
import { ThresholdCard } from './threshold-card.tsx';

const statusColor: Record<AdjustmentRequestStatus, string> = { pending: 'gold', approved: 'success', rejected: 'default' };
/** The status tab in the URL; without one the page opens on 待审批 (what waits on the approver). */
const FILTERS = { status: oneOf([...adjustmentRequestStatuses, 'all'] as const) };

/** 调整审批: adjustments above the threshold wait here; an approver other than the requester books or rejects them. */
export function AdjustmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, user } = useSession();
  const { filters, setFilters } = useUrlFilters(FILTERS);
  const tab = filters.status || 'pending';
  const [note, setNote] = useState('');
  const list = useAdjustmentRequests(tab === 'all' ? '' : tab);
  const decide = useDecideAdjustment();
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
      <FilteredList
        list={list}
        actionError={decide.error}
        testId="adjustment-requests"
        filters={<Segmented value={tab} onChange={(v) => setFilters({ status: v === 'pending' ? '' : v })} options={[...adjustmentRequestStatuses.map((s) => ({ value: s, label: t(`inventory.adjust.status.${s}`) })), { value: 'all', label: t('inventory.adjust.all') }]} />}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.adjust.empty')} />}
        columns={[
          { title: t('inventory.adjust.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
          productColumn<AdjustmentRequest>(t('inventory.product')),
          { title: t('inventory.warehouse'), dataIndex: 'warehouseCode' },
          { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (v: number, r) => <SignedQty qty={v} unit={r.unit} /> },
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
    </>
  );
}
