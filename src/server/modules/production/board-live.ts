import { EVERYONE, type LiveHub } from '../../platform/live.ts';

/** SSE event type the board page listens for: "what the board shows has moved, fetch it again". */
export const BOARD_EVENT = 'production.board';

/** Called after a commit that moves the board (equipment, plans, progress, work orders). */
export type AnnounceBoard = (reason: string) => void;

export const quietBoard: AnnounceBoard = () => {};

/**
 * Pushes a bare signal to every connected browser: no figures travel, so nobody learns
 * anything their own GET of the board would not show them; a lost push is covered by the
 * board's slow poll.
 */
export function boardAnnouncer(live: LiveHub): AnnounceBoard {
  return (reason) => void live.publish({ userId: EVERYONE, type: BOARD_EVENT, data: { reason, at: new Date().toISOString() } }).catch(() => {});
}
