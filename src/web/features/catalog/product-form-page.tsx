import '../inventory/inventory.css';
import { App, Breadcrumb, Card, Form, Input, InputNumber, Select, Spin, Switch, type FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { makeOrBuyValues, productCreateBody } from '../../../contracts/catalog.ts';
import { fieldReasonMessage } from '../../../contracts/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { NotFoundPage } from '../../components/result-page.tsx';
import { ApiError } from '../../lib/api.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useSession } from '../auth/session.ts';
import { useCreateProduct, useProduct, useUpdateProduct, type Product } from './api.ts';
import { emptyProduct, fromProduct, toCreate, toPatch, type ProductFormValues } from './product-form-values.ts';
import { SpecOptionsEditor } from './spec-options-editor.tsx';
import { ProductProductionPanel } from '../production/product-production-panel.tsx';

const shape = productCreateBody.shape;
const FIELDS = ['sku', 'name', 'spec', 'category', 'unit', 'unitDecimals', 'listPrice', 'floorPrice', 'cost', 'taxRate', 'makeOrBuy', 'leadTimeDays', 'minQty', 'maxQty', 'specOptions', 'active'];

/** /inventory/products/new and /inventory/products/:id. */
export function ProductFormPage() {
  const { id } = useParams();
  const product = useProduct(id);
  if (id && product.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (id && product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage />;
  if (id && product.error) return <ErrorAlert error={product.error} />;
  return <ProductForm product={product.data} />;
}

function ProductForm({ product: p }: { product?: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user, can } = useSession();
  const [form] = Form.useForm<ProductFormValues>();
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const [error, setError] = useState<unknown>(null);
  const create = useCreateProduct();
  const update = useUpdateProduct(p?.id ?? '');
  const busy = create.isPending || update.isPending;
  // Cost only for roles that may see it: the server leaves it out of the product otherwise.
  const withCost = p ? p.cost !== undefined : !user.hiddenFields.includes('product.cost');
  const readOnly = !can('products:write');

  const submit = async (v: ProductFormValues) => {
    setError(null);
    try {
      const saved = p ? await update.mutateAsync(toPatch(p, v, withCost)) : await create.mutateAsync(toCreate(v, withCost));
      guard.release();
      void message.success(t(p ? 'catalog.form.updated' : 'catalog.form.created', { sku: saved.sku }));
      void navigate('/inventory/products');
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS, { SKU_TAKEN: 'sku' }) || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED')) setError(err);
    }
  };
  const floorRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_r, v: number | null) => void (v != null && getFieldValue('listPrice') != null && v > (getFieldValue('listPrice') as number) ? Promise.reject(new Error(fieldReasonMessage('floor_above_list', currentLanguage()) ?? '')) : undefined),
  });
  const maxRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_r, v: number | null) => void (v != null && getFieldValue('minQty') != null && v < (getFieldValue('minQty') as number) ? Promise.reject(new Error(fieldReasonMessage('max_below_min', currentLanguage()) ?? '')) : undefined),
  });
  const money = (name: 'listPrice' | 'floorPrice' | 'cost', required: boolean) => (
    <Form.Item
      name={name}
      label={t(`catalog.${name}`)}
      dependencies={name === 'floorPrice' ? ['listPrice'] : undefined}
      rules={[
        ...(required ? [{ required: true, message: t('validation.required', { field: t(`catalog.${name}`) }) }] : []),
        ...(name === 'floorPrice' ? [floorRule] : []),
      ]} extra={name === 'floorPrice' ? t('catalog.form.floorHelp') : name === 'cost' ? t('catalog.form.costHelp') : undefined}>
      <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid={`product-${name}`} />
    </Form.Item>
  );

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/inventory/products">{t('inventory.section.products')}</Link> }, { title: p ? p.sku : t('catalog.create') }]} />
      <PageHeader title={p ? t('catalog.form.editTitle', { sku: p.sku }) : t('catalog.create')} subtitle={t('catalog.form.subtitle')} />
      <Form<ProductFormValues> form={form} layout="vertical" initialValues={p ? fromProduct(p) : emptyProduct()} onFinish={submit} onValuesChange={() => setDirty(true)} disabled={busy || readOnly} className="gd-doc-form" scrollToFirstError={{ behavior: 'smooth', block: 'center' }} data-testid="product-form">
        <Card size="small" title={t('catalog.section.basic')}>
          <div className="gd-form-row">
            <Form.Item name="sku" label="SKU" extra={t('catalog.form.skuHelp')} rules={[{ required: true, message: t('validation.required', { field: 'SKU' }) }, zodRule(shape.sku, 'codeChars')]}>
              <Input maxLength={64} className="gd-mono" data-testid="product-sku" />
            </Form.Item>
            <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('catalog.name') }) }, zodRule(shape.name)]} className="gd-span-2">
              <Input maxLength={200} data-testid="product-name" />
            </Form.Item>
          </div>
          <div className="gd-form-row">
            <Form.Item name="spec" label={t('catalog.spec')} className="gd-span-2">
              <Input maxLength={500} placeholder={t('catalog.form.specPlaceholder')} />
            </Form.Item>
            <Form.Item name="category" label={t('catalog.category')}>
              <Input maxLength={64} />
            </Form.Item>
          </div>
          <div className="gd-form-row">
            <Form.Item name="unit" label={t('catalog.unit')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('catalog.unit') }) }, { max: 16 }]}>
              <Input maxLength={16} data-testid="product-unit" />
            </Form.Item>
            <Form.Item name="unitDecimals" label={t('catalog.unitDecimals')} extra={t('catalog.form.decimalsHelp')}>
              <Select options={[0, 1, 2, 3].map((d) => ({ value: d, label: t(`catalog.decimals.d${d as 0}`) }))} />
            </Form.Item>
            <Form.Item name="makeOrBuy" label={t('catalog.makeOrBuy')}>
              <Select options={makeOrBuyValues.map((m) => ({ value: m, label: t(`catalog.makeOrBuyValue.${m}`) }))} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('catalog.section.prices')}>
          <div className="gd-form-row">
            {money('listPrice', true)}
            {money('floorPrice', false)}
            {withCost && money('cost', false)}
            <Form.Item name="taxRate" label={t('catalog.taxRate')} rules={[zodRule(shape.taxRate.unwrap())]}>
              <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <div className="gd-form-row">
            <Form.Item name="leadTimeDays" label={t('catalog.leadTimeDays')}>
              <InputNumber min={0} max={3650} precision={0} suffix={t('orderRules.days')} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="minQty" label={t('catalog.minQty')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="maxQty" label={t('catalog.maxQty')} dependencies={['minQty']} rules={[maxRule]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('catalog.section.specOptions')} extra={<span className="gd-hint">{t('catalog.form.specOptionsHelp')}</span>}>
          <SpecOptionsEditor />
        </Card>
        <Card size="small">
          <Form.Item name="active" label={t('catalog.active')} valuePropName="checked" extra={t('catalog.form.activeHelp')} style={{ marginBottom: 0 }}>
            <Switch />
          </Form.Item>
        </Card>
        {!readOnly && (
          <FormActions error={error} conflictText={t('catalog.form.conflict')} onCancel={() => void navigate('/inventory/products')} saving={busy} saveTestId="save-product" />
        )}
      </Form>
      {p?.makeOrBuy === 'make' && <ProductProductionPanel productId={p.id} />}
    </div>
  );
}
