import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamCreateBody } from '../../../../contracts/admin.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useUserOptions } from '../users/api.ts';
import { useCreateTeam, useUpdateTeam, type Team } from './api.ts';

interface Values {
  name: string;
  managerId?: string | null;
}

/** Create a team or rename it / change its manager. */
export function TeamFormModal({ team, onClose }: { team?: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const people = useUserOptions();
  const pending = create.isPending || update.isPending;

  const submit = async (v: Values) => {
    setFormError(null);
    const body = { name: v.name.trim(), managerId: v.managerId ?? null };
    try {
      const saved = team ? await update.mutateAsync({ id: team.id, patch: body }) : await create.mutateAsync(body);
      void message.success(t(team ? 'teams.updated' : 'teams.created', { name: saved.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['name', 'managerId'], { NAME_TAKEN: 'name' })) setFormError(err);
    }
  };

  return (
    <FormModal form={form} title={team ? t('teams.editTitle', { name: team.name }) : t('teams.create')} onClose={onClose} onFinish={submit} saving={pending} error={formError} initialValues={team ?? {}}>
      <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('teams.name') }) }, zodRule(teamCreateBody.shape.name)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="managerId" label={t('teams.manager')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.isPending}
          options={(people.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
