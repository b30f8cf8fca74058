import { Breadcrumb, Card, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../auth/session.ts';
import { useCustomer } from '../api.ts';
import { CommunicationsTab } from './communications-tab.tsx';
import { AddressesTab, ContactsTab } from './contacts-tab.tsx';
import { CustomerHeader } from './customer-header.tsx';
import { HistoryTab } from './history-tab.tsx';
import { InfoTab } from './info-tab.tsx';
import { PendingBanner } from './pending-banner.tsx';
import { RequirementsTab } from './requirements-tab.tsx';

const TABS = ['info', 'contacts', 'addresses', 'communications', 'requirements', 'history'] as const;
type Tab = (typeof TABS)[number];

/** /customers/:id — header, pending approvals, and the tabs (the open tab is kept in the URL). */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'info';
  const customer = useCustomer(id);
  const { can } = useSession();

  if (customer.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (customer.error instanceof ApiError && customer.error.status === 404) return <NotFoundPage />;
  if (customer.error) return <ErrorAlert error={customer.error} />;
  const c = customer.data;

  const body: Record<Tab, React.ReactNode> = {
    info: <InfoTab customer={c} />,
    contacts: <ContactsTab customer={c} />,
    addresses: <AddressesTab customer={c} />,
    communications: <CommunicationsTab customerId={c.id} />,
    requirements: <RequirementsTab customerId={c.id} />,
    history: <HistoryTab customerId={c.id} />,
  };
  const labels: Record<Tab, string> = {
    info: t('customers.tabs.info'),
    contacts: t('customers.tabs.contacts', { count: c.contacts.length }),
    addresses: t('customers.tabs.addresses', { count: c.addresses.length }),
    communications: t('customers.tabs.communications'),
    requirements: t('customers.tabs.requirements'),
    history: t('customers.tabs.history'),
  };

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/customers">{t('nav.customers')}</Link> }, { title: c.name }]} />
      <CustomerHeader customer={c} />
      <PendingBanner customer={c} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'info') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={TABS.filter((k) => k !== 'requirements' || can('requirements:read')).map((k) => ({ key: k, label: labels[k], children: body[k] }))}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
