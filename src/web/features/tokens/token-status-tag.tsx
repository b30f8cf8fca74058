import { createStatusTag } from '../../components/status-tag.tsx';
import type { ApiToken } from './api.ts';

/** A token is active until revoked or past its expiry; derived from the two timestamps. */
export const tokenStatuses = ['active', 'expired', 'revoked'] as const;
export type TokenStatus = (typeof tokenStatuses)[number];

export function tokenStatusOf(tok: ApiToken, now = Date.now()): TokenStatus {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && Date.parse(tok.expiresAt) <= now) return 'expired';
  return 'active';
}

export const TokenStatusTag = createStatusTag<TokenStatus>({
  active: { color: 'success', label: 'tokens.status.active' },
  expired: { color: 'warning', label: 'tokens.status.expired' },
  revoked: { color: 'default', label: 'tokens.status.revoked' },
});
