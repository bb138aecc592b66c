import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Deliveries are signed like Stripe's: `X-Kehu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`
 * over `${t}.${body}` with the subscription's secret. The timestamp inside the signed text lets a
 * receiver refuse replays of an old request; during a secret rotation's grace period a second
 * `v1=` signed with the previous secret follows.
 */
export const SIGNATURE_HEADER = 'X-Kehu-Signature';
export const EVENT_HEADER = 'X-Kehu-Event';
export const DELIVERY_HEADER = 'X-Kehu-Delivery';

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export const signBody = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signatureHeader(secrets: string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signBody(s, timestamp, body)}`)].join(',');
}

/**
 * What a receiver does (and what the tests do, as one): recompute the HMAC of `${t}.${rawBody}` and
 * compare in constant time; refuse a timestamp older than `toleranceSeconds`.
 */
export function verifySignature(secret: string, header: string, rawBody: string, opts: { toleranceSeconds?: number; now?: number } = {}): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signBody(secret, t, rawBody), 'hex');
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const given = Buffer.from(v ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
