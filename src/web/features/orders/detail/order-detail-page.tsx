import '../orders.css';
import { Alert, Breadcrumb, Card, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { NotFoundPage } from '../../../components/result-page.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useOrder } from '../api.ts';
import { CheckList } from '../check-list.tsx';
import { ApprovalsTab } from './approvals-tab.tsx';
import { LinesTab } from './lines-tab.tsx';
import { MyApproval } from './my-approval.tsx';
import { OrderHeader } from './order-header.tsx';
import { RevisionsTab } from './revisions-tab.tsx';
import { StageFlow } from './stage-flow.tsx';
import { TimelineTab } from './timeline-tab.tsx';
import { OrderResponsibility } from '../../workbench/order-responsibility.tsx';

const TABS = ['lines', 'timeline', 'approvals', 'revisions'] as const;
type Tab = (typeof TABS)[number];

/** /orders/:id — the model detail page (UX.md): header, stage flow, and the lines, timeline, approvals and revisions. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'lines';
  const order = useOrder(id);

  if (order.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (order.error instanceof ApiError && order.error.status === 404) return <NotFoundPage />;
  if (order.error) return <ErrorAlert error={order.error} />;
  const o = order.data;
  const warnings = o.warnings.filter((w) => w.severity !== 'off');

  const body: Record<Tab, React.ReactNode> = {
    lines: <LinesTab order={o} />,
    timeline: <TimelineTab order={o} />,
    approvals: <ApprovalsTab order={o} />,
    revisions: <RevisionsTab order={o} />,
  };

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/orders">{t('nav.orders')}</Link> }, { title: o.number ?? t('orders.draftNumber') }]} />
      <OrderHeader order={o} />
      <MyApproval order={o} />
      {o.status === 'rejected' && <Alert type="error" showIcon title={t('orders.rejectedHint')} />}
      {warnings.length > 0 && <Alert type="warning" showIcon title={t('orders.warningsTitle')} description={<CheckList checks={warnings} showLine />} />}
      <Card size="small">
        <StageFlow order={o} />
      </Card>
      {o.stages?.length ? <OrderResponsibility orderId={o.id} stages={o.stages} /> : null}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'lines') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={TABS.map((k) => ({ key: k, label: t(`orders.tabs.${k}`), children: body[k] }))}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
