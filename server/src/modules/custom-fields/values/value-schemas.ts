import { z } from 'zod';
import { normalizePhone } from '../../../platform/text/phone.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import type { FieldType } from '../field-types.ts';
import { isRegionCode } from './regions.ts';

/**
 * The zod schema of one field's value, producing the canonical stored form: money as a string with
 * two decimals, datetimes in UTC, phones as digits, e-mails in lower case. Canonical values make
 * containment filters and unique checks exact.
 */
export function valueSchema(def: Pick<FieldDefinition, 'type' | 'options'>): z.ZodType {
  const build = builders[def.type];
  return build(def);
}

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 20_000;
// The largest code point is the sort sentinel for empty values (see query/expressions.ts).
const text = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u{10FFFF}'), 'contains an invalid character');

// Imports and form posts send numbers as text; both forms are accepted.
const numberLike = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)], { error: 'a number' });

const money = z
  .union([z.number(), z.string().trim()], { error: 'an amount with at most 15 digits and 2 decimals' })
  .transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : v.replace(/,/g, '');
    const m = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'an amount with at most 15 digits and 2 decimals' });
      return z.NEVER;
    }
    const cents = (m[3] ?? '').padEnd(2, '0');
    const sign = m[1] && /[1-9]/.test(m[2] + cents) ? '-' : '';
    return `${sign}${m[2].replace(/^0+(?=\d)/, '')}.${cents}`;
  });

const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, 'no such date');

const datetime = z.iso.datetime({ offset: true, message: 'a date and time as ISO 8601 with a time zone' })
  .transform((s) => new Date(s).toISOString());

const url = z.string().trim().max(2000).transform((s, ctx) => {
  // People type www.example.com; a scheme-less address is taken as https.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  try {
    const u = new URL(withScheme);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.')) return u.toString();
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'not a web address' });
  return z.NEVER;
});

const phone = z.string().max(40).transform((s, ctx) => {
  const digits = /^[+\d\s()\-.]+$/.test(s.trim()) ? normalizePhone(s) : null;
  if (digits && digits.replace(/\D/g, '').length <= 20) return digits;
  ctx.addIssue({ code: 'custom', message: 'not a phone number' });
  return z.NEVER;
});

function option(def: Pick<FieldDefinition, 'options'>) {
  const active = def.options.filter((o) => !o.archived).map((o) => o.value);
  return z.string().refine((v) => active.includes(v), { message: `one of: ${active.join(', ')}` });
}

const builders: Record<FieldType, (def: Pick<FieldDefinition, 'type' | 'options'>) => z.ZodType> = {
  text: () => text(MAX_TEXT),
  long_text: () => text(MAX_LONG_TEXT),
  number: () => numberLike.pipe(z.number().refine((n) => Math.abs(n) < 1e15, 'at most 15 digits')),
  money: () => money,
  date: () => date,
  datetime: () => datetime,
  single_select: (def) => option(def),
  multi_select: (def) => z.array(option(def)).max(100).transform((vs) => [...new Set(vs)]),
  boolean: () => z.boolean(),
  user: () => z.uuid({ message: 'a user id' }),
  region: () => z.string().refine(isRegionCode, 'not a province, city or district code'),
  url: () => url,
  phone: () => phone,
  email: () => z.string().trim().toLowerCase().pipe(z.email({ message: 'not an e-mail address' })),
};

/** null, '', whitespace and [] all mean "no value": the key is left out of the stored object. */
export const isEmptyValue = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
