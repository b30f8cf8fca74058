import '../requirements.css';
import { Breadcrumb, Card, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Fact } from '../../../components/fact.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useRequirement } from '../api.ts';
import { RequirementStatusTag } from '../requirement-status-tag.tsx';
import { ConfirmationCard } from './confirmation-card.tsx';
import { LinkCard } from './link-card.tsx';
import { useLastLink } from './link-store.ts';
import { RequirementActions } from './requirement-actions.tsx';
import { RequirementContent } from './requirement-content.tsx';
import { VersionsTab } from './versions-tab.tsx';

/** /requirements/:id — the current version, the customer's answer, the link, and every version. */
export function RequirementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const req = useRequirement(id);
  const [link, setLink] = useLastLink(id);
  const tab = params.get('tab') === 'versions' ? 'versions' : 'content';

  if (req.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (req.error instanceof ApiError && req.error.status === 404) return <NotFoundPage />;
  if (req.error) return <ErrorAlert error={req.error} />;
  const r = req.data;

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/requirements">{t('nav.requirements')}</Link> }, { title: r.number }]} />
      <Card size="small" className="gd-doc-header">
        <div className="gd-doc-header-top">
          <div className="gd-doc-title">
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} className="gd-mono" data-testid="requirement-number">
                {r.number}
              </Typography.Title>
              <RequirementStatusTag status={r.status} />
              <Typography.Text type="secondary" className="gd-mono">
                v{r.version}
              </Typography.Text>
            </Space>
            <Typography.Text>{r.title}</Typography.Text>
          </div>
          <RequirementActions requirement={r} onLink={setLink} />
        </div>
        <div className="gd-facts">
          <Fact label={t('requirements.customer')}>
            <Link to={`/customers/${r.customerId}`}>{r.customerName ?? t('common.none')}</Link>
          </Fact>
          <Fact label={t('requirements.owner')}>{r.ownerName ?? t('common.none')}</Fact>
          <Fact label={t('requirements.dueDate')}>{r.dueDate ? formatDate(r.dueDate) : t('common.none')}</Fact>
          <Fact label={t('requirements.confirmedVersion')}>{r.confirmedVersion ? `v${r.confirmedVersion}` : t('requirements.notConfirmed')}</Fact>
          <Fact label={t('customers.updatedAt')}>{formatDateTime(r.updatedAt)}</Fact>
        </div>
      </Card>
      <ConfirmationCard requirement={r} />
      {link && r.status !== 'cancelled' && <LinkCard link={link} onRevoked={() => setLink(null)} />}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'content' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'content', label: t('requirements.tabs.content', { version: r.version }), children: <RequirementContent requirement={r} /> },
            { key: 'versions', label: t('requirements.tabs.versions', { count: r.version }), children: <VersionsTab requirement={r} /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
