import argon2 from 'argon2';
import { invalid } from '../http/errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): ~25 ms a hash here, slow for guessing, fine for sign-in.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, options);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the login does not exist, so timing does not reveal which logins do. */
let dummyHash: Promise<string> | undefined;
export const verifyAgainstDummy = async (password: string) => {
  dummyHash ??= hashPassword('kehu-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
};

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 10) throw invalid(field, 'at least 10 characters');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) throw invalid(field, 'letters and digits');
}

/** A readable one-time password: 4 groups of 4 from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  // guarantee a digit so the strength rule holds
  chars[3] = String(2 + (bytes[3] % 8));
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
