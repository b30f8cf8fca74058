import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import type { Shipment } from './api.ts';

/** Proof of delivery: what the customer answered on their page, or that we are waiting for it. */
export function ReceiptState({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  if (s.receipt) {
    const who = s.receipt.contactName ? t('common.paren', { text: s.receipt.contactName }) : '';
    return (
      <Alert
        type={s.receipt.disputed ? 'error' : 'success'}
        showIcon
        data-testid="receipt-state"
        title={s.receipt.disputed ? t('shipping.receipt.disputed', { at: formatDateTime(s.receipt.at), who }) : t('shipping.receipt.confirmed', { at: formatDateTime(s.receipt.at), who })}
        description={
          s.receipt.comment || s.receipt.photoFileId ? (
            <>
              {s.receipt.comment && <div>{s.receipt.comment}</div>}
              {s.receipt.photoFileId && (
                <a href={`/api/v1/files/${s.receipt.photoFileId}`} target="_blank" rel="noreferrer" data-testid="receipt-photo">
                  {t('shipping.receipt.photo')}
                </a>
              )}
            </>
          ) : undefined
        }
      />
    );
  }
  if (s.status === 'delivered') return <Alert type="success" showIcon data-testid="receipt-state" title={t('shipping.receipt.carrierSigned', { at: formatDateTime(s.deliveredAt) })} description={t('shipping.receipt.noAnswer')} />;
  if (['dispatched', 'in_transit', 'exception'].includes(s.status)) return <Alert type="info" showIcon data-testid="receipt-state" title={t('shipping.receipt.waiting')} description={t('shipping.receipt.waitingHelp')} />;
  return null;
}
