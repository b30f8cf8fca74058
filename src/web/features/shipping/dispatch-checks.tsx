import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../orders/api.ts';
import type { CheckState, DispatchCheck } from './dispatch-rules.ts';

export { dispatchChecks, sameAddress } from './dispatch-rules.ts';

const colors: Record<CheckState, string> = { ok: 'success', block: 'error', reason: 'warning', pending: 'default' };

/** The dispatch checks as a short list, each with how it stands (passes, blocks, needs a reason, waits for input). */
export function DispatchCheckList({ checks }: { checks: DispatchCheck[] }) {
  const { t } = useTranslation();
  return (
    <ul className="gd-ship-checks" data-testid="dispatch-checks">
      {checks.map((c, i) => (
        <li key={`${c.code}-${i}`} data-code={c.code} data-state={c.state} className={`gd-ship-check gd-ship-check-${c.state}`}>
          <Tag color={colors[c.state]} style={{ marginInlineEnd: 6 }}>
            {t(`shipping.checks.state.${c.state}`)}
          </Tag>
          <span>{t(`shipping.checks.${c.code}`, { ...c.params, status: c.params?.status ? t(`orders.status.${c.params.status as Order['status']}`) : '' })}</span>
        </li>
      ))}
    </ul>
  );
}
