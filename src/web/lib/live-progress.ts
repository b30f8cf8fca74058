import { useEffect, useState } from 'react';

/** `event: progress` from the SSE stream: long server work (imports, exports) reporting in. */
export interface LiveProgress {
  task: string;
  processed?: number;
  imported?: number;
  total?: number;
}

type Listener = (p: LiveProgress) => void;
const listeners = new Set<Listener>();

/** Called by the live-events hook for each progress message. */
export function publishProgress(p: LiveProgress): void {
  for (const l of listeners) l(p);
}

/** The latest progress of one task while `active`; cleared when it becomes active again. */
export function useLiveProgress(task: string, active: boolean): LiveProgress | null {
  const [last, setLast] = useState<LiveProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setLast(null);
    const l: Listener = (p) => p.task === task && setLast(p);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, [task, active]);
  return active ? last : null;
}
