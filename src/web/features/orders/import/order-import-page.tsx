import { useTranslation } from 'react-i18next';
import { ImportPage } from '../../../components/import-page.tsx';
import { useImportOrders } from './api.ts';

/**
 * 订单导入: rows land as drafts, all or none. Rows with the same customer and order key form
 * one order.
 */
export function OrderImportPage() {
  const { t } = useTranslation();
  return (
    <ImportPage
      parent={{ to: '/orders', label: t('nav.orders') }}
      title={t('orders.import.title')}
      subtitle={t('orders.import.subtitle')}
      run={useImportOrders()}
      template={{ path: '/api/v1/orders/import-template', filename: t('orders.import.templateFile'), hint: t('orders.import.templateHint') }}
      commitLabel={(c) => t('orders.import.commit', { count: c.valid })}
      done={{
        title: (r) => t('orders.import.doneTitle', { count: r.imported }),
        subtitle: (r) => t('orders.import.doneSubtitle', { rows: r.rows }),
        toast: (r) => t('orders.import.doneToast', { count: r.imported }),
        link: { to: '/orders?status=draft', label: t('orders.import.toDrafts') },
      }}
    />
  );
}
