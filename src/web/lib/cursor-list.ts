import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, type Query } from './api.ts';

/** One page of a cursor-paged list endpoint. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A filtered list read one cursor page at a time ("load more"). While other filters load, the
 * rows shown stay (as placeholder data) instead of the table blinking empty.
 */
export function useCursorList<T>(queryKey: QueryKey, path: string, filters: object, limit = 50) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<CursorPage<T>>(path, { ...(filters as Query), limit, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
