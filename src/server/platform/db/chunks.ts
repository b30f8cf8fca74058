/**
 * `items` in consecutive parts of at most `size`: key lists for `in (…)` and multi-row
 * statements. 1,000 keys by default, far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
 */
export function inChunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
