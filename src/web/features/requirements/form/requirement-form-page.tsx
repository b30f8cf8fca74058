import '../requirements.css';
import { Alert, App, Breadcrumb, Card, DatePicker, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { requirementCreateBody } from '../../../../contracts/requirements.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormActions } from '../../../components/form-actions.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { dateFieldProps, dayjs } from '../../../lib/date-field.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useUnsavedGuard } from '../../../lib/use-unsaved-guard.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useCustomFieldDefs } from '../../custom-fields/api.ts';
import { CustomFieldItems } from '../../custom-fields/custom-field-items.tsx';
import { CustomerSelect } from '../../customers/customer-select.tsx';
import { useCreateRequirement, useRequirement, useUpdateRequirement, type Requirement } from '../api.ts';
import { emptyValues, fromRequirement, hasLines, toCreateBody, toPatch, type RequirementFormValues } from './form-values.ts';
import { ItemLinesEditor } from './item-lines-editor.tsx';

const FIELDS = ['customerId', 'title', 'items', 'dueDate', 'note', 'customFields', 'changeReason'];
const shape = requirementCreateBody.shape;

/** /requirements/new?customerId= and /requirements/:id/edit. */
export function RequirementFormPage() {
  const { id } = useParams();
  const req = useRequirement(id);
  if (id && req.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (id && req.error instanceof ApiError && req.error.status === 404) return <NotFoundPage />;
  if (id && req.error) return <ErrorAlert error={req.error} />;
  return <RequirementForm requirement={req.data} />;
}

function RequirementForm({ requirement: r }: { requirement?: Requirement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RequirementFormValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const defs = useCustomFieldDefs('requirement');
  const create = useCreateRequirement();
  const update = useUpdateRequirement(r?.id ?? '');
  const pending = create.isPending || update.isPending;
  const locked = r && (r.status === 'converted' || r.status === 'cancelled');

  const submit = async (v: RequirementFormValues) => {
    setFormError(null);
    if (!hasLines(v)) {
      form.setFields([{ name: ['items', 0, 'description'], errors: [t('requirements.item.descriptionRequired')] }]);
      return;
    }
    try {
      const saved = r ? await update.mutateAsync(toPatch(r, v)) : await create.mutateAsync(toCreateBody(v));
      guard.release();
      void message.success(t(r ? (saved.version > r.version ? 'requirements.form.updated' : 'requirements.form.unchanged') : 'requirements.form.created', { number: saved.number, version: saved.version }));
      void navigate(`/requirements/${saved.id}`);
    } catch (err) {
      const placed = applyServerErrors(form, err, FIELDS, {}, { nested: true });
      if (!placed || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED')) setFormError(err);
    }
  };

  const title = r ? t('requirements.form.editTitle', { number: r.number }) : t('requirements.create');
  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/requirements">{t('nav.requirements')}</Link> }, ...(r ? [{ title: <Link to={`/requirements/${r.id}`}>{r.number}</Link> }] : []), { title: r ? t('common.edit') : t('requirements.create') }]} />
      <PageHeader title={title} subtitle={r ? t('requirements.form.editSubtitle', { version: r.version + 1 }) : t('requirements.form.createSubtitle')} />
      {r?.status === 'confirmed' && <Alert type="warning" showIcon title={t('requirements.form.editConfirmed', { version: r.confirmedVersion })} />}
      {r?.status === 'sent' && <Alert type="info" showIcon title={t('requirements.form.editSent')} />}
      {locked && <Alert type="error" showIcon title={t('requirements.form.locked')} />}
      <Form<RequirementFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        disabled={pending || !!locked}
        initialValues={r ? fromRequirement(r) : emptyValues(params.get('customerId') ?? undefined)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        className="gd-doc-form"
        data-testid="requirement-form"
      >
        <Card size="small" title={t('requirements.section.basic')}>
          <Form.Item name="customerId" label={t('requirements.customer')} rules={[{ required: true, message: t('requirements.form.customerRequired') }]}>
            <CustomerSelect disabled={!!r} />
          </Form.Item>
          <div className="gd-form-row">
            <Form.Item name="title" label={t('requirements.titleLabel')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('requirements.titleLabel') }) }, zodRule(shape.title)]} className="gd-span-2">
              <Input maxLength={200} placeholder={t('requirements.form.titlePlaceholder')} data-testid="requirement-title" />
            </Form.Item>
            <Form.Item name="dueDate" label={t('requirements.dueDate')} extra={t('requirements.form.dueDateHelp')} {...dateFieldProps()}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('requirements.section.items')}>
          <ItemLinesEditor form={form} />
        </Card>
        {!!defs.data?.length && (
          <Card size="small" title={t('requirements.section.custom')}>
            <CustomFieldItems defs={defs.data} />
          </Card>
        )}
        <Card size="small">
          <Form.Item name="note" label={t('requirements.note')} rules={[zodRule(shape.note)]}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('requirements.form.notePlaceholder')} />
          </Form.Item>
          {r && (
            <Form.Item name="changeReason" label={t('requirements.form.changeReason')} extra={t('requirements.form.changeReasonHelp')} rules={[{ max: 500 }]} style={{ marginBottom: 0 }}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Card>
        <FormActions
          error={formError}
          conflictText={t('requirements.form.conflict')}
          onCancel={() => void navigate(r ? `/requirements/${r.id}` : '/requirements')}
          saving={pending}
          disabled={!!locked}
          saveLabel={r ? t('requirements.form.saveVersion') : undefined}
          saveTestId="save-requirement"
        />
      </Form>
    </div>
  );
}
