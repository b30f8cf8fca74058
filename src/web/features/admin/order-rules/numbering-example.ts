/**
 * What the next order number will look like for a pattern (the server's `numberPattern`
 * placeholders: {yyyy} {MM} {dd} {yyyyMMdd} {yyyyMM} {seq:N}) — the live example on the settings page.
 */
export function exampleNumber(pattern: string, date: Date, seq = 1): string {
  const y = String(date.getFullYear());
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return pattern
    .replaceAll('{yyyyMMdd}', `${y}${m}${d}`)
    .replaceAll('{yyyyMM}', `${y}${m}`)
    .replaceAll('{yyyy}', y)
    .replaceAll('{MM}', m)
    .replaceAll('{dd}', d)
    .replace(/\{seq(?::(\d))?\}/, (_all, width: string | undefined) => String(seq).padStart(Number(width ?? 1), '0'));
}
