import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCustomerLink } from './api.ts';

/**
 * Makes a fresh link to send by WeChat or email: to one order's page (`orderId`), or to all of
 * a customer's open orders (`customerId`); tracking and confirm receipt without an account.
 */
export function CustomerLinkButton(target: { orderId: string } | { customerId: string }) {
  const whole = 'customerId' in target;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = useCustomerLink();
  const [open, setOpen] = useState(false);
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common.copied'));
    } catch {
      void message.info(t('shipping.link.copyByHand'));
    }
  };
  return (
    <>
      <Button icon={<LinkOutlined />} onClick={() => { setOpen(true); link.mutate(target); }} data-testid={whole ? 'customer-orders-link' : 'customer-link'}>
        {t(whole ? 'shipping.link.customerAction' : 'shipping.link.action')}
      </Button>
      {open && (
        <Modal open title={t(whole ? 'shipping.link.customerTitle' : 'shipping.link.title')} footer={null} onCancel={() => setOpen(false)}>
          {link.error ? <ErrorAlert error={link.error} /> : null}
          {link.isPending && <Typography.Text type="secondary">{t('shipping.link.making')}</Typography.Text>}
          {link.data && (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text>{t(whole ? 'shipping.link.customerHelp' : 'shipping.link.help')}</Typography.Text>
              <Space.Compact style={{ width: '100%' }}>
                <Input readOnly value={link.data.url} data-testid="customer-link-url" />
                <Button type="primary" onClick={() => void copy(link.data.url)}>
                  {t('common.copy')}
                </Button>
              </Space.Compact>
              <Typography.Text type="secondary">{t('shipping.link.expires', { at: formatDateTime(link.data.expiresAt) })}</Typography.Text>
            </Space>
          )}
        </Modal>
      )}
    </>
  );
}
