import { Button, Progress } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useBoard, type Board } from './api.ts';
import './board.css';

const REFRESH_MS = 15_000;
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** 生产大屏: per work center what runs now and what is next, late work in red; refreshes itself. */
export function ProductionBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useBoard(REFRESH_MS);
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
          <span className="gd-board-label">
            {t('production.board.updated', { time: b ? clock.format(new Date(b.at)) : '—' })} · {t('production.board.refresh', { seconds: REFRESH_MS / 1000 })}
          </span>
        </div>
        <div className="gd-board-totals">
          <Total label={t('production.board.open')} value={b?.totals.open} />
          <Total label={t('production.board.running')} value={b?.totals.inProgress} />
          <Total label={t('production.board.late')} value={b?.totals.atRisk} bad />
          <Total label={t('production.board.down')} value={b?.totals.centersDown} bad />
        </div>
        <div style={{ textAlign: 'right' }}>
          <div style={{ fontSize: 34, color: '#fff' }}>{clock.format(now)}</div>
          <Button size="small" ghost onClick={() => void navigate(-1)}>
            {t('production.board.exit')}
          </Button>
        </div>
      </div>
      {board.error ? <ErrorAlert error={board.error} style={{ marginBottom: 16 }} /> : null}
      <div className="gd-board-grid">{b?.centers.map((c) => <CenterCard key={c.id} center={c} now={now.getTime()} />)}</div>
    </div>
  );
}

function Total({ label, value, bad }: { label: string; value: number | undefined; bad?: boolean }) {
  return (
    <div className={`gd-board-total${bad && value ? ' bad' : ''}`}>
      <span className="gd-board-label">{label}</span>
      <b>{value ?? '—'}</b>
    </div>
  );
}

function CenterCard({ center: c, now }: { center: Board['centers'][number]; now: number }) {
  const { t } = useTranslation();
  return (
    <div className={`gd-board-center${c.state === 'down' ? ' down' : ''}`} data-testid={`board-center-${c.code}`}>
      <h2>
        <span>
          {c.code} · {c.name}
        </span>
        <span style={{ color: c.state === 'down' ? '#ff6b6b' : '#52c41a' }}>{t(`production.centerState.${c.state}`)}</span>
      </h2>
      {c.state === 'down' && (
        <div className="gd-board-down">
          {c.downReason} · {t('production.centers.expectedUp')} {c.expectedUpAt ? formatDateTime(c.expectedUpAt) : t('production.centers.unknown')}
        </div>
      )}
      {c.queue.length === 0 && <div className="gd-board-empty">{t('production.board.idle')}</div>}
      {c.queue.map((q, i) => {
        const running = q.plannedStart !== null && Date.parse(q.plannedStart) <= now;
        return (
          <div key={`${q.workOrderId}-${q.operation}`} className={`gd-board-item${i === 0 ? ' now' : ''}${q.atRisk ? ' late' : ''}`}>
            <span>
              <span className="gd-board-label">{i === 0 && running ? t('production.board.now') : t('production.board.next')} </span>
              {q.number} · {q.sku} · {q.operation} × {q.qty}
            </span>
            <span>{q.atRisk ? t('production.atRisk') : ''}</span>
            <span className="gd-board-when">
              {q.plannedStart ? `${formatDateTime(q.plannedStart)} → ${formatDateTime(q.plannedFinish)}` : t('production.notPlanned')}
            </span>
            <Progress percent={q.progressPct} size="small" showInfo={false} style={{ width: 120, margin: 0 }} />
          </div>
        );
      })}
    </div>
  );
}
