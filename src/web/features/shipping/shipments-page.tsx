import './shipping.css';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { carrierKeys, shipmentStatuses } from '../../../contracts/shipping.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportButton } from '../../components/list-page/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { dayjs } from '../../lib/date-field.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { isoDate, oneOf, text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { CustomerSelect } from '../customers/customer-select.tsx';
import { exportShipments, useExceptions, useShipments, type Shipment, type ShipmentStatus, type ShippingException } from './api.ts';
import { useCarrierName } from './carrier-name.ts';
import { EtaCell, ExceptionMarkers } from './shipment-markers.tsx';
import { ShipmentStatusTag } from './shipment-tags.tsx';
import { ShippingNav } from './shipping-nav.tsx';

/**
 * 发货单: status tabs, customer, carrier, a search (shipment, tracking, order number, recipient)
 * and a dispatch-day range, all in the URL and all applied by the server; the export is the
 * same filters as .xlsx.
 */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const carrierName = useCarrierName();
  const { filters: raw, setFilters: set, clear } = useUrlFilters({ status: oneOf(shipmentStatuses), q: text, customerId: text, carrier: text, from: isoDate, to: isoDate });
  const { status, customerId, carrier, from, to } = raw;
  const q = raw.q.trim();
  const filters = { status, q, customerId, carrier, from, to };
  const list = useShipments(filters);
  const exceptions = useExceptions({ state: 'open', type: '' }, can('orders:read'));
  const openByShipment = useMemo(() => {
    const m = new Map<string, ShippingException[]>();
    for (const e of exceptions.data ?? []) if (e.entityType === 'shipment') m.set(e.entityId, [...(m.get(e.entityId) ?? []), e]);
    return m;
  }, [exceptions.data]);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = !!(q || customerId || carrier || from || to || status);
  const writable = can('shipping:write');
  const runExport = () => exportShipments(filters, t('shipping.exportFile', { date: formatDate(new Date().toISOString()) }));

  const columns: ColumnsType<Shipment> = [
    {
      title: t('shipping.number'),
      key: 'number',
      width: 190,
            render: (_, s) => (
        <div className="gd-user-cell">
          <Link to={`/shipping/${s.id}`} className="gd-mono" data-testid="shipment-link">
            {s.number}
          </Link>
          <span className="gd-only-mobile">
            <Typography.Text type="secondary">{s.customerName ?? t('common.none')}</Typography.Text> <ShipmentStatusTag status={s.status} />
            {s.trackingNumber && (
              <span className="gd-ship-mobile-line">
                {carrierName(s.carrier)} <span className="gd-mono">{s.trackingNumber}</span>
              </span>
            )}
            {s.eta && (
              <span className="gd-ship-mobile-line">
                {t('shipping.eta')}
                {t('common.colon')}
                <EtaCell s={s} />
              </span>
            )}
            <ExceptionMarkers items={openByShipment.get(s.id)} status={s.status} />
          </span>
        </div>
      ),
    },
    { title: t('shipping.order'), dataIndex: 'orderNumber', width: 160, responsive: ['md'], render: (v: string | null, s) => <Link to={`/orders/${s.orderId}`} className="gd-mono gd-ship-small">{v ?? t('common.none')}</Link> },
    { title: t('shipping.customer'), dataIndex: 'customerName', width: 180, ellipsis: true, responsive: ['md'], render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 130,
      responsive: ['sm'],
      render: (v: ShipmentStatus, s) => (
        <Space size={4} wrap>
          <ShipmentStatusTag status={v} />
          <ExceptionMarkers items={openByShipment.get(s.id)} status={s.status} />
        </Space>
      ),
    },
    {
      title: t('shipping.tracking'),
      key: 'tracking',
      width: 180,
      responsive: ['sm'],
      render: (_, s) => (s.trackingNumber ? <div className="gd-user-cell"><span>{carrierName(s.carrier)}</span><span className="gd-mono" data-testid="tracking-number">{s.trackingNumber}</span></div> : t('common.none')),
    },
    { title: t('shipping.eta'), dataIndex: 'eta', width: 150, responsive: ['sm'], render: (_, s) => <EtaCell s={s} /> },
    { title: t('shipping.lineCount'), key: 'lines', width: 70, align: 'right', responsive: ['xxl'], render: (_, s) => s.lines.length },
    { title: t('shipping.dispatchedAt'), dataIndex: 'dispatchedAt', width: 140, responsive: ['xxl'], render: (v: string | null) => formatDateTime(v) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 110, responsive: ['xxl'], render: (v: string) => formatDate(v) },
  ];

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipping.emptyFiltered')}>
      <Button onClick={clear}>{t('common.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={writable ? t('shipping.empty') : t('shipping.emptyReadOnly')}>
      {writable && (
        <Link to="/orders?status=confirmed">
          <Button type="primary">{t('shipping.pickOrders')}</Button>
        </Link>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('shipping.title')}
        subtitle={t('shipping.subtitle')}
        extra={
          <>
            <ExportButton run={runExport} label={t('shipping.export')} disabled={!rows.length} testId="export-shipments" />
            {writable && (
              <Link to="/shipping/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-shipment">
                  {t('shipping.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <ShippingNav />
      <Card size="small">
        <Tabs
          activeKey={status || 'all'}
          onChange={(k) => set({ status: k === 'all' ? '' : k })}
          items={[{ key: 'all', label: t('common.all') }, ...shipmentStatuses.map((s) => ({ key: s, label: t(`shipping.status.${s}`) }))]}
          size="small"
        />
        <div className="gd-filter-bar">
          <Input.Search key={q} defaultValue={q} placeholder={t('shipping.searchPlaceholder')} allowClear onSearch={(v) => set({ q: v.trim() })} style={{ width: 260, maxWidth: '100%' }} data-testid="shipment-search" />
          <div style={{ width: 220, maxWidth: '100%' }}>
            <CustomerSelect value={customerId || undefined} onChange={(v) => set({ customerId: v })} allowClear placeholder={t('shipping.customerFilter')} />
          </div>
          <Select value={carrier || undefined} onChange={(v?: string) => set({ carrier: v ?? '' })} placeholder={t('shipping.carrierFilter')} allowClear options={carrierKeys.map((c) => ({ value: c, label: carrierName(c) }))} style={{ width: 150 }} />
          <DatePicker.RangePicker
            value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
            placeholder={[t('shipping.dateFrom'), t('shipping.dateTo')]}
            allowEmpty={[true, true]}
            style={{ width: 250, maxWidth: '100%' }}
          />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<Shipment>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({ onDoubleClick: () => void navigate(`/shipping/${s.id}`) })}
          locale={{ emptyText: empty }}
          data-testid="shipment-table"
        />
        <div className="gd-table-foot">
          <span>{t('shipping.count', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="shipments-more">
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
