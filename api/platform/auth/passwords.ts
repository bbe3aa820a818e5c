/** Password hashing with argon2id (OWASP's recommended parameters). */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum; its value is 2.
const ARGON2ID = 2;

const options = { algorithm: ARGON2ID as never, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the account does not exist, so timing does not tell. */
export const decoyHash = hashPassword('decoy-password-for-unknown-accounts');
