import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userPatchBody } from '../../../../contracts/admin.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useUpdateUser, type User } from './api.ts';

/** Sets a new password for someone; their other sessions end (server side). */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [formError, setFormError] = useState<unknown>(null);
  const update = useUpdateUser();

  const submit = async ({ password }: { password: string }) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: user.id, patch: { password } });
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['password'], { PASSWORD_TOO_WEAK: 'password' })) setFormError(err);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={update.isPending}>
        <Form.Item name="password" label={t('users.newPassword')} extra={t('users.passwordHelp')} rules={[{ required: true, message: t('validation.required', { field: t('users.newPassword') }) }, zodRule(userPatchBody.shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required', { field: t('users.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string) => {
                if (v && v !== getFieldValue('password')) throw new Error(t('validation.passwordsDiffer'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} /> : null}
      </Form>
    </Modal>
  );
}
