import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrderRevisions } from '../orders/api.ts';
import { ImpactView } from '../orders/detail/impact-view.tsx';

/** The impact of the revision an approver is asked to decide (amount, quantities, stock, date). */
export function RevisionImpact({ orderId, revisionNo }: { orderId: string; revisionNo: number }) {
  const { t } = useTranslation();
  const revisions = useOrderRevisions(orderId);
  if (revisions.isPending) return <Spin size="small" tip={t('approvals.order.loadingImpact')} />;
  const r = revisions.data?.find((x) => x.revisionNo === revisionNo);
  if (!r) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <ImpactView impact={r.impact} />;
}
