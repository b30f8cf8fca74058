import '../inventory.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Popconfirm, Space, Spin, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime, formatQty } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { useCancelCount, usePostCount, useRecordCounts, useStockCount, type StockCountLine } from './api.ts';
import { productColumn } from '../stock-list-parts.tsx';
import { CountStatusTag } from './count-status-tag.tsx';

type Below = { lineId: string; sku: string; counted: number; reserved: number };

/**
 * One count: enter counted quantities (big inputs for a tablet in the aisle), save, post.
 * After posting each line shows the book quantity at opening, on hand at posting, the count
 * and the adjustment booked (counted − on hand at posting).
 */
export function StockCountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const { id = '' } = useParams();
  const q = useStockCount(id);
  const record = useRecordCounts();
  const post = usePostCount();
  const cancel = useCancelCount();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [search, setSearch] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(false);
  const c = q.data;
  const open = !!c && (c.status === 'draft' || c.status === 'counting') && can('inventory:write');
  const dirty = Object.keys(draft).length;
  const below: Below[] = post.error instanceof ApiError && post.error.code === 'INSUFFICIENT_STOCK' && Array.isArray(post.error.details) ? (post.error.details as Below[]) : [];
  const belowIds = new Set(below.map((b) => b.lineId));
  const valueOf = (l: StockCountLine) => (l.id in draft ? draft[l.id] : l.countedQty);
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return (c?.lines ?? []).filter((l) => (!s || l.sku.toLowerCase().includes(s) || l.productName.toLowerCase().includes(s)) && (!onlyOpen || l.countedQty === null));
  }, [c, search, onlyOpen]);

  if (q.isPending) return <Spin />;
  if (q.error || !c) return <ErrorAlert error={q.error} />;

  const save = async () => {
    await record.mutateAsync({ id: c.id, lines: Object.entries(draft).map(([lineId, countedQty]) => ({ lineId, countedQty })) });
    setDraft({});
    void message.success(t('inventory.counts.saved'));
  };
  const doPost = async () => {
    const r = await post.mutateAsync(c.id);
    void message.success(t('inventory.counts.posted', { count: r.lines.filter((l) => l.movementId).length }));
  };
  const doCancel = async () => {
    await cancel.mutateAsync(c.id);
    void message.success(t('inventory.counts.cancelled'));
  };
  const posted = c.status === 'posted';

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/inventory/counts" aria-label={t('inventory.counts.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span className="gd-mono">{c.number}</span>
            <CountStatusTag status={c.status} />
          </Space>
        }
        subtitle={`${c.warehouseCode} · ${t('inventory.counts.summary', { counted: c.countedCount, total: c.lineCount })}${c.note ? ` · ${c.note}` : ''}${c.postedAt ? ` · ${t('inventory.counts.postedAt')} ${formatDateTime(c.postedAt)}` : ''}`}
        extra={
          open && (
            <Space wrap>
              <Popconfirm title={t('inventory.counts.cancelConfirm')} onConfirm={() => void doCancel().catch(() => {})}>
                <Button danger loading={cancel.isPending}>{t('inventory.counts.cancel')}</Button>
              </Popconfirm>
              <Button size="large" onClick={() => void save().catch(() => {})} disabled={!dirty} loading={record.isPending} data-testid="save-counts">
                {dirty ? `${t('inventory.counts.save')}（${t('inventory.counts.unsaved', { count: dirty })}）` : t('inventory.counts.save')}
              </Button>
              <Popconfirm title={t('inventory.counts.postConfirm')} onConfirm={() => void doPost().catch(() => {})} disabled={dirty > 0 || c.countedCount === 0}>
                <Button size="large" type="primary" disabled={dirty > 0 || c.countedCount === 0} loading={post.isPending} title={dirty ? t('inventory.counts.postNeedsSave') : undefined} data-testid="post-count">
                  {t('inventory.counts.post')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      />
      {[record.error, cancel.error, post.error].map((e, i) => e && <ErrorAlert key={i} error={e} style={{ marginBottom: 12 }} />)}
      {below.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={below.map((b) => t('inventory.counts.belowReserved', { sku: b.sku, counted: b.counted, reserved: b.reserved })).join('；')} data-testid="below-reserved" />
      )}
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search placeholder={t('inventory.counts.search')} allowClear onChange={(e) => setSearch(e.target.value)} style={{ width: 260, maxWidth: '100%' }} size="large" />
          {!posted && (
            <Space>
              <Switch checked={onlyOpen} onChange={setOnlyOpen} />
              {t('inventory.counts.onlyOpen')}
            </Space>
          )}
        </div>
        <Table<StockCountLine>
          rowKey="id"
          dataSource={rows}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          data-testid="count-lines"
          rowClassName={(l) => (belowIds.has(l.id) ? 'gd-row-error' : '')}
          columns={[
            productColumn<StockCountLine>(t('inventory.product')),
            { title: <span title={t('inventory.counts.snapshotHelp')}>{t('inventory.counts.snapshot')}</span>, dataIndex: 'snapshotQty', align: 'right', render: (v: number, l) => <span className="gd-num">{formatQty(v, l.unit)}</span> },
            {
              title: t('inventory.counts.counted'),
              key: 'counted',
              align: 'right',
              render: (_, l) =>
                open ? (
                  <InputNumber
                    size="large"
                    min={0}
                    precision={l.unitDecimals}
                    value={valueOf(l)}
                    onChange={(v) => setDraft((d) => ({ ...d, [l.id]: v }))}
                    status={belowIds.has(l.id) ? 'error' : undefined}
                    style={{ width: 140 }}
                    inputMode="decimal"
                    aria-label={`${t('inventory.counts.counted')} ${l.sku}`}
                    data-testid={`counted-${l.sku}`}
                  />
                ) : l.countedQty === null ? (
                  <Typography.Text type="secondary">{t('inventory.counts.notCounted')}</Typography.Text>
                ) : (
                  <span className="gd-num">{formatQty(l.countedQty, l.unit)}</span>
                ),
            },
            ...(posted
              ? [
                  { title: t('inventory.counts.postedOnHand'), key: 'postedOnHand', align: 'right' as const, render: (_: unknown, l: StockCountLine) => (l.postedOnHand === null ? t('common.none') : <span className="gd-num" title={l.postedOnHand !== l.snapshotQty ? t('inventory.counts.movedSince', { snapshot: formatQty(l.snapshotQty, l.unit), current: formatQty(l.postedOnHand, l.unit) }) : undefined}>{formatQty(l.postedOnHand, l.unit)}{l.postedOnHand !== l.snapshotQty ? ' *' : ''}</span>) },
                  { title: t('inventory.counts.postedVariance'), key: 'postedVariance', align: 'right' as const, render: (_: unknown, l: StockCountLine) => <Variance v={l.postedVariance} unit={l.unit} /> },
                ]
              : [{ title: t('inventory.counts.diff'), key: 'diff', align: 'right' as const, render: (_: unknown, l: StockCountLine) => { const v = valueOf(l); return <Variance v={v === null || v === undefined ? null : Math.round((v - l.snapshotQty) * 1000) / 1000} unit={l.unit} />; } }]),
          ]}
        />
      </Card>
    </>
  );
}

function Variance({ v, unit }: { v: number | null; unit: string }) {
  const { t } = useTranslation();
  if (v === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : 'secondary'} className="gd-num">{`${v > 0 ? '+' : ''}${formatQty(v, unit)}`}</Typography.Text>;
}
