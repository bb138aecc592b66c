/**
 * Exact-match keys share one indexed array per record, namespaced by kind so a phone number can
 * never match a code that happens to have the same digits.
 */
export const keyKinds = ['name', 'tel', 'mail', 'code'] as const;
export type KeyKind = (typeof keyKinds)[number];

export const searchKey = (kind: KeyKind, value: string) => `${kind}:${value}`;

/** Identifiers (registration codes, WeChat ids) compare without case and spaces. */
export const compactCode = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export const normalizeEmail = (value: string) => value.normalize('NFKC').trim().toLowerCase();
