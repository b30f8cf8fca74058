import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userCreateBody } from '../../../../contracts/admin.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useRoleLabel } from '../roles/use-role-label.ts';
import { useTeams } from '../teams/api.ts';
import { useCreateUser, useUpdateUser, useUserOptions, type User } from './api.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  teamId?: string | null;
  managerId?: string | null;
  email?: string;
  mobile?: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'teamId', 'managerId', 'email', 'mobile'] as const;
const CODE_FIELDS = { USERNAME_TAKEN: 'username', PASSWORD_TOO_WEAK: 'password', UNKNOWN_ROLE: 'roles', LAST_ADMIN: 'roles' };
const shape = userCreateBody.shape;
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** Create a user (`user` absent) or edit one. Server field errors land next to their fields. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const roles = useRoleLabel();
  const teams = useTeams();
  const people = useUserOptions();
  const pending = create.isPending || update.isPending;

  const submit = async (v: Values) => {
    setFormError(null);
    const common = { displayName: v.displayName.trim(), roles: v.roles, teamId: v.teamId ?? null, managerId: v.managerId ?? null, email: blank(v.email), mobile: blank(v.mobile) };
    try {
      const saved = user ? await update.mutateAsync({ id: user.id, patch: common }) : await create.mutateAsync({ ...common, username: v.username.trim(), password: v.password });
      void message.success(t(user ? 'users.updated' : 'users.created', { name: saved.displayName }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, FIELDS, CODE_FIELDS)) setFormError(err);
    }
  };

  const managerOptions = (people.data ?? []).filter((p) => p.id !== user?.id && p.active).map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }));

  return (
    <FormModal
      form={form}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      onClose={onClose}
      onFinish={submit}
      saving={pending}
      error={formError}
      initialValues={user ? { ...user, email: user.email ?? '', mobile: user.mobile ?? '' } : { roles: [] }}
      width={560}
      testId="user-form"
    >
      <Form.Item name="username" label={t('users.username')} hidden={!!user} rules={user ? [] : [{ required: true, message: t('validation.required', { field: t('users.username') }) }, zodRule(shape.username, 'usernameChars')]}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('users.displayName') }) }, zodRule(shape.displayName)]}>
        <Input maxLength={64} />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHelp')} rules={[{ required: true, message: t('validation.required', { field: t('users.password') }) }, zodRule(shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.tooFewItems', { min: 1 }) }]}>
        <Select mode="multiple" options={roles.options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <div className="gd-form-row">
        <Form.Item name="teamId" label={t('users.team')}>
          <Select allowClear loading={teams.isPending} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="managerId" label={t('users.manager')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={people.isPending} options={managerOptions} />
        </Form.Item>
      </div>
      <div className="gd-form-row">
        <Form.Item name="mobile" label={t('users.mobile')} rules={[zodRule(shape.mobile, 'mobile')]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[zodRule(shape.email)]}>
          <Input inputMode="email" maxLength={254} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
