import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import type { Board } from './api.ts';

/** One tile per work center: up/down in colour, today's output against the plan, what runs now and next. */
export function CenterTile({ center: c, now }: { center: Board['centers'][number]; now: number }) {
  const { t } = useTranslation();
  const down = c.state === 'down';
  return (
    <div className={`gd-board-center${down ? ' down' : ''}`} data-testid={`board-center-${c.code}`}>
      <h2>
        <span>
          {c.code} <small>{c.name}</small>
        </span>
        <span className={`gd-board-state ${c.state}`}>{t(`production.centerState.${c.state}`)}</span>
      </h2>
      {down && (
        <div className="gd-board-down">
          {c.downReason} · {t('production.centers.expectedUp')} {c.expectedUpAt ? formatDateTime(c.expectedUpAt) : t('production.centers.unknown')}
        </div>
      )}
      {c.queue.length === 0 && <div className="gd-board-empty">{t('production.board.idle')}</div>}
      {c.queue.slice(0, 2).map((q, i) => {
        const running = q.plannedStart !== null && Date.parse(q.plannedStart) <= now;
        return (
          <div key={`${q.workOrderId}-${q.operation}`} className={`gd-board-item${q.atRisk ? ' late' : ''}`}>
            <span className="gd-board-label">{i === 0 && running ? t('production.board.now') : t('production.board.next')}</span>
            <span className="gd-board-what">
              {q.number} · {q.sku} · {q.operation} × {q.qty}
            </span>
            <span className="gd-board-pct">{q.atRisk ? t('production.atRisk') : `${Math.round(q.progressPct)}%`}</span>
          </div>
        );
      })}
    </div>
  );
}

/** Orders whose planned completion misses the promise, soonest promise first, with the center holding them up. */
export function AtRiskList({ risk }: { risk: Board['ordersAtRisk'] }) {
  const { t } = useTranslation();
  if (risk.count === 0) return <div className="gd-board-ok">{t('production.board.noneAtRisk')}</div>;
  return (
    <table className="gd-board-risk" data-testid="board-at-risk">
      <thead>
        <tr>
          <th>{t('production.workOrders.order')}</th>
          <th>{t('production.promised')}</th>
          <th>{t('production.board.expected')}</th>
          <th>{t('production.board.bottleneck')}</th>
        </tr>
      </thead>
      <tbody>
        {risk.items.map((o) => (
          <tr key={o.orderId} className={o.priority === 'urgent' || o.priority === 'high' ? 'hot' : undefined}>
            <td>{o.number ?? '—'}</td>
            <td>{o.promisedDate.slice(5)}</td>
            <td>{o.plannedCompletion ? formatDateTime(o.plannedCompletion).slice(5, 16) : t('production.board.cannotPlan')}</td>
            <td>{o.bottleneck ?? '—'}</td>
          </tr>
        ))}
      </tbody>
      {risk.count > risk.items.length && (
        <tfoot>
          <tr>
            <td colSpan={4}>{t('production.board.more', { count: risk.count - risk.items.length })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
