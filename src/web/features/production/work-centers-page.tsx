import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Space, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { useCenterDown, useCenterUp, useCreateWorkCenter, useUpdateWorkCenter, useWorkCenters, type EquipmentChange, type WorkCenter, type WorkCenterInput } from './api.ts';
import { ProductionNav } from './production-nav.tsx';
import { CenterStateTag } from './status-tags.tsx';

/** 工作中心: working hours (shift start, hours per day on the company calendar's working days), equipment down (with reason and expected repair) and back up. */
export function WorkCentersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const centers = useWorkCenters();
  const up = useCenterUp();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<WorkCenter | null>(null);
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
            { title: t('production.centers.shift'), key: 'shift', render: (_: unknown, c) => <span className="gd-num">{`${c.shiftStart}–${c.shiftEnd}`}</span> },
            { title: t('common.status'), dataIndex: 'state', render: (v: WorkCenter['state']) => <CenterStateTag status={v} /> },
            { title: t('production.centers.downInfo'), key: 'down', render: (_: unknown, c) => (c.state === 'down' ? `${c.downReason ?? ''} · ${t('production.centers.expectedUp')} ${c.expectedUpAt ? formatDateTime(c.expectedUpAt) : t('production.centers.unknown')}` : '—') },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, c: WorkCenter) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(c)} data-testid={`edit-${c.code}`}>
                          {t('common.edit')}
                        </Button>
                        {c.state === 'up' ? (
                          <Button size="small" danger onClick={() => setDownFor(c)} data-testid={`down-${c.code}`}>
                            {t('production.centers.setDown')}
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => void bringUp(c)} loading={up.isPending} data-testid={`up-${c.code}`}>
                            {t('production.centers.setUp')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding && <CenterModal onClose={() => setAdding(false)} />}
      {editing && <CenterModal center={editing} onClose={() => setEditing(null)} />}
      {downFor && <DownModal center={downFor} onClose={() => setDownFor(null)} onDone={(r) => (setDownFor(null), setImpact(r))} />}
      {impact && <ImpactModal change={impact} onClose={() => setImpact(null)} />}
    </>
  );
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** When a shift of `hours` from `start` (HH:mm) ends, or null when the input is not complete. */
function shiftEnd(start: unknown, hours: unknown): string | null {
  if (typeof start !== 'string' || !HHMM.test(start) || typeof hours !== 'number') return null;
  const end = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + Math.round(hours * 60);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** New work center, or (with `center`) its name and working hours; new hours re-plan what is open. */
function CenterModal({ center, onClose }: { center?: WorkCenter; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WorkCenterInput>();
  const create = useCreateWorkCenter();
  const update = useUpdateWorkCenter();
  const [error, setError] = useState<unknown>(null);
  const end = shiftEnd(Form.useWatch('shiftStart', form), Form.useWatch('capacityHoursPerDay', form));
  const submit = async (v: WorkCenterInput) => {
    setError(null);
    try {
      if (center) await update.mutateAsync({ id: center.id, name: v.name.trim(), capacityHoursPerDay: v.capacityHoursPerDay, shiftStart: v.shiftStart, version: center.version });
      else await create.mutateAsync({ ...v, code: v.code.trim(), name: v.name.trim() });
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['code', 'name', 'capacityHoursPerDay', 'shiftStart'], { CODE_TAKEN: 'code' })) setError(err);
    }
  };
  return (
    <Modal
      open
      title={center ? t('production.centers.editTitle', { code: center.code }) : t('production.centers.create')}
      okText={center ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'center-ok' } as ButtonProps}
    >
      <Form<WorkCenterInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={center ? { code: center.code, name: center.name, capacityHoursPerDay: center.capacityHoursPerDay, shiftStart: center.shiftStart } : { capacityHoursPerDay: 8, shiftStart: '08:00' }}>
        <Form.Item name="code" label={t('production.centers.code')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.centers.code') }) }]}>
          <Input maxLength={32} className="gd-mono" disabled={!!center} />
        </Form.Item>
        <Form.Item name="name" label={t('production.centers.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.centers.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="shiftStart" label={t('production.centers.shiftStart')} style={{ flex: 1 }} rules={[{ required: true, pattern: HHMM, message: t('production.centers.shiftStartFormat') }]}>
            <Input placeholder="08:00" className="gd-num" data-testid="center-shift-start" />
          </Form.Item>
          <Form.Item name="capacityHoursPerDay" label={t('production.centers.capacity')} style={{ flex: 1, marginLeft: 12 }} rules={[{ required: true, message: t('validation.required', { field: t('production.centers.capacity') }) }]}>
            <InputNumber min={0} max={24} step={0.5} style={{ width: '100%' }} suffix={t('production.centers.hours')} data-testid="center-hours" />
          </Form.Item>
        </Space.Compact>
        <Typography.Paragraph type={end && end > '24:00' ? 'danger' : 'secondary'} data-testid="center-shift-end">
          {end ? t(end > '24:00' ? 'production.centers.shiftPastMidnight' : 'production.centers.shiftEnds', { end }) : t('production.centers.capacityHelp')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('production.centers.calendarHelp')}</Typography.Paragraph>
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
