import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from './api.ts';
import { EChart } from './e-chart.tsx';

const AXIS = '#9fb3d1';
const GRID = '#1f2d4d';

/** 今日产出 vs 计划 per work center: output (green) stacked under what the plan still puts on today. */
export function OutputChart({ centers }: { centers: Board['centers'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      backgroundColor: 'transparent',
      textStyle: { fontSize: 18 },
      legend: { top: 0, right: 0, textStyle: { color: '#e6edf7', fontSize: 18 }, itemWidth: 22, itemHeight: 14 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: 16 } },
      grid: { left: 8, right: 8, top: 44, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: centers.map((c) => c.code), axisLabel: { color: '#e6edf7', fontSize: 20, fontWeight: 600 }, axisLine: { lineStyle: { color: GRID } } },
      yAxis: { type: 'value', axisLabel: { color: AXIS, fontSize: 16 }, splitLine: { lineStyle: { color: GRID } } },
      series: [
        {
          name: t('production.board.output'),
          type: 'bar',
          stack: 'day',
          barMaxWidth: 90,
          itemStyle: { color: '#3ddc84' },
          label: { show: true, position: 'inside', color: '#06210f', fontSize: 20, fontWeight: 700, formatter: ({ value }: { value: number }) => (value ? String(value) : '') },
          data: centers.map((c) => ({ value: c.outputToday, itemStyle: c.state === 'down' ? { color: '#ff6b6b' } : undefined })),
        },
        {
          name: t('production.board.stillPlanned'),
          type: 'bar',
          stack: 'day',
          barMaxWidth: 90,
          itemStyle: { color: '#2f5aa8', borderRadius: [6, 6, 0, 0] },
          // The label on top is the day's target: output plus what is still planned.
          label: {
            show: true,
            position: 'top',
            color: '#fff',
            fontSize: 22,
            fontWeight: 700,
            formatter: ({ dataIndex }: { dataIndex: number }) => `${centers[dataIndex].outputToday} / ${centers[dataIndex].outputToday + centers[dataIndex].remainingToday}`,
          },
          data: centers.map((c) => c.remainingToday),
        },
      ],
    }),
    [centers, t],
  );
  return <EChart option={option} height="100%" testId="board-output-chart" />;
}

/** On-time delivery of the last 30 days as a gauge; "—" until something was delivered. */
export function OnTimeGauge({ onTime }: { onTime: Board['onTime'] }) {
  const { t } = useTranslation();
  const pct = onTime.rate === null ? null : Math.round(onTime.rate * 1000) / 10;
  const option = useMemo(
    () => ({
      backgroundColor: 'transparent',
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          radius: '96%',
          center: ['50%', '58%'],
          progress: { show: true, width: 22, itemStyle: { color: pct === null ? '#44536e' : pct >= 95 ? '#3ddc84' : pct >= 85 ? '#faad14' : '#ff6b6b' } },
          axisLine: { lineStyle: { width: 22, color: [[1, '#1f2d4d']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: false },
          detail: { valueAnimation: true, offsetCenter: [0, '5%'], fontSize: 64, fontWeight: 700, color: '#fff', formatter: () => (pct === null ? '—' : `${pct}%`) },
          data: [{ value: pct ?? 0 }],
        },
      ],
    }),
    [pct],
  );
  return (
    <>
      <EChart option={option} height={230} testId="board-on-time" />
      <div className="gd-board-label" style={{ textAlign: 'center', fontSize: 18 }}>
        {t('production.board.onTimeDetail', { days: onTime.days, onTime: onTime.onTime, delivered: onTime.delivered })}
      </div>
    </>
  );
}
