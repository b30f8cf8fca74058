import '../orders.css';
import { Alert, Breadcrumb, Button, Card, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { orderCreateBody } from '../../../../contracts/orders.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { lineAmounts, sumAmounts, toFen } from '../../../lib/money.ts';
import { useUnsavedGuard } from '../../../lib/use-unsaved-guard.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useProducts } from '../../catalog/api.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { CustomFieldItems } from '../../custom-fields/custom-field-items.tsx';
import { useCustomer } from '../../customers/api.ts';
import { useOrder, useQuote, type Order } from '../api.ts';
import { CheckList } from '../check-list.tsx';
import { AcknowledgeModal } from './acknowledge-modal.tsx';
import { emptyValues, fromOrder, isStarted, type LineValues, type OrderFormValues } from './form-values.ts';
import { HeaderFields } from './header-fields.tsx';
import { LineGrid } from './line-grid.tsx';
import { TotalsBar } from './totals-bar.tsx';
import { useOrderSave } from './use-order-save.ts';

const editable: Order['status'][] = ['draft', 'rejected'];

/** /orders/new?customerId= and /orders/:id/edit (drafts and rejected orders). */
export function OrderEntryPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const order = useOrder(id);
  if (id && order.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (id && order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage />;
  if (id && order.error) return <ErrorAlert error={order.error} />;
  if (order.data && !editable.includes(order.data.status)) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('orders.form.notEditable')}
        action={
          <Link to={`/orders/${order.data.id}`}>
            <Button size="small">{t('orders.form.backToOrder')}</Button>
          </Link>
        }
      />
    );
  }
  return <OrderEntryForm order={order.data} />;
}

function OrderEntryForm({ order }: { order?: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<OrderFormValues>();
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const s = useOrderSave(form, order);
  const defs = useCustomFieldDefs('order');
  const customerId = Form.useWatch('customerId', form) as string | undefined;
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const customer = useCustomer(customerId || undefined);
  const ids = lines.filter(isStarted).map((l) => l.productId!);
  const products = useProducts(ids);
  const quotes = useQuote(customerId, ids);
  const started = lines.filter(isStarted);
  const totals = sumAmounts(started.map((l) => (l.qty && l.unitPrice != null ? lineAmounts(l.qty, toFen(l.unitPrice), l.discountPct ?? 0, products.get(l.productId!)?.taxRate ?? 13) : { net: 0, tax: 0 })));
  const conflict = s.error instanceof ApiError && s.error.code === 'CONFLICT';
  const current = s.current;

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/orders">{t('nav.orders')}</Link> }, ...(current ? [{ title: <Link to={`/orders/${current.id}`}>{current.number ?? t('orders.draftNumber')}</Link> }] : []), { title: current ? t('common.edit') : t('orders.create') }]} />
      <PageHeader title={current ? (current.number ? t('orders.form.editTitle', { number: current.number }) : t('orders.form.editDraftTitle')) : t('orders.create')} subtitle={t('orders.form.subtitle')} />
      {current?.status === 'rejected' && <Alert type="warning" showIcon title={t('orders.form.editRejected')} />}
      <Form<OrderFormValues>
        form={form}
        layout="vertical"
        onValuesChange={() => setDirty(true)}
        disabled={s.busy}
        initialValues={order ? fromOrder(order) : emptyValues(params.get('customerId') ?? undefined)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        className="gd-doc-form gd-order-form"
        data-testid="order-form"
      >
        <Card size="small" title={t('orders.section.basic')}>
          <HeaderFields form={form} order={current} customer={customer.data} />
        </Card>
        <Card size="small" title={t('orders.section.lines')}>
          <LineGrid form={form} customerId={customerId} customerTier={customer.data?.tier} products={products} quotes={quotes.data} checksByLine={s.checksByLine} />
        </Card>
        {!!defs.data?.length && (
          <Card size="small" title={t('orders.section.custom')}>
            <CustomFieldItems defs={defs.data} />
          </Card>
        )}
        <Card size="small">
          <Form.Item name="note" label={t('orders.note')} rules={[zodRule(orderCreateBody.shape.note.unwrap().unwrap())]} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={2} maxLength={2000} showCount placeholder={t('orders.form.notePlaceholder')} />
          </Form.Item>
        </Card>
        <div className="gd-form-actions">
          <TotalsBar totals={totals} lines={started.length} />
          {s.headerChecks.length > 0 && <CheckList checks={s.headerChecks} />}
          {conflict && (
            <Alert
              type="warning"
              showIcon
              title={t('orders.form.conflict')}
              action={
                <Button size="small" onClick={() => window.location.reload()}>
                  {t('common.reload')}
                </Button>
              }
            />
          )}
          {s.error && !conflict && s.blockedByChecks ? <Alert type="error" showIcon title={(s.error as Error).message} description={t('orders.form.fixLines')} data-testid="submit-blocked" /> : null}
          {s.error && !conflict && !s.blockedByChecks ? <ErrorAlert error={s.error} /> : null}
          <div className="gd-form-buttons">
            <Button onClick={() => void navigate(current ? `/orders/${current.id}` : '/orders')}>{t('common.cancel')}</Button>
            <Button onClick={() => void s.save(false, guard.release)} loading={s.busy} data-testid="save-draft">
              {t('orders.form.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void s.save(true, guard.release)} loading={s.busy} data-testid="submit-order">
              {t('orders.form.submit')}
            </Button>
          </div>
        </div>
      </Form>
      {s.needReasons && <AcknowledgeModal checks={s.needReasons} busy={s.busy} onSubmit={(a) => s.acknowledge(a, guard.release)} onClose={s.closeReasons} />}
    </div>
  );
}
