/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet without I, O, Z, S, V. 1: registering authority, 2: kind of entity, 3-8: region (GB/T
 * 2260), 9-17: organisation code, 18: check character over the first 17 (weights 3^i mod 31).
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Codes are entered with spaces, in lower case or in full-width characters; store them in one form. */
export const normalizeCreditCode = (raw: string) => raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * weights[i];
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'characters' | 'region' | 'check_digit';

/** Why a (normalised) code is not valid, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => alphabet.includes(c))) return 'characters';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check_digit';
}
