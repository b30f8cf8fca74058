import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { publishProgress, type LiveProgress } from '../../lib/live-progress.ts';
import { authKeys } from '../auth/api.ts';
import { notificationKeys, type Notification } from './api.ts';

export type LiveState = 'connecting' | 'live' | 'offline';

/** Notification kinds → the cached data they make stale (customer.change_requested, requirement.customer_confirmed, …). */
const liveDomains = [
  { prefix: 'customer.', keys: [['customers']] },
  { prefix: 'communication.', keys: [['customers']] },
  { prefix: 'requirement.', keys: [['requirements'], ['customers', 'history']] },
  { prefix: 'approval.', keys: [['approvals'], ['orders']] },
  { prefix: 'order.', keys: [['orders'], ['approvals']] },
  { prefix: 'stock.adjustment_', keys: [['adjustment-requests'], ['stock']] },
] as const;

/**
 * Subscribes to `/api/v1/events` (SSE) while signed in. The browser retries a dropped
 * stream by itself; when it gives up (a non-200 answer such as an expired session) we
 * re-check the session and reconnect with backoff. Pushed notifications only invalidate
 * the cached list, which then refetches: cached data is never edited in place.
 */
export function useLiveEvents(userId: string, onNotification: (n: Notification) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onNotification);
  handler.current = onNotification;

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      source = new EventSource('/api/v1/events', { withCredentials: true });
      source.addEventListener('ready', () => {
        attempt = 0;
        setState('live');
        void qc.invalidateQueries({ queryKey: notificationKeys.all });
      });
      source.addEventListener('notification', (e) => {
        void qc.invalidateQueries({ queryKey: notificationKeys.all });
        try {
          const n = JSON.parse((e as MessageEvent<string>).data) as Notification;
          // A notification about a customer, requirement, order or approval means what is on screen may be stale.
          const domain = liveDomains.find((d) => n.kind.startsWith(d.prefix));
          for (const queryKey of domain?.keys ?? []) void qc.invalidateQueries({ queryKey });
          handler.current(n);
        } catch {
          /* a malformed push still refreshed the list */
        }
      });
      source.addEventListener('progress', (e) => {
        try {
          publishProgress(JSON.parse((e as MessageEvent<string>).data) as LiveProgress);
        } catch {
          /* progress is best effort */
        }
      });
      source.onerror = () => {
        setState('offline');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        void qc.invalidateQueries({ queryKey: authKeys.me });
        attempt += 1;
        timer = setTimeout(connect, Math.min(30_000, 1_000 * 2 ** attempt));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [userId, qc]);

  return state;
}
