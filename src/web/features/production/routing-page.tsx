import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Routing, RoutingPut } from '../../../contracts/production.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api } from '../../lib/api.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { useSession } from '../auth/session.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { productionKeys, useWorkCenters } from './api.ts';
import { ProductionNav } from './production-nav.tsx';

type Values = { operations: RoutingPut['operations'] };

/** 工艺路线: a product's operations in order — work center, setup minutes, run minutes per unit. */
export function RoutingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const productId = params.get('productId') ?? '';
  const routing = useQuery({ queryKey: [...productionKeys.all, 'routing', productId], queryFn: () => api.get<Routing>(`/api/v1/products/${productId}/routing`), enabled: !!productId });
  const centers = useWorkCenters();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const writable = can('production:write');

  useEffect(() => {
    if (routing.data) form.setFieldsValue({ operations: routing.data.operations.map((o) => ({ name: o.name, workCenterId: o.workCenterId, setupMinutes: o.setupMinutes, runMinutesPerUnit: o.runMinutesPerUnit })) });
  }, [routing.data, form]);

  const save = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      await api.put<Routing>(`/api/v1/products/${productId}/routing`, { operations: v.operations ?? [] });
      await qc.invalidateQueries({ queryKey: productionKeys.all });
      void message.success(t('production.routing.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err, ['operations'], {}, { nested: true })) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('production.routing.title')} subtitle={t('production.routing.subtitle')} />
      <ProductionNav />
      <Card size="small">
        <div style={{ width: 360, maxWidth: '100%', marginBottom: 16 }}>
          <ProductSelect value={productId || undefined} onChange={(id) => setParams(id ? { productId: id } : {}, { replace: true })} placeholder={t('production.routing.pickProduct')} />
        </div>
        {!productId && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.routing.pickProduct')} />}
        {routing.error && <ErrorAlert error={routing.error} />}
        {productId && routing.data && (
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!writable || saving}>
            <Form.List name="operations">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && <Typography.Paragraph type="secondary">{t('production.routing.none')}</Typography.Paragraph>}
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Typography.Text style={{ display: 'inline-block', width: 28, marginTop: 30 }}>{(i + 1) * 10}</Typography.Text>
                      <Form.Item name={[f.name, 'name']} label={t('production.operation')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('production.operation') }) }]}>
                        <Input maxLength={100} style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'workCenterId']} label={t('production.workCenter')} rules={[{ required: true, message: t('validation.required', { field: t('production.workCenter') }) }]}>
                        <Select style={{ width: 200 }} options={(centers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'setupMinutes']} label={t('production.routing.setup')} initialValue={0}>
                        <InputNumber min={0} precision={0} style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'runMinutesPerUnit']} label={t('production.routing.run')} rules={[{ required: true, message: t('validation.required', { field: t('production.routing.run') }) }]}>
                        <InputNumber min={0} style={{ width: 140 }} />
                      </Form.Item>
                      {writable && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} style={{ marginTop: 30 }} />}
                    </Space>
                  ))}
                  {writable && (
                    <Space>
                      <Button icon={<PlusOutlined />} onClick={() => add({ setupMinutes: 0 })}>
                        {t('production.routing.add')}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={saving}>
                        {t('common.save')}
                      </Button>
                    </Space>
                  )}
                </>
              )}
            </Form.List>
          </Form>
        )}
        {error ? <ErrorAlert error={error} style={{ marginTop: 12 }} /> : null}
      </Card>
    </>
  );
}
