/**
 * Decimal arithmetic on the strings numeric columns hold: a line's amount is quantity × unit price,
 * rounded half-up to cents, without ever passing through a float.
 */
const toScaled = (v: string, scale: number): bigint => {
  const [int, frac = ''] = v.split('.');
  return BigInt(int + frac.padEnd(scale, '0').slice(0, scale));
};

const fromScaled = (v: bigint, scale: number): string => {
  const s = v.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
};

/** quantity (≤4 decimals) × unit price (≤4 decimals), rounded to 2 decimals. */
export function lineAmount(quantity: string, unitPrice: string): string {
  const product = toScaled(quantity, 4) * toScaled(unitPrice, 4); // scale 8
  const cents = (product + 500_000n) / 1_000_000n;
  return fromScaled(cents, 2);
}

export function sumAmounts(amounts: string[]): string {
  return fromScaled(amounts.reduce((s, a) => s + toScaled(a, 2), 0n), 2);
}

/** amount × probability% rounded to cents, for presenting a weighted amount. */
export function weighted(amount: string, probability: number): string {
  return fromScaled((toScaled(amount, 2) * BigInt(probability) + 50n) / 100n, 2);
}
