import { randomBytes, createHash } from 'node:crypto';

/**
 * UUIDv7: 48-bit millisecond timestamp + random bits, so ids sort by creation time
 * (cursors and the outbox rely on that) and never need a central counter.
 */
export function newId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A ≥128-bit random secret, URL-safe (session ids, API tokens, customer links). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const nowIso = () => new Date().toISOString();
