import { App, Card, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormActions } from '../../../components/form-actions.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useUnsavedGuard } from '../../../lib/use-unsaved-guard.ts';
import { useSession } from '../../auth/session.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { CustomFieldItems } from '../../custom-fields/custom-field-items.tsx';
import { useCreateCustomer, useCustomer, useUpdateCustomer, type Customer } from '../api.ts';
import { AddressesEditor } from './addresses-editor.tsx';
import { BasicSection, TermsSection } from './basic-section.tsx';
import { ContactsEditor } from './contacts-editor.tsx';
import { DuplicatePanel } from './duplicate-panel.tsx';
import { emptyValues, fromCustomer, toCreateBody, toPatch, type CustomerFormValues } from './form-values.ts';
import { useLiveDuplicates } from './use-duplicate-check.ts';

const FIELDS = ['name', 'code', 'taxId', 'tier', 'status', 'ownerId', 'tags', 'paymentTermsDays', 'creditLimit', 'invoice', 'contacts', 'addresses', 'customFields', 'duplicateReason', 'reason'];
// The three address levels are one cascader in the form.
const alias = (p: string) => p.replace(/^(addresses\.\d+)\.(province|city|district)$/, '$1.region');

/** /customers/new and /customers/:id/edit. */
export function CustomerFormPage() {
  const { id } = useParams();
  const customer = useCustomer(id);
  if (id && customer.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (id && customer.error instanceof ApiError && customer.error.status === 404) return <NotFoundPage />;
  if (id && customer.error) return <ErrorAlert error={customer.error} />;
  return <CustomerForm customer={customer.data} />;
}

function CustomerForm({ customer }: { customer?: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<CustomerFormValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const defs = useCustomFieldDefs('customer');
  const dup = useLiveDuplicates(form, customer?.id);
  const pending = create.isPending || update.isPending;
  const guard = useUnsavedGuard(dirty);

  const submit = async (v: CustomerFormValues) => {
    setFormError(null);
    try {
      if (!customer) {
        const res = await create.mutateAsync(toCreateBody(v));
        guard.release();
        void message.success(t('customers.form.created', { name: res.customer.name }));
        // Someone may have saved a similar customer after the live check ran.
        const late = res.warnings.flatMap((w) => w.matches).filter((m) => !dup.matches.some((x) => x.id === m.id));
        if (late.length) void message.warning(t('customers.form.lateDuplicates', { names: late.map((m) => m.name).join('、') }), 8);
        void navigate(`/customers/${res.customer.id}`);
        return;
      }
      const after = await update.mutateAsync(toPatch(customer, v));
      guard.release();
      const waiting = (after.pendingChanges?.length ?? 0) > (customer.pendingChanges?.length ?? 0);
      if (waiting) void message.info(t('customers.form.sentForApproval'), 6);
      else void message.success(t('customers.form.updated', { name: after.name }));
      void navigate(`/customers/${customer.id}`);
    } catch (err) {
      const placed = applyServerErrors(form, err, FIELDS, {}, { nested: true, alias });
      if (!placed || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED')) setFormError(err);
    }
  };

  const title = customer ? t('customers.form.editTitle', { name: customer.name }) : t('customers.create');
  return (
    <>
      <PageHeader title={title} subtitle={customer ? t('customers.form.editSubtitle') : t('customers.form.createSubtitle')} />
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        disabled={pending}
        initialValues={customer ? fromCustomer(customer) : emptyValues(user.id)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        className="gd-doc-form"
        data-testid="customer-form"
      >
        <Card size="small" title={t('customers.section.basic')}>
          <BasicSection current={customer ? { id: customer.ownerId, name: customer.ownerName } : undefined} />
          <DuplicatePanel matches={dup.matches} askReason={!customer} />
        </Card>
        <Card size="small" title={t('customers.section.contacts')}>
          <ContactsEditor form={form} />
        </Card>
        <Card size="small" title={t('customers.section.addresses')}>
          <AddressesEditor form={form} />
        </Card>
        <Card size="small" title={t('customers.section.terms')}>
          <TermsSection showCredit={!user.hiddenFields.includes('customer.creditLimit')} />
        </Card>
        {!!defs.data?.length && (
          <Card size="small" title={t('customers.section.custom')}>
            <CustomFieldItems defs={defs.data} />
          </Card>
        )}
        {customer && (
          <Card size="small">
            <Form.Item name="reason" label={t('customers.form.reason')} extra={t('customers.form.reasonHelp')} rules={[{ max: 500 }]} style={{ marginBottom: 0 }}>
              <Input maxLength={500} />
            </Form.Item>
          </Card>
        )}
        <FormActions
          error={formError}
          conflictText={t('customers.form.conflict')}
          onCancel={() => void navigate(customer ? `/customers/${customer.id}` : '/customers')}
          saving={pending}
          saveTestId="save-customer"
        />
      </Form>
    </>
  );
}
