import { Segmented, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LeftOutlined } from '@ant-design/icons';
import { languageLabels, languages, setLanguage, type Language } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePortalCustomerOrder, usePortalRequirement, type PortalRequirement } from './api.ts';
import { asPortalCustomer, PortalCustomerView } from './portal-customer.tsx';
import { PortalAnswer } from './portal-answer.tsx';
import { PortalProblem } from './portal-problem.tsx';
import { PortalRequirementView } from './portal-requirement.tsx';
import { asPortalOrder, PortalOrderView } from './portal-order.tsx';
import { asPortalRevision, PortalRevisionView } from './portal-revision.tsx';
import './portal.css';

/**
 * /c/:token — the customer's page (no account): the requirement as sent, and "confirm" or
 * "ask for changes". Made for a phone and the WeChat in-app browser; Chinese unless switched.
 */
export function PortalPage() {
  const { t, i18n } = useTranslation();
  const { token = '', orderId = '' } = useParams();
  const top = usePortalRequirement(token);
  // An order opened within a customer-level link: same token, the order by id.
  const inner = usePortalCustomerOrder(token, orderId);
  const req = orderId ? inner : top;
  const customer = orderId ? null : asPortalCustomer(req.data);
  const order = asPortalOrder(req.data);
  const revision = asPortalRevision(req.data);
  const requirement = req.data && !order && !revision && !customer ? (req.data as PortalRequirement) : null;
  // A dead or unknown link tells nothing about what it was for: a neutral title then.
  const company = (req.data as { company?: string } | undefined)?.company || t(req.error ? 'portal.linkTitle' : revision ? 'portalRevision.defaultCompany' : order || customer ? 'shipping.portal.defaultCompany' : 'portal.defaultCompany');

  useEffect(() => {
    document.title = revision
      ? t('portalRevision.docTitle', { company, number: revision.number ?? '' })
      : order
        ? t('shipping.portal.docTitle', { company, number: order.number ?? '' })
        : customer
          ? t('shipping.portal.customer.docTitle', { company })
          : requirement
            ? t('portal.docTitle', { company, number: requirement.number })
            : t('portal.defaultTitle');
  }, [requirement, order, revision, customer, company, t]);

  return (
    <div className="gd-portal">
      <header className="gd-portal-bar">
        <span className="gd-portal-company" data-testid="portal-company">
          {company}
        </span>
        <Segmented<Language>
          size="small"
          value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
          onChange={(l) => void setLanguage(l)}
          options={languages.map((l) => ({ value: l, label: languageLabels[l] }))}
          aria-label={t('header.language')}
        />
      </header>
      <main className="gd-portal-main">
        {req.isPending && (
          <div className="gd-portal-card">
            <Skeleton active paragraph={{ rows: 6 }} />
          </div>
        )}
        {req.error && <PortalProblem error={req.error} onRetry={() => void req.refetch()} />}
        {orderId && (
          <Link to={`/c/${encodeURIComponent(token)}`} className="gd-portal-back" data-testid="portal-back">
            <LeftOutlined /> {t('shipping.portal.customer.back')}
          </Link>
        )}
        {customer && <PortalCustomerView token={token} customer={customer} />}
        {order && <PortalOrderView token={token} order={order} orderId={orderId || undefined} />}
        {revision && <PortalRevisionView token={token} revision={revision} />}
        {requirement && (
          <>
            <PortalRequirementView requirement={requirement} />
            <PortalAnswer token={token} requirement={requirement} onReload={() => void req.refetch()} />
          </>
        )}
      </main>
      {req.data ? <footer className="gd-portal-foot">{t('portal.validUntil', { at: formatDateTime((req.data as { expiresAt: string }).expiresAt) })}</footer> : null}
    </div>
  );
}
