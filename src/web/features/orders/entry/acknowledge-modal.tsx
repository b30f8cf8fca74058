import { Alert, Form, Input, Modal, Tag, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Acknowledgement, CheckResult } from '../api.ts';
import { useCheckText } from '../use-check-text.ts';

interface OtherOrder {
  id: string;
  number: string | null;
  reason: 'same_lines' | 'same_po';
}

/**
 * Checks that let the order through only with a reason (a suspected duplicate by default):
 * what was found — for a duplicate, the other orders, each opening in a new tab so this
 * form is kept — and a reason per check, which the timeline keeps.
 */
export function AcknowledgeModal({ checks, busy, onSubmit, onClose }: { checks: CheckResult[]; busy: boolean; onSubmit: (acks: Acknowledgement[]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useCheckText();
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <Modal
      open
      title={t('orders.ack.title')}
      okText={t('orders.ack.submit')}
      cancelText={t('orders.ack.back')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'ack-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(checks.map((c) => ({ code: c.code, reason: (v[c.code] ?? '').trim() })))} disabled={busy}>
        {checks.map((c) => {
          const others = c.code === 'POSSIBLE_DUPLICATE_ORDER' && Array.isArray(c.details.orders) ? (c.details.orders as OtherOrder[]) : [];
          return (
            <div key={c.code} data-testid={`ack-${c.code}`}>
              <Alert type="warning" showIcon title={text(c)} style={{ marginBottom: 8 }} />
              {others.length > 0 && (
                <ul className="gd-dup-list" data-testid="duplicate-orders">
                  {others.map((o) => (
                    <li key={o.id}>
                      <a href={`/orders/${o.id}`} target="_blank" rel="noopener" className="gd-mono">
                        {o.number ?? t('orders.draftNumber')}
                      </a>{' '}
                      <Tag color="orange">{t(`orders.ack.dupReason.${o.reason}`)}</Tag>
                    </li>
                  ))}
                </ul>
              )}
              <Form.Item name={c.code} label={t('orders.ack.reason')} rules={[{ required: true, whitespace: true, message: t('orders.ack.reasonRequired') }, { max: 500 }]} style={{ marginTop: 8 }}>
                <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('orders.ack.reasonPlaceholder')} autoFocus data-testid="ack-reason" />
              </Form.Item>
            </div>
          );
        })}
      </Form>
    </Modal>
  );
}
