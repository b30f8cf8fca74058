import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { useCenterDown, useCenterUp, useCreateWorkCenter, useWorkCenters, type EquipmentChange, type WorkCenter, type WorkCenterInput } from './api.ts';
import { ProductionNav } from './production-nav.tsx';
import { CenterStateTag } from './status-tags.tsx';

/** 工作中心: capacity per day, equipment down (with reason and expected repair) and back up. */
export function WorkCentersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const centers = useWorkCenters();
  const up = useCenterUp();
  const [adding, setAdding] = useState(false);
  const [downFor, setDownFor] = useState<WorkCenter | null>(null);
  const [impact, setImpact] = useState<EquipmentChange | null>(null);
  const writable = can('production:write');
  const bringUp = async (c: WorkCenter) => {
    try {
      setImpact(await up.mutateAsync(c.id));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <PageHeader
        title={t('production.centers.title')}
        subtitle={t('production.centers.subtitle')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="create-center">
              {t('production.centers.create')}
            </Button>
          )
        }
      />
      <ProductionNav />
      <Card size="small">
        {centers.error && <ErrorAlert error={centers.error} />}
        <Table<WorkCenter>
          size="small"
          rowKey="id"
          dataSource={centers.data}
          loading={centers.isPending}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.centers.empty')} /> }}
          columns={[
            { title: t('production.centers.code'), dataIndex: 'code', render: (v: string) => <span className="gd-mono">{v}</span> },
            { title: t('production.centers.name'), dataIndex: 'name' },
            { title: t('production.centers.capacity'), dataIndex: 'capacityHoursPerDay', align: 'right', render: (v: number) => t('production.centers.hoursPerDay', { hours: v }) },
            { title: t('common.status'), dataIndex: 'state', render: (v: WorkCenter['state']) => <CenterStateTag status={v} /> },
            { title: t('production.centers.downInfo'), key: 'down', render: (_: unknown, c) => (c.state === 'down' ? `${c.downReason ?? ''} · ${t('production.centers.expectedUp')} ${c.expectedUpAt ? formatDateTime(c.expectedUpAt) : t('production.centers.unknown')}` : '—') },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, c: WorkCenter) =>
                      c.state === 'up' ? (
                        <Button size="small" danger onClick={() => setDownFor(c)} data-testid={`down-${c.code}`}>
                          {t('production.centers.setDown')}
                        </Button>
                      ) : (
                        <Button size="small" onClick={() => void bringUp(c)} loading={up.isPending} data-testid={`up-${c.code}`}>
                          {t('production.centers.setUp')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding && <CenterModal onClose={() => setAdding(false)} />}
      {downFor && <DownModal center={downFor} onClose={() => setDownFor(null)} onDone={(r) => (setDownFor(null), setImpact(r))} />}
      {impact && <ImpactModal change={impact} onClose={() => setImpact(null)} />}
    </>
  );
}

function CenterModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WorkCenterInput>();
  const create = useCreateWorkCenter();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: WorkCenterInput) => {
    setError(null);
    try {
      await create.mutateAsync({ ...v, code: v.code.trim(), name: v.name.trim() });
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['code', 'name', 'capacityHoursPerDay'], { CODE_TAKEN: 'code' })) setError(err);
    }
  };
  return (
    <Modal open title={t('production.centers.create')} okText={t('common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'center-ok' } as ButtonProps}>
      <Form<WorkCenterInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ capacityHoursPerDay: 8 }}>
        <Form.Item name="code" label={t('production.centers.code')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.centers.code') }) }]}>
          <Input maxLength={32} className="gd-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('production.centers.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.centers.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="capacityHoursPerDay" label={t('production.centers.capacity')} extra={t('production.centers.capacityHelp')}>
          <InputNumber min={0} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}

function DownModal({ center, onClose, onDone }: { center: WorkCenter; onClose: () => void; onDone: (r: EquipmentChange) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; expectedUpAt?: { toISOString: () => string } | null }>();
  const down = useCenterDown();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { reason: string; expectedUpAt?: { toISOString: () => string } | null }) => {
    setError(null);
    try {
      onDone(await down.mutateAsync({ id: center.id, reason: v.reason.trim(), expectedUpAt: v.expectedUpAt ? v.expectedUpAt.toISOString() : null }));
    } catch (err) {
      if (!applyServerErrors(form, err, ['reason', 'expectedUpAt'])) setError(err);
    }
  };
  return (
    <Modal open title={t('production.centers.downTitle', { code: center.code })} okText={t('production.centers.setDown')} okButtonProps={{ danger: true, 'data-testid': 'down-ok' } as ButtonProps} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={down.isPending}>
      <Typography.Paragraph type="secondary">{t('production.centers.downHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('production.centers.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.centers.reason') }) }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="down-reason" />
        </Form.Item>
        <Form.Item name="expectedUpAt" label={t('production.centers.expectedUp')} extra={t('production.centers.expectedUpHelp')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}

/** What going down (or up) did: the work orders on the center and the orders now missing their promise. */
function ImpactModal({ change, onClose }: { change: EquipmentChange; onClose: () => void }) {
  const { t } = useTranslation();
  const down = change.workCenter.state === 'down';
  return (
    <Modal open title={t(down ? 'production.centers.impactDown' : 'production.centers.impactUp', { code: change.workCenter.code })} footer={<Button onClick={onClose}>{t('common.close')}</Button>} onCancel={onClose}>
      <Typography.Paragraph>{t('production.centers.affectedWorkOrders', { count: change.affectedWorkOrders.length })}</Typography.Paragraph>
      {change.affectedOrders.length === 0 ? (
        <Typography.Text type="secondary">{t(down ? 'production.centers.noOrdersAtRisk' : 'production.centers.noOrdersRecovered')}</Typography.Text>
      ) : (
        change.affectedOrders.map((o) => (
          <div key={o.orderId} className="gd-affected-order" data-testid="affected-order" style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '6px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <Link to={`/orders/${o.orderId}`}>{o.number ?? o.orderId}</Link>
            <span>
              {t('production.promised')} {o.promisedDate} · {t('production.plannedFinish')} <Typography.Text type={o.atRisk ? 'danger' : undefined}>{o.plannedCompletion ? formatDateTime(o.plannedCompletion) : t('production.notPlanned')}</Typography.Text>
            </span>
          </div>
        ))
      )}
    </Modal>
  );
}
