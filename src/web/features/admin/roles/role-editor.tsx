import { App, Button, Card, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolePatchBody } from '../../../../contracts/admin.ts';
import { dataScopes, restrictableFields, type Permission } from '../../../../contracts/permissions.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useUpdateRole, type Role, type RolePatch } from './api.ts';
import { PermissionMatrix } from './permission-matrix.tsx';

type Values = Required<Pick<RolePatch, 'name' | 'nameEn' | 'permissions' | 'dataScope' | 'hiddenFields'>>;
const FIELDS = ['name', 'nameEn', 'permissions', 'dataScope', 'hiddenFields'];
/** Without it nobody could ever edit roles again; the server refuses too (LAST_ADMIN). */
const ADMIN_LOCKED: Permission[] = ['admin:roles'];

/** Edits one role: names, permission matrix, data scope, hidden fields. */
export function RoleEditor({ role, onDirtyChange }: { role: Role; onDirtyChange?: (dirty: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirtyState] = useState(false);
  const setDirty = (d: boolean) => {
    setDirtyState(d);
    onDirtyChange?.(d);
  };
  const [formError, setFormError] = useState<unknown>(null);
  const update = useUpdateRole();
  const locked = role.key === 'admin' ? ADMIN_LOCKED : [];

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({ key: role.key, patch: { ...v, name: v.name.trim(), nameEn: v.nameEn.trim() } });
      void message.success(t('roles.saved', { name: i18n.language === 'en-US' ? saved.nameEn : saved.name }));
      setDirty(false);
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS, { LAST_ADMIN: 'permissions', UNKNOWN_PERMISSION: 'permissions', NAME_TAKEN: 'name' })) setFormError(err);
    }
  };

  const title = (
    <Space size={8} wrap>
      <span>{i18n.language === 'en-US' ? role.nameEn : role.name}</span>
      <Typography.Text type="secondary" className="gd-mono" style={{ fontWeight: 400 }}>
        {role.key}
      </Typography.Text>
      {role.builtin && <Tag>{t('roles.builtin')}</Tag>}
    </Space>
  );

  return (
    <Card
      title={title}
      extra={
        <Space>
          {dirty && <Typography.Text type="warning">{t('common.unsavedChanges')}</Typography.Text>}
          <Button type="primary" onClick={() => form.submit()} loading={update.isPending} data-testid="save-role">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        initialValues={{ name: role.name, nameEn: role.nameEn, permissions: role.permissions, dataScope: role.dataScope, hiddenFields: role.hiddenFields }}
      >
        <div className="gd-form-row">
          <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('roles.name') }) }, zodRule(rolePatchBody.shape.name)]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('roles.nameEn') }) }, zodRule(rolePatchBody.shape.nameEn)]}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <Form.Item name="dataScope" label={t('roles.dataScope')} extra={t('roles.dataScopeHelp')}>
          <Radio.Group optionType="button" options={dataScopes.map((s) => ({ value: s, label: t(`roles.scopes.${s}`), title: t(`roles.scopeHelp.${s}`) }))} />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionMatrix locked={locked} lockedReason={t('roles.adminNote')} />
        </Form.Item>
        <Form.Item name="hiddenFields" label={t('roles.hiddenFields')} extra={t('roles.hiddenFieldsHelp')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('roles.hiddenFieldsPlaceholder')}
            options={restrictableFields.map((f) => ({ value: f, label: t(`roles.fields.${f.replace('.', '_') as 'product_cost'}`) }))}
          />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Card>
  );
}
