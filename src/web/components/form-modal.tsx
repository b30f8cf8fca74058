import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

interface FormModalProps<V> {
  form: FormInstance<V>;
  title: string;
  onClose: () => void;
  onFinish: (values: V) => void;
  /** While saving: the form is read-only and OK spins. */
  saving: boolean;
  /** A save error that no field took (shown under the fields). */
  error: unknown;
  initialValues?: Partial<V>;
  width?: number;
  testId?: string;
  children: ReactNode;
}

/**
 * A create/edit dialog: Save submits the form, a click outside does not close it (typed work
 * would be lost), fields above, the save's leftover error below them.
 */
export function FormModal<V>({ form, title, onClose, onFinish, saving, error, initialValues, width, testId, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={saving} width={width} mask={{ closable: false }}>
      <Form<V> form={form} layout="vertical" onFinish={onFinish} disabled={saving} initialValues={initialValues} data-testid={testId}>
        {children}
        {error ? <ErrorAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}
