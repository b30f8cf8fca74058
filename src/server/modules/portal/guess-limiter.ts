import { AppError } from '../../platform/http/errors.ts';

/**
 * Slows down token guessing: after `limit` unknown or dead tokens from one IP within the
 * window, that IP gets 429 until the window passes. Per process (a guesser spread over
 * several app servers gets at most limit × servers tries; 2^256 tokens make that moot).
 */
export function createGuessLimiter(limit = 20, windowMs = 10 * 60_000) {
  const failures = new Map<string, { n: number; since: number }>();
  return {
    check(ip: string) {
      const f = failures.get(ip);
      if (f && Date.now() - f.since < windowMs && f.n >= limit) throw new AppError('LINK_RATE_LIMITED');
    },
    fail(ip: string) {
      const now = Date.now();
      const f = failures.get(ip);
      if (!f || now - f.since >= windowMs) failures.set(ip, { n: 1, since: now });
      else f.n += 1;
      if (failures.size > 10_000) failures.clear();
    },
  };
}
