import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { productionKeys } from './api.ts';

/** The server's signal that the board moved (src/server/modules/production/board-live.ts). */
const BOARD_EVENT = 'production.board';
/** A burst of changes (a planner reporting many operations) refetches the board once. */
const SETTLE_MS = 400;

/**
 * Keeps the board live over the SSE stream (/api/v1/events): each `production.board` push,
 * and every (re)connect, refetches it. The board's slow poll stays as the fallback for a
 * stream that is down; the browser reconnects by itself.
 */
export function useBoardLive(): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void qc.invalidateQueries({ queryKey: productionKeys.board() }), SETTLE_MS);
    };
    source.addEventListener('ready', () => {
      setLive(true);
      refetch();
    });
    source.addEventListener(BOARD_EVENT, refetch);
    source.onerror = () => setLive(false);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [qc]);
  return live;
}
