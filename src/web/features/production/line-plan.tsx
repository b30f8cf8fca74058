import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';

/** On an order line: when production plans to finish it, and 交期风险 when that misses the promise — so sales never has to ask. */
export function LinePlan({ line }: { line: { plannedCompletion: string | null; atRisk: boolean; shortQty: number } }) {
  const { t } = useTranslation();
  if (!line.plannedCompletion && !line.atRisk) return null;
  return (
    <span data-testid="line-plan">
      {line.plannedCompletion && (
        <Tag color={line.atRisk ? 'error' : 'blue'}>{t(line.shortQty > 0 ? 'production.linePlan.planned' : 'production.linePlan.finished', { at: formatDateTime(line.plannedCompletion) })}</Tag>
      )}
      {line.atRisk && <Tag color="error">{t('production.atRisk')}</Tag>}
    </span>
  );
}
