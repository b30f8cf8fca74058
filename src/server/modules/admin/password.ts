import { hash, verify } from '@node-rs/argon2';
import { AppError, fieldError } from '../../platform/http/errors.ts';

/** argon2id, m = 19 MiB, t = 2 (OWASP minimum; DESIGN.md "Access"). */
const params = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, params);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified when the user does not exist, so timing reveals nothing. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-0'));

export function assertPasswordPolicy(password: string, path = 'password'): void {
  if (password.length < 8 || !/[a-zA-Z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('PASSWORD_TOO_WEAK', [fieldError(path, 'too_weak')]);
  }
}
