import type { TFunction } from 'i18next';

/** Minutes as the largest whole unit ("2 天", "5 hours"). */
export function durationText(t: TFunction, prefix: 'workbench' | 'reports', minutes: number): string {
  const m = Math.abs(minutes);
  if (m >= 1440) return t(`${prefix}.duration.days`, { count: Math.round(m / 1440) });
  if (m >= 60) return t(`${prefix}.duration.hours`, { count: Math.round(m / 60) });
  return t(`${prefix}.duration.minutes`, { count: Math.round(m) });
}
