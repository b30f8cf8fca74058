import { useEffect, useRef } from 'react';
import type { EChartOption } from './echarts-core.ts';

type Chart = ReturnType<(typeof import('./echarts-core.ts'))['echarts']['init']>;

/**
 * One ECharts canvas that follows its box. ECharts is fetched on first use (its own chunk);
 * a new `option` replaces the drawing (notMerge), so removed series do not linger.
 */
export function EChart({ option, height, testId }: { option: EChartOption; height: number | string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-core.ts').then(({ echarts }) => {
      if (gone || !box.current) return;
      chart.current = echarts.init(box.current, null, { renderer: 'canvas' });
      chart.current.setOption(latest.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
