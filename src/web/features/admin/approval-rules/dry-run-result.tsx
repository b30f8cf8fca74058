import { Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../lib/format.ts';
import type { DryRunResult } from './api.ts';

/** "Of N orders submitted in the last D days, M would have needed approval" — per rule, with examples. */
export function DryRunResultView({ result, days, single }: { result: DryRunResult; days: number; single?: boolean }) {
  const { t } = useTranslation();
  const pct = result.orders ? Math.round((result.matched / result.orders) * 100) : 0;
  return (
    <div className="gd-stack" style={{ gap: 8 }} data-testid="dry-run-result">
      <Typography.Text>{t('approvalRules.dryRun.summary', { days, orders: result.orders, matched: result.matched })}</Typography.Text>
      <Progress percent={pct} size="small" />
      {!single && result.byRule.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => r.ruleId ?? r.name}
          dataSource={result.byRule}
          pagination={false}
          columns={[
            { title: t('approvalRules.name'), dataIndex: 'name' },
            { title: t('approvalRules.dryRun.matched'), dataIndex: 'matched', align: 'right' },
          ]}
        />
      )}
      {result.samples.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('approvalRules.dryRun.samples')}</Typography.Text>
          <div className="gd-samples">
            {result.samples.map((s) => (
              <Link key={s.orderId} to={`/orders/${s.orderId}`} target="_blank">
                <span className="gd-mono">{s.number ?? t('orders.draftNumber')}</span> {formatMoney(s.amount)}
              </Link>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
