import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCreateBody } from '../../../../contracts/admin.ts';
import { dataScopes } from '../../../../contracts/permissions.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useCreateRole, type Role, type RoleCreate } from './api.ts';

type Values = Pick<RoleCreate, 'key' | 'name' | 'nameEn' | 'dataScope'>;
const shape = roleCreateBody.shape;

/** A new, empty role; permissions are ticked afterwards in the matrix. */
export function RoleCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (r: Role) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateRole();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const role = await create.mutateAsync({ ...v, key: v.key.trim(), name: v.name.trim(), nameEn: v.nameEn.trim(), permissions: [], hiddenFields: [] });
      void message.success(t('roles.created', { name: i18n.language === 'en-US' ? role.nameEn : role.name }));
      onCreated(role);
    } catch (err) {
      if (!applyServerErrors(form, err, ['key', 'name', 'nameEn', 'dataScope'], { NAME_TAKEN: 'key', CONFLICT: 'key' })) setFormError(err);
    }
  };

  return (
    <Modal open title={t('roles.create')} okText={t('common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} mask={{ closable: false }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ dataScope: 'own' }} disabled={create.isPending}>
        <Form.Item name="key" label={t('roles.key')} extra={t('roles.keyHelp')} rules={[required(t('roles.key')), zodRule(shape.key, 'roleKeyChars')]}>
          <Input className="gd-mono" maxLength={64} />
        </Form.Item>
        <div className="gd-form-row">
          <Form.Item name="name" label={t('roles.name')} rules={[required(t('roles.name')), zodRule(shape.name)]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[required(t('roles.nameEn')), zodRule(shape.nameEn)]}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <Form.Item name="dataScope" label={t('roles.dataScope')}>
          <Radio.Group optionType="button" options={dataScopes.map((s) => ({ value: s, label: t(`roles.scopes.${s}`) }))} />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}
