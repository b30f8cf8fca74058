import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatQty } from '../../lib/format.ts';
import { usePackages, useSavePackages, type Shipment } from './api.ts';
import { serverFieldErrors } from './server-fields.ts';

interface Row {
  no: number;
  weightKg?: number | null;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
  qty: Record<string, number | null>;
}
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * 装箱: packages with weight and size, and which quantities of each line go in which box.
 * Once packing starts, dispatch needs every line packed exactly (the server checks).
 */
export function PackagesDrawer({ shipment: s, onClose }: { shipment: Shipment; onClose: () => void }) {
  const { t } = useTranslation();
  const q = usePackages(s.id);
  const save = useSavePackages(s.id);
  const [form] = Form.useForm<{ packages: Row[] }>();
  const [error, setError] = useState<unknown>(null);
  const editable = s.status === 'draft';
  useEffect(() => {
    if (!q.data) return;
    form.setFieldsValue({ packages: q.data.packages.map((p) => ({ no: p.no, weightKg: p.weightKg, lengthCm: p.lengthCm, widthCm: p.widthCm, heightCm: p.heightCm, qty: Object.fromEntries(p.lines.map((l) => [l.orderLineId, l.qty])) })) });
  }, [q.data, form]);
  const rows = (Form.useWatch('packages', form) ?? []) as Row[];
  const packed = (lineId: string) => round3(rows.reduce((n, r) => n + Number(r?.qty?.[lineId] ?? 0), 0));
  const addPackage = () => {
    const no = rows.reduce((m, r) => Math.max(m, Number(r?.no ?? 0)), 0) + 1;
    form.setFieldValue('packages', [...rows, { no, weightKg: null, qty: Object.fromEntries(s.lines.map((l) => [l.orderLineId, Math.max(0, round3(l.qty - packed(l.orderLineId))) || null])) }]);
  };
  const submit = async (v: { packages?: Row[] }) => {
    setError(null);
    const body = (v.packages ?? []).map((p) => ({
      no: Number(p.no),
      weightKg: Number(p.weightKg),
      lengthCm: p.lengthCm ?? null,
      widthCm: p.widthCm ?? null,
      heightCm: p.heightCm ?? null,
      lines: Object.entries(p.qty ?? {}).filter(([, n]) => Number(n) > 0).map(([orderLineId, n]) => ({ orderLineId, qty: Number(n) })),
    }));
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(err).flatMap((e) => {
        const m = /^(\d+)\.(no|weightKg|lengthCm|widthCm|heightCm)$/.exec(e.path);
        if (m) return [{ name: ['packages', Number(m[1]), m[2]], errors: [e.text] }];
        const l = /^(\d+)\.lines\.(\d+)\.qty$/.exec(e.path);
        if (l) return [{ name: ['packages', Number(l[1]), 'qty', body[Number(l[1])]?.lines[Number(l[2])]?.orderLineId ?? ''], errors: [e.text] }];
        return [];
      });
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setError(err);
    }
  };
  const weight = round3(rows.reduce((n, r) => n + Number(r?.weightKg ?? 0), 0));
  const num = (min: number, step: number, suffix: string, label: string) => <InputNumber min={min} step={step} suffix={suffix} style={{ width: '100%' }} aria-label={label} />;

  return (
    <Drawer
      open
      title={t('shipping.packing.title', { number: s.number })}
      size="large"
      onClose={onClose}
      extra={
        editable && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="save-packages">
            {t('common.save')}
          </Button>
        )
      }
    >
      {q.isPending && <Spin />}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {!editable && <Alert type="info" showIcon title={t('shipping.packing.readOnly')} style={{ marginBottom: 12 }} />}
      <div className="gd-ship-pack-summary" data-testid="packing-summary">
        {s.lines.map((l) => {
          const p = packed(l.orderLineId);
          return (
            <div key={l.id}>
              <span className="gd-mono">{l.sku}</span> {l.name}
              <Tag color={p === l.qty ? 'success' : p > l.qty ? 'error' : 'warning'} style={{ marginInlineStart: 8 }}>
                {t('shipping.packing.packedOf', { packed: formatQty(p, l.unit), qty: formatQty(l.qty, l.unit) })}
              </Tag>
            </div>
          );
        })}
        <Typography.Text type="secondary">{t('shipping.packing.total', { count: rows.length, weight: formatQty(weight, 'kg') })}</Typography.Text>
      </div>
      <Form form={form} layout="vertical" onFinish={submit} disabled={!editable || save.isPending}>
        <Form.List name="packages">
          {(fields, { remove }) => (
            <div className="gd-stack">
              {fields.map((f) => (
                <div key={f.key} className="gd-ship-package" data-testid="package-row">
                  <div className="gd-ship-package-head">
                    <Form.Item name={[f.name, 'no']} label={t('shipping.packing.no')} rules={[{ required: true, message: t('validation.required', { field: t('shipping.packing.no') }) }]} style={{ width: 100 }}>
                      <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    {editable && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />}
                  </div>
                  <div className="gd-ship-grid">
                    <Form.Item name={[f.name, 'weightKg']} label={t('shipping.packing.weight')} rules={[{ required: true, message: t('validation.required', { field: t('shipping.packing.weight') }) }]}>
                      {num(0.001, 0.5, 'kg', t('shipping.packing.weight'))}
                    </Form.Item>
                    <Form.Item label={t('shipping.packing.size')}>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name={[f.name, 'lengthCm']} noStyle>{num(0.1, 1, 'cm', t('shipping.packing.length'))}</Form.Item>
                        <Form.Item name={[f.name, 'widthCm']} noStyle>{num(0.1, 1, 'cm', t('shipping.packing.width'))}</Form.Item>
                        <Form.Item name={[f.name, 'heightCm']} noStyle>{num(0.1, 1, 'cm', t('shipping.packing.height'))}</Form.Item>
                      </Space.Compact>
                    </Form.Item>
                  </div>
                  <div className="gd-ship-grid">
                    {s.lines.map((l) => (
                      <Form.Item key={l.id} name={[f.name, 'qty', l.orderLineId]} label={`${l.sku} ${l.name}`}>
                        {num(0, 1, l.unit, l.sku)}
                      </Form.Item>
                    ))}
                  </div>
                </div>
              ))}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={addPackage} block data-testid="add-package">
                  {t('shipping.packing.add')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form>
      {error ? <ErrorAlert error={error} style={{ marginTop: 12 }} /> : null}
    </Drawer>
  );
}
