/** The calendar date (YYYY-MM-DD) of an instant in the company time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `PREFIX-YYYYMMDD-NNNN` document numbers with a per-day sequence key. */
export function dailyNumberKey(prefix: string, at: Date, timeZone: string): { key: string; format: (seq: number) => string } {
  const day = localDate(at, timeZone).replaceAll('-', '');
  return { key: `${prefix}:${day}`, format: (seq) => `${prefix}-${day}-${String(seq).padStart(4, '0')}` };
}
