import { z } from 'zod';

/**
 * Exact decimal arithmetic for money: amounts travel as strings ("1234.50") and are computed as
 * scaled bigints, never floats, so totals match what PostgreSQL's numeric would give.
 */
const decimalPattern = (scale: number) => new RegExp(`^-?\\d{1,14}(\\.\\d{1,${scale}})?$`);

export const moneyString = z.string().regex(decimalPattern(2), 'a decimal with at most 2 places, e.g. "1234.50"');
export const quantityString = z.string().regex(decimalPattern(4), 'a decimal with at most 4 places');
export const percentString = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'a percentage with at most 2 places').refine((v) => Number(v) <= 100, 'at most 100');

/** "12.5" at scale 2 → 1250n */
export function toScaled(value: string | number, scale: number): bigint {
  const s = typeof value === 'number' ? value.toFixed(scale) : value.trim();
  const negative = s.startsWith('-');
  const [whole, frac = ''] = (negative ? s.slice(1) : s).split('.');
  const digits = BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt((frac + '0'.repeat(scale)).slice(0, scale) || '0');
  return negative ? -digits : digits;
}

/** 1250n at scale 2 → "12.50" */
export function fromScaled(value: bigint, scale = 2): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(scale, '0');
  return `${negative ? '-' : ''}${whole}${scale ? `.${frac}` : ''}`;
}

/** n / d rounded half away from zero */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return q + (n < 0n ? -1n : 1n);
  return q;
}

export interface LineInput {
  quantity: string;
  unitPrice: string;
  discountPct: string;
  taxRate: string;
}

/** quantity × price × (1 − discount%) rounded to cents; tax on that amount rounded to cents. */
export function lineAmounts(line: LineInput): { amount: string; taxAmount: string } {
  const q = toScaled(line.quantity, 4);
  const price = toScaled(line.unitPrice, 2);
  const keep = 10_000n - toScaled(line.discountPct, 2);
  const amount = divRound(q * price * keep, 10n ** 8n);
  const tax = divRound(amount * toScaled(line.taxRate, 2), 10_000n);
  return { amount: fromScaled(amount), taxAmount: fromScaled(tax) };
}

export function sumMoney(values: readonly string[]): string {
  return fromScaled(values.reduce((s, v) => s + toScaled(v, 2), 0n));
}

export function totals(lines: readonly { amount: string; taxAmount: string }[]): { subtotal: string; taxAmount: string; total: string } {
  const subtotal = sumMoney(lines.map((l) => l.amount));
  const taxAmount = sumMoney(lines.map((l) => l.taxAmount));
  return { subtotal, taxAmount, total: sumMoney([subtotal, taxAmount]) };
}

export const compareMoney = (a: string, b: string): number => {
  const d = toScaled(a, 2) - toScaled(b, 2);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** numeric values as PostgreSQL returns them ("13.00") normalised to 2 places */
export const money2 = (v: string | null): string | null => (v === null ? null : fromScaled(toScaled(v, 2)));
