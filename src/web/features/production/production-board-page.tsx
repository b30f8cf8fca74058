import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useBoard } from './api.ts';
import { OnTimeGauge, OutputChart } from './board-charts.tsx';
import { AtRiskList, CenterTile } from './board-panels.tsx';
import { useBoardLive } from './use-board-live.ts';
import './board.css';

/** The fallback poll: changes arrive over SSE at once, this only covers a stream that is down. */
const FALLBACK_MS = 60_000;
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * 生产大屏 for a TV at 1920×1080: totals across the top, today's output against the plan
 * per work center and the 30-day on-time rate (ECharts), every center's state and current
 * job, and the orders at risk. Live over SSE; polls slowly when the stream is down.
 */
export function ProductionBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useBoard(FALLBACK_MS);
  const live = useBoardLive();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const b = board.data;
  return (
    <div className="gd-board" data-testid="production-board">
      <div className="gd-board-head">
        <div>
          <h1>{t('production.board.title')}</h1>
          <span className="gd-board-label" data-testid="board-live">
            <span className={`gd-board-dot${live ? ' live' : ''}`} />
            {live ? t('production.board.live') : t('production.board.polling', { seconds: FALLBACK_MS / 1000 })} · {t('production.board.updated', { time: b ? clock.format(new Date(b.at)) : '—' })}
          </span>
        </div>
        <div className="gd-board-totals">
          <Total label={t('production.board.open')} value={b?.totals.open} />
          <Total label={t('production.board.running')} value={b?.totals.inProgress} />
          <Total label={t('production.board.lateOrders')} value={b?.ordersAtRisk.count} bad />
          <Total label={t('production.board.down')} value={b?.totals.centersDown} bad testId="board-total-down" />
        </div>
        <div style={{ textAlign: 'right' }}>
          <div className="gd-board-clock">{clock.format(now)}</div>
          <Button size="small" ghost onClick={() => void navigate(-1)}>
            {t('production.board.exit')}
          </Button>
        </div>
      </div>
      {board.error ? <ErrorAlert error={board.error} style={{ marginBottom: 16 }} /> : null}
      {b && (
        <div className="gd-board-main">
          <section className="gd-board-panel gd-board-output">
            <h3>{t('production.board.outputTitle')}</h3>
            <div className="gd-board-chart">
              <OutputChart centers={b.centers} />
            </div>
          </section>
          <section className="gd-board-panel">
            <h3>{t('production.board.onTime', { days: b.onTime.days })}</h3>
            <OnTimeGauge onTime={b.onTime} />
          </section>
          <section className="gd-board-panel gd-board-centers">
            <h3>{t('production.board.equipment')}</h3>
            <div className="gd-board-grid">
              {b.centers.map((c) => (
                <CenterTile key={c.id} center={c} now={now.getTime()} />
              ))}
            </div>
          </section>
          <section className="gd-board-panel">
            <h3>
              {t('production.board.lateOrders')} <b className={b.ordersAtRisk.count ? 'bad' : ''}>{b.ordersAtRisk.count}</b>
            </h3>
            <AtRiskList risk={b.ordersAtRisk} />
          </section>
        </div>
      )}
    </div>
  );
}

function Total({ label, value, bad, testId }: { label: string; value: number | undefined; bad?: boolean; testId?: string }) {
  return (
    <div className={`gd-board-total${bad && value ? ' bad' : ''}`} data-testid={testId}>
      <span className="gd-board-label">{label}</span>
      <b>{value ?? '—'}</b>
    </div>
  );
}
