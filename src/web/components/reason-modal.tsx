import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/**
 * Asks for a reason or comment before a decision that the record keeps (reject, cancel,
 * approve with comment). With `required`, the action cannot go ahead without one. A failed
 * request leaves the dialog open with the server's message and the text kept.
 */
export function ReasonModal(props: {
  title: ReactNode;
  label: string;
  okText: string;
  required?: boolean;
  danger?: boolean;
  placeholder?: string;
  children?: ReactNode;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async ({ text }: { text?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit((text ?? '').trim());
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={props.title} okText={props.okText} cancelText={t('common.cancel')} okButtonProps={{ danger: props.danger, 'data-testid': 'reason-ok' } as ButtonProps} onOk={() => form.submit()} onCancel={props.onClose} confirmLoading={busy} mask={{ closable: false }}>
      {props.children}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="text" label={props.label} rules={[{ required: !!props.required, whitespace: true, message: t('validation.required', { field: props.label }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={props.placeholder} autoFocus data-testid="reason-text" />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
