import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Bom, BomPut } from '../../../contracts/production.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { useSession } from '../auth/session.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { productionKeys } from './api.ts';
import { BomTree, useBom } from './bom-tree.tsx';
import { ProductionNav } from './production-nav.tsx';

type Values = { lines: { componentId: string; qtyPer: number; scrapPct: number }[]; newVersion: boolean; validFrom: Dayjs | null };

/** BOM: a product's components (qty per unit, scrap %) as a version with effective dates; the multi-level tree below; cycles and version gaps on the fields. */
export function BomPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const productId = params.get('productId') ?? '';
  const bom = useBom(productId);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cycle, setCycle] = useState<string[] | null>(null);
  const writable = can('products:write');

  useEffect(() => {
    if (bom.data) form.setFieldsValue({ lines: bom.data.lines.map((l) => ({ componentId: l.componentId, qtyPer: l.qtyPer, scrapPct: l.scrapPct })), newVersion: false, validFrom: null });
  }, [bom.data, form]);

  const save = async (v: Values) => {
    setError(null);
    setCycle(null);
    setSaving(true);
    try {
      const body: BomPut = { lines: (v.lines ?? []).map((l) => ({ componentId: l.componentId, qtyPer: l.qtyPer, scrapPct: l.scrapPct ?? 0 })), newVersion: !!v.newVersion, validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : undefined, version: bom.data?.version };
      const saved = await api.put<Bom>(`/api/v1/products/${productId}/bom`, body);
      await qc.invalidateQueries({ queryKey: productionKeys.all });
      void message.success(t('production.bom.saved', { version: saved.version }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BOM_CYCLE') setCycle(((err.details as { path?: string[] }) ?? {}).path ?? []);
      else if (!applyServerErrors(form, err, ['lines', 'validFrom'], {}, { nested: true })) setError(err);
    } finally {
      setSaving(false);
    }
  };

  const b = bom.data;
  return (
    <>
      <PageHeader title={t('production.bom.title')} subtitle={t('production.bom.subtitle')} />
      <ProductionNav />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ width: 360, maxWidth: '100%', marginBottom: 16 }}>
          <ProductSelect value={productId || undefined} onChange={(id) => setParams(id ? { productId: id } : {}, { replace: true })} placeholder={t('production.routing.pickProduct')} />
        </div>
        {!productId && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('production.routing.pickProduct')} />}
        {bom.error && <ErrorAlert error={bom.error} />}
        {productId && b && (
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!writable || saving}>
            <Typography.Paragraph type="secondary" data-testid="bom-version">
              {b.version ? t('production.bom.version', { version: b.version, from: b.validFrom, to: b.validTo ?? t('production.bom.open') }) : t('production.panel.noBom')}
            </Typography.Paragraph>
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item name={[f.name, 'componentId']} label={t('production.bom.component')} style={{ width: 320 }} rules={[{ required: true, message: t('validation.required', { field: t('production.bom.component') }) }]}>
                        <ProductSelect />
                      </Form.Item>
                      <Form.Item name={[f.name, 'qtyPer']} label={t('production.panel.qtyPer')} rules={[{ required: true, message: t('validation.required', { field: t('production.panel.qtyPer') }) }]}>
                        <InputNumber min={0.001} precision={3} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'scrapPct']} label={t('production.panel.scrapPct')} initialValue={0}>
                        <InputNumber min={0} max={50} precision={2} addonAfter="%" style={{ width: 140 }} />
                      </Form.Item>
                      {writable && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} style={{ marginTop: 30 }} />}
                    </Space>
                  ))}
                  {cycle && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="bom-cycle" message={t('production.bom.cycle', { path: cycle.join(' → ') })} />}
                  {writable && (
                    <Space wrap align="end">
                      <Button icon={<PlusOutlined />} onClick={() => add({ scrapPct: 0 })}>
                        {t('production.bom.add')}
                      </Button>
                      <Form.Item name="newVersion" valuePropName="checked" style={{ marginBottom: 0 }}>
                        <Checkbox disabled={!b.version}>{t('production.bom.newVersion')}</Checkbox>
                      </Form.Item>
                      <Form.Item name="validFrom" label={t('production.bom.validFrom')} style={{ marginBottom: 0 }}>
                        <DatePicker disabledDate={(d) => d.isBefore(dayjs('2000-01-01'))} />
                      </Form.Item>
                      <Button type="primary" htmlType="submit" loading={saving} data-testid="bom-save">
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
      {productId && b && b.version > 0 && (
        <Card size="small" title={t('production.bom.tree')}>
          <BomTree productId={productId} />
        </Card>
      )}
    </>
  );
}
