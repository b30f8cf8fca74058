import { AppError, fieldError } from './errors.ts';

/**
 * Keyset cursors: the sort key values of the last row, base64url JSON. Opaque to clients,
 * stable under inserts, and O(log n) to resume with an index on the same keys.
 */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', [fieldError('cursor', 'invalid_cursor')]);
}

/** Slices a `limit + 1` fetch into a page and the next cursor. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => unknown[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null;
  return { items, nextCursor };
}
