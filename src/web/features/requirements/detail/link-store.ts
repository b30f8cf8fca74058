import { useCallback, useState } from 'react';
import type { LinkCreated } from '../api.ts';

const key = (requirementId: string) => `gendan.link.${requirementId}`;

function read(requirementId: string): LinkCreated | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(key(requirementId)) ?? 'null') as LinkCreated | null;
    return v && Date.parse(v.expiresAt) > Date.now() ? v : null;
  } catch {
    return null;
  }
}

/**
 * The confirmation link made in this browser tab. The server returns the URL only when it is
 * created (the token is not stored in clear), so it is kept for this session to copy again or revoke.
 */
export function useLastLink(requirementId: string) {
  const [link, setLinkState] = useState<LinkCreated | null>(() => read(requirementId));
  const setLink = useCallback(
    (l: LinkCreated | null) => {
      try {
        if (l) sessionStorage.setItem(key(requirementId), JSON.stringify(l));
        else sessionStorage.removeItem(key(requirementId));
      } catch {
        /* private mode: kept in memory only */
      }
      setLinkState(l);
    },
    [requirementId],
  );
  return [link, setLink] as const;
}
