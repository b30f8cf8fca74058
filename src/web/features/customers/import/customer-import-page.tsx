import { useTranslation } from 'react-i18next';
import { ImportPage } from '../../../components/import-page.tsx';
import { useImportCustomers } from './api.ts';

/**
 * 客户导入: the server's dry run also lists possible duplicates, which the user must confirm
 * before importing. Progress of big files arrives over the live stream.
 */
export function CustomerImportPage() {
  const { t } = useTranslation();
  return (
    <ImportPage
      parent={{ to: '/customers', label: t('nav.customers') }}
      title={t('customers.import.title')}
      subtitle={t('customers.import.subtitle')}
      run={useImportCustomers()}
      template={{ path: '/api/v1/customers/import-template', filename: t('customers.import.templateFile'), hint: t('customers.import.templateHint') }}
      progressTask="customers.import"
      commitLabel={(c) => t('customers.import.commit', { count: c.valid })}
      acknowledge={(c) => (c.duplicates.length > 0 ? t('customers.import.dupsAck', { count: c.duplicates.length }) : null)}
      done={{
        title: (r) => t('customers.import.doneTitle', { count: r.imported }),
        subtitle: (r) => t('customers.import.doneSubtitle', { rows: r.rows, seconds: (r.durationMs / 1000).toFixed(1) }),
        toast: (r) => t('customers.import.doneToast', { count: r.imported }),
        link: { to: '/customers', label: t('customers.import.toList') },
      }}
    />
  );
}
