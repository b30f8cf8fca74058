import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSession } from '../../auth/session.ts';
import { useRevisionCustomerLink, type Order, type Revision } from '../api.ts';

const tone = { requested: 'processing', confirmed: 'success', declined: 'error' } as const;

/**
 * The customer's side of a revision: where their confirmation stands ("customer confirmed at
 * …"), and the button that makes the link to send them. A new link replaces the old one;
 * once the customer answered there is nothing more to ask.
 */
export function RevisionCustomer({ order, revision: r }: { order: Order; revision: Revision }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const link = useRevisionCustomerLink(order.id);
  const [open, setOpen] = useState(false);
  const c = r.customer ?? null;
  const answered = c?.state === 'confirmed' || c?.state === 'declined';
  const canAsk = can('orders:write') && !answered && r.state !== 'rejected' && order.status !== 'cancelled';

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common.copied'));
    } catch {
      void message.info(t('revisionConfirm.copyByHand'));
    }
  };

  return (
    <div data-testid={`revision-customer-${r.revisionNo}`}>
      {c && (
        <Space size={6} wrap>
          <Tag color={tone[c.state]}>{t(`revisionConfirm.state.${c.state}`)}</Tag>
          <Typography.Text type="secondary">{answered && c.at ? t('revisionConfirm.answeredAt', { at: formatDateTime(c.at) }) : t('revisionConfirm.requestedAt', { name: c.requestedBy, at: formatDateTime(c.requestedAt) })}</Typography.Text>
          {c.contactName && <Typography.Text type="secondary">{t('revisionConfirm.contact', { name: c.contactName })}</Typography.Text>}
        </Space>
      )}
      {c?.comment && <div className="gd-history-note">{t('revisionConfirm.comment', { text: c.comment })}</div>}
      {canAsk && (
        <Button
          size="small"
          icon={<LinkOutlined />}
          style={{ marginTop: c ? 6 : 0 }}
          onClick={() => {
            setOpen(true);
            link.mutate(r.id);
          }}
          data-testid={`revision-ask-customer-${r.revisionNo}`}
        >
          {c ? t('revisionConfirm.again') : t('revisionConfirm.action')}
        </Button>
      )}
      {open && (
        <Modal open title={t('revisionConfirm.title', { n: r.revisionNo })} footer={null} onCancel={() => setOpen(false)}>
          {link.error ? <ErrorAlert error={link.error} /> : null}
          {link.isPending && <Typography.Text type="secondary">{t('revisionConfirm.making')}</Typography.Text>}
          {link.data && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>{t('revisionConfirm.help')}</Typography.Text>
              <Space.Compact style={{ width: '100%' }}>
                <Input readOnly value={link.data.url} data-testid="revision-link-url" />
                <Button type="primary" onClick={() => void copy(link.data.url)}>
                  {t('common.copy')}
                </Button>
              </Space.Compact>
              <Typography.Text type="secondary">{t('revisionConfirm.expires', { at: formatDateTime(link.data.expiresAt) })}</Typography.Text>
            </Space>
          )}
        </Modal>
      )}
    </div>
  );
}
