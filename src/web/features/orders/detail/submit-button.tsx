import { SendOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSubmitOrder, type Acknowledgement, type CheckResult, type Order } from '../api.ts';
import { CheckList } from '../check-list.tsx';
import { AcknowledgeModal } from '../entry/acknowledge-modal.tsx';

/** 提交 a saved draft: blocking checks are listed with a way to the edit form; reason checks ask for reasons and retry. */
export function SubmitButton({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const submit = useSubmitOrder();
  const acks = useRef<Acknowledgement[]>([]);
  const [blocked, setBlocked] = useState<{ error: unknown; checks: CheckResult[] } | null>(null);
  const [reasons, setReasons] = useState<CheckResult[] | null>(null);

  const run = async () => {
    try {
      const r = await submit.mutateAsync({ id: order.id, acknowledge: acks.current });
      setReasons(null);
      if (r.order.status === 'confirmed') void message.success(t('orders.form.confirmed', { number: r.order.number }));
      else void message.info(t('orders.form.pendingApproval', { number: r.order.number }));
    } catch (err) {
      const d = err instanceof ApiError && err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? (err.details as { checks?: CheckResult[]; needsReason?: boolean }) : null;
      setReasons(null);
      if (d?.needsReason && d.checks && !d.checks.some((c) => c.severity === 'hard')) setReasons(d.checks.filter((c) => c.severity === 'reason'));
      else setBlocked({ error: err, checks: d?.checks ?? [] });
    }
  };

  return (
    <>
      <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => void run()} data-testid="submit-draft">
        {t('orders.form.submit')}
      </Button>
      {reasons && (
        <AcknowledgeModal
          checks={reasons}
          busy={submit.isPending}
          onSubmit={(given) => {
            acks.current = [...acks.current.filter((a) => !given.some((g) => g.code === a.code)), ...given];
            void run();
          }}
          onClose={() => setReasons(null)}
        />
      )}
      {blocked && (
        <Modal
          open
          title={t('orders.submitBlocked')}
          okText={t('orders.form.fixInForm')}
          cancelText={t('common.close')}
          onOk={() => void navigate(`/orders/${order.id}/edit`)}
          onCancel={() => setBlocked(null)}
        >
          <ErrorAlert error={blocked.error} style={{ marginBottom: 8 }} />
          <CheckList checks={blocked.checks} showLine />
        </Modal>
      )}
    </>
  );
}
