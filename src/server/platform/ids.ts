import { randomBytes, randomFillSync, createHash } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** Random bytes for ids, drawn 4 KB at a time: one call to the system's generator per 256 ids, not one per id. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = Buffer.from(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return b;
}

/**
 * UUIDv7: 48-bit millisecond timestamp + random bits, so ids sort by creation time
 * (cursors, timelines and the outbox rely on that) and never need a central counter.
 * Within one process ids are strictly increasing: the 12-bit rand_a field counts up
 * inside a millisecond (RFC 9562 method 1), so events written in one transaction keep
 * their order.
 */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    now = lastMs;
  } else {
    lastMs = now;
    counter = 0;
  }
  const b = random16();
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
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
