/**
 * Numbers, dates and times as users read them (UX.md): ¥1,299.00, 2026-11-27 in the company
 * time zone, "3 小时后" / "2 days ago". Money arrives in fen (integer minor units).
 */
export const TIME_ZONE = 'Asia/Shanghai';

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(fen: number, currency = 'CNY', locale = 'zh-CN'): string {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, f);
  }
  // Fen are integers: dividing once for display never accumulates float error.
  return f.format(fen / 100);
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** `2026-11-27` (en-CA formats dates as ISO), in the company time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFormat.format(d);
}

/** `2026-11-27 14:05`, in the company time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${dateFormat.format(d)} ${timeFormat.format(d)}`;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3小时前", "in 2 days"; under a minute is "现在" / "now". */
export function formatRelative(iso: string | null | undefined, locale = 'zh-CN', now = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '—';
  const diff = t - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, 'second');
}

const qtyFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3, useGrouping: true });

/** `12 台`, `2.5 米`: a quantity with its unit (UX.md). */
export function formatQty(qty: number | null | undefined, unit?: string | null): string {
  if (qty === null || qty === undefined || Number.isNaN(qty)) return '—';
  return unit ? `${qtyFormat.format(qty)} ${unit}` : qtyFormat.format(qty);
}

/** Whole days from today (company calendar) to a `YYYY-MM-DD` date: negative when past. */
export function daysUntil(date: string, now = Date.now()): number {
  const today = formatDate(new Date(now).toISOString());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
