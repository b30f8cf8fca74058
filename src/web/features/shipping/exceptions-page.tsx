import './shipping.css';
import { Button, Card, Empty, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { exceptionTypes } from '../../../contracts/exceptions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useExceptions, type ExceptionFilters, type ShippingException } from './api.ts';
import { ResolveModal } from './resolve-modal.tsx';
import { ExceptionStateTag, ExceptionTypeTag } from './shipment-tags.tsx';
import { ShippingNav } from './shipping-nav.tsx';

/** What the system recorded about the exception, in a line (shipment, ETA vs promised date, where, the customer's words). */
function useDetailText() {
  const { t } = useTranslation();
  return (e: ShippingException) => {
    const d = e.details as Record<string, string | null | undefined>;
    const parts = [
      d.eta && d.promisedDate ? t('shipping.exceptions.lateBy', { eta: d.eta, promised: d.promisedDate }) : null,
      d.location ?? null,
      d.description ?? null,
      d.comment ? t('shipping.exceptions.customerSaid', { text: d.comment }) : null,
    ].filter(Boolean);
    return parts.join(t('common.listSep'));
  };
}

type DialogMode = 'resolve' | 'note' | 'assign' | 'notify';

function Where({ e }: { e: ShippingException }) {
  const { t } = useTranslation();
  return (
    <span className="gd-ship-where">
      <Link to={`/orders/${e.orderId}`} className="gd-mono gd-ship-small">
        {e.orderNumber ?? t('common.none')}
      </Link>
      {e.entityType === 'shipment' && (
        <Link to={`/shipping/${e.entityId}`} className="gd-mono gd-ship-small">
          {String((e.details as { shipment?: string }).shipment ?? t('shipping.exceptions.shipment'))}
        </Link>
      )}
    </span>
  );
}

/** Open: how long until it is due, or how long overdue; resolved: when. */
function Due({ e }: { e: ShippingException }) {
  const { t } = useTranslation();
  const late = e.state === 'open' && Date.parse(e.dueAt) < Date.now();
  return (
    <Tooltip title={formatDateTime(e.dueAt)}>
      <Typography.Text type={late ? 'danger' : undefined} data-testid="exception-due">
        {e.state === 'open' ? (late ? t('shipping.exceptions.overdue', { when: formatRelative(e.dueAt, currentLanguage()) }) : formatRelative(e.dueAt, currentLanguage())) : formatDateTime(e.resolvedAt)}
      </Typography.Text>
    </Tooltip>
  );
}

function Actions({ e, onOpen }: { e: ShippingException; onOpen: (mode: DialogMode) => void }) {
  const { t } = useTranslation();
  if (e.state !== 'open') return null;
  return (
    <Space size={4} wrap>
      <Button size="small" type="primary" onClick={() => onOpen('resolve')} data-testid="resolve">
        {t('shipping.exceptions.resolve')}
      </Button>
      <Button size="small" onClick={() => onOpen('note')}>
        {t('shipping.exceptions.addNote')}
      </Button>
      <Button size="small" onClick={() => onOpen('assign')} data-testid="assign">
        {t('shipping.exceptions.assign')}
      </Button>
      {e.entityType === 'shipment' && (
        <Button size="small" onClick={() => onOpen('notify')} data-testid="notify-customer">
          {t('shipping.exceptions.notify')}
        </Button>
      )}
    </Space>
  );
}

/** 异常: delivery exceptions with owner and due time, most urgent first; resolve with how it ended, or add a note. */
export function ExceptionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') === 'resolved' ? 'resolved' : params.get('state') === 'all' ? '' : 'open';
  const typeParam = params.get('type') ?? '';
  const type = (exceptionTypes as readonly string[]).includes(typeParam) ? (typeParam as ShippingException['type']) : '';
  const filters: ExceptionFilters = { state, type };
  const q = useExceptions(filters);
  const focus = params.get('focus');
  const detailText = useDetailText();
  const [dialog, setDialog] = useState<{ e: ShippingException; mode: DialogMode } | null>(null);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('focus');
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<ShippingException> = [
    {
      title: t('shipping.exceptions.what'),
      key: 'type',
      render: (_, e) => (
        <div className="gd-user-cell gd-ship-exc-cell">
          <span>
            <ExceptionTypeTag status={e.type} /> <span className="gd-only-mobile"><ExceptionStateTag status={e.state} /></span>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {detailText(e) || t('common.none')}
          </Typography.Text>
          {e.notes.length > 0 && (
            <ul className="gd-ship-notes">
              {e.notes.map((n, i) => (
                <li key={i}>
                  <Typography.Text type="secondary">{`${formatDateTime(n.at)} ${n.by}${t('common.colon')}`}</Typography.Text>
                  {n.text}
                </li>
              ))}
            </ul>
          )}
          <span className="gd-only-mobile gd-ship-exc-mobile">
            <Where e={e} />
            <span>
              {e.ownerName ?? t('common.none')} · <Due e={e} />
            </span>
            <Actions e={e} onOpen={(mode) => setDialog({ e, mode })} />
          </span>
        </div>
      ),
    },
    { title: t('shipping.exceptions.where'), key: 'order', responsive: ['md'], render: (_, e) => <Where e={e} /> },
    { title: t('shipping.exceptions.owner'), dataIndex: 'ownerName', responsive: ['md'], render: (v: string | null) => v ?? t('common.none') },
    { title: t('shipping.exceptions.due'), dataIndex: 'dueAt', responsive: ['md'], render: (_: string, e) => <Due e={e} /> },
    { title: t('common.status'), dataIndex: 'state', responsive: ['md'], render: (v: ShippingException['state'], e) => <Space size={4} wrap><ExceptionStateTag status={v} />{e.resolution && <span>{t(`shipping.exceptions.resolution.${e.resolution}`)}</span>}</Space> },
    { title: t('common.actions'), key: 'actions', responsive: ['md'], render: (_, e) => <Actions e={e} onOpen={(mode) => setDialog({ e, mode })} /> },
  ];

  return (
    <>
      <PageHeader title={t('shipping.exceptions.title')} subtitle={t('shipping.exceptions.subtitle')} />
      <ShippingNav />
      <Card size="small">
        <Tabs
          activeKey={state || 'all'}
          onChange={(k) => set('state', k === 'open' ? '' : k)}
          items={[
            { key: 'open', label: t('shipping.exceptions.state.open') },
            { key: 'resolved', label: t('shipping.exceptions.state.resolved') },
            { key: 'all', label: t('common.all') },
          ]}
          size="small"
        />
        <div className="gd-filter-bar">
          <Select value={type || undefined} onChange={(v?: string) => set('type', v ?? '')} allowClear placeholder={t('shipping.exceptions.typeFilter')} options={exceptionTypes.map((x) => ({ value: x, label: t(`shipping.exceptions.type.${x}`) }))} style={{ width: 200 }} />
        </div>
        {q.error && <ErrorAlert error={q.error} style={{ marginBottom: 12 }} />}
        <Table<ShippingException>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={q.data ?? []}
          loading={q.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          rowClassName={(e) => (e.id === focus ? 'gd-ship-focus' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={state === 'open' ? t('shipping.exceptions.emptyOpen') : t('shipping.exceptions.empty')} /> }}
          data-testid="exception-table"
        />
      </Card>
      {dialog && <ResolveModal exception={dialog.e} mode={dialog.mode} onClose={() => setDialog(null)} />}
    </>
  );
}
