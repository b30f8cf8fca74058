import { Segmented, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { languageLabels, languages, setLanguage, type Language } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePortalRequirement } from './api.ts';
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
  const { token = '' } = useParams();
  const req = usePortalRequirement(token);
  const order = asPortalOrder(req.data);
  const revision = asPortalRevision(req.data);
  const company = req.data?.company || t(revision ? 'portalRevision.defaultCompany' : order ? 'shipping.portal.defaultCompany' : 'portal.defaultCompany');

  useEffect(() => {
    document.title = revision ? t('portalRevision.docTitle', { company, number: revision.number ?? '' }) : order ? t('shipping.portal.docTitle', { company, number: order.number ?? '' }) : req.data ? t('portal.docTitle', { company, number: req.data.number }) : t('portal.defaultTitle');
  }, [req.data, order, revision, company, t]);

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
        {order && <PortalOrderView token={token} order={order} />}
        {revision && <PortalRevisionView token={token} revision={revision} />}
        {req.data && !order && !revision && (
          <>
            <PortalRequirementView requirement={req.data} />
            <PortalAnswer token={token} requirement={req.data} onReload={() => void req.refetch()} />
          </>
        )}
      </main>
      {req.data && <footer className="gd-portal-foot">{t('portal.validUntil', { at: formatDateTime(req.data.expiresAt) })}</footer>}
    </div>
  );
}
