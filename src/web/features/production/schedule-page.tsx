import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useScheduleView, type ScheduleView } from './api.ts';
import { ProductionNav } from './production-nav.tsx';
import './gantt.css';

const DAY = 86_400_000;
/** Order priority → bar colour; red is kept for work at risk. */
export const priorityColors = { urgent: '#722ed1', high: '#d46b08', normal: '#1677ff', low: '#8c8c8c' } as const;
const chinaDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));
const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const WINDOWS = [7, 14, 28] as const;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** 排产甘特图: per work center the planned operations on a day axis, coloured by order priority, at-risk in red, the bottleneck named; a bar opens its work order. Days off on the company calendar (weekends, holidays) are shaded, make-up days marked 班. */
export function SchedulePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = chinaDate(Date.now());
  const from = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') ?? '') ? params.get('from')! : today;
  const days = (WINDOWS as readonly number[]).includes(Number(params.get('days'))) ? Number(params.get('days')) : 7;
  const view = useScheduleView(from, days);
  const set = (next: { from?: string; days?: number }) => setParams({ from: next.from ?? from, days: String(next.days ?? days) }, { replace: true });
  const shift = (n: number) => set({ from: chinaDate(dayStart(from) + n * DAY) });
  const v = view.data;
  const empty = v && v.centers.every((c) => c.operations.length === 0);

  return (
    <>
      <PageHeader title={t('production.gantt.title')} subtitle={t('production.gantt.subtitle')} />
      <ProductionNav />
      {view.error ? <ErrorAlert error={view.error} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => shift(-days)} aria-label={t('production.gantt.earlier')} />
            <Button onClick={() => set({ from: today })}>{t('production.gantt.today')}</Button>
            <Button icon={<RightOutlined />} onClick={() => shift(days)} aria-label={t('production.gantt.later')} />
            <Typography.Text strong>{v ? `${v.from} → ${v.to}` : '…'}</Typography.Text>
            <Segmented value={days} onChange={(d) => set({ days: Number(d) })} options={WINDOWS.map((d) => ({ value: d, label: t('production.gantt.days', { count: d }) }))} />
          </Space>
          <span className="gd-gantt-legend">
            {(['urgent', 'high', 'normal', 'low'] as const).map((p) => (
              <span key={p}>
                <i style={{ background: priorityColors[p] }} />
                {t(`orders.priority.${p}`)}
              </span>
            ))}
            <span>
              <i style={{ background: '#cf1322' }} />
              {t('production.atRisk')}
            </span>
          </span>
        </Space>
      </Card>
      {v?.bottleneck && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="gantt-bottleneck" message={t('production.gantt.bottleneck', { code: v.bottleneck.code, name: v.bottleneck.name, count: v.bottleneck.atRisk })} />
      )}
      {v && v.centers.length === 0 ? (
        <Empty description={t('production.centers.empty')} />
      ) : (
        v && (
          <div className="gd-gantt" data-testid="gantt">
            <DayHeader calendar={v.days} today={today} />
            {v.centers.map((c) => (
              <Lane key={c.id} center={c} start={dayStart(v.from)} calendar={v.days} bottleneck={v.bottleneck?.id === c.id} onOpen={(id) => void navigate(`/production/work-orders/${id}`)} />
            ))}
          </div>
        )
      )}
      {empty && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('production.gantt.empty')}</Typography.Paragraph>}
    </>
  );
}

type CalendarDay = ScheduleView['days'][number];
/** Shading of a day column: the company calendar's days off (weekends, holidays) as the scheduler skips them; make-up days marked. */
const dayClass = (d: CalendarDay, today?: string) => [d.date === today && 'today', !d.working && 'off', d.holiday && 'holiday', d.workday && 'makeup'].filter(Boolean).join(' ') || undefined;

function DayHeader({ calendar, today }: { calendar: CalendarDay[]; today: string }) {
  const { t } = useTranslation();
  return (
    <div className="gd-gantt-row gd-gantt-head">
      <div className="gd-gantt-name">
        <b>{t('production.workCenter')}</b>
      </div>
      <div className="gd-gantt-lane">
        <div className="gd-gantt-days">
          {calendar.map((d) => {
            const weekday = new Date(`${d.date}T12:00:00+08:00`).getUTCDay();
            const note = d.holiday ? t('production.gantt.holiday', { name: d.holiday }) : d.workday ? t('production.gantt.makeupDay', { name: d.workday }) : !d.working ? t('production.gantt.dayOff') : undefined;
            return (
              <div key={d.date} className={dayClass(d, today)} title={note} data-testid={`gantt-day-${d.date}`}>
                {d.date.slice(5)} {t(`production.gantt.weekday.${WEEKDAYS[weekday]}`)}
                {d.holiday && <em>{t('production.gantt.holidayMark')}</em>}
                {d.workday && <em>{t('production.gantt.makeupMark')}</em>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Lane({ center: c, start, calendar, bottleneck, onOpen }: { center: ScheduleView['centers'][number]; start: number; calendar: CalendarDay[]; bottleneck: boolean; onOpen: (workOrderId: string) => void }) {
  const { t } = useTranslation();
  const span = calendar.length * DAY;
  return (
    <div className={`gd-gantt-row${bottleneck ? ' bottleneck' : ''}`} data-testid={`gantt-lane-${c.code}`}>
      <div className="gd-gantt-name">
        <b>
          {c.code} {c.state === 'down' && <Typography.Text type="danger">· {t('production.centerState.down')}</Typography.Text>}
        </b>
        <small>
          {c.name} · {c.shiftStart}–{c.shiftEnd}
          {c.unplanned > 0 && ` · ${t('production.gantt.unplanned', { count: c.unplanned })}`}
        </small>
      </div>
      <div className="gd-gantt-lane">
        <div className="gd-gantt-days">
          {calendar.map((d) => (
            <div key={d.date} className={dayClass(d)} />
          ))}
        </div>
        {c.operations.map((o) => {
          const s = Math.max(Date.parse(o.plannedStart), start);
          const f = Math.min(Date.parse(o.plannedFinish), start + span);
          const tip = (
            <div>
              <b>{o.number}</b> · {o.sku} · {o.name} × {o.qty}
              <br />
              {formatDateTime(o.plannedStart)} → {formatDateTime(o.plannedFinish)}
              <br />
              {t(`orders.priority.${o.priority}`)}
              {o.orderNumber && ` · ${o.orderNumber}`}
              {o.promisedDate && ` · ${t('production.promised')} ${o.promisedDate}`}
              {o.atRisk && ` · ${t('production.atRisk')}`}
            </div>
          );
          return (
            <Tooltip key={o.operationId} title={tip}>
              <button
                type="button"
                className={`gd-gantt-bar${o.atRisk ? ' risk' : ''}`}
                style={{ left: `${((s - start) / span) * 100}%`, width: `${((f - s) / span) * 100}%`, background: priorityColors[o.priority] }}
                onClick={() => onOpen(o.workOrderId)}
                data-testid="gantt-bar"
              >
                {o.number} · {o.sku}
              </button>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}
