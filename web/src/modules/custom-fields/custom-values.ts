import dayjs from 'dayjs';
import type { CustomField } from '../../app/api/schemas';
import { regionPath } from '../accounts/regions/region-cache';

export type CustomValues = Record<string, unknown>;

/** null, '', whitespace and [] mean "no value", as on the server. */
export const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A stored value as its form control holds it: dates as dayjs, a region as its cascader path. */
export function toFormValue(def: CustomField, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if ((def.type === 'date' || def.type === 'datetime') && typeof value === 'string') return dayjs(value);
  if (def.type === 'region' && typeof value === 'string') return regionPath(value);
  return value;
}

/** A form control's value as the API takes it; null for none. */
export function toApiValue(def: CustomField, value: unknown): unknown {
  if (isEmpty(value)) return null;
  if (dayjs.isDayjs(value)) return def.type === 'date' ? value.format('YYYY-MM-DD') : value.toISOString();
  if (def.type === 'region' && Array.isArray(value)) return value[value.length - 1];
  if (typeof value === 'string' && def.type !== 'long_text') return value.trim();
  return value;
}

/** The form's `custom` values for a record (or, with no record, each field's default for a new one). */
export function customFormValues(defs: CustomField[], stored?: CustomValues): CustomValues {
  return Object.fromEntries(defs.filter((d) => !d.archived).map((d) => [d.key, toFormValue(d, stored ? stored[d.key] : d.defaultValue)]));
}

/** Every field's value for a create request (empty ones left out). */
export function customForCreate(defs: CustomField[], values: CustomValues | undefined): CustomValues {
  const out: CustomValues = {};
  for (const def of defs.filter((d) => !d.archived)) {
    const v = toApiValue(def, values?.[def.key]);
    if (v !== null) out[def.key] = v;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields that changed, for an update (`custom` is a patch; null clears a field). Undefined when none did. */
export function customChanges(defs: CustomField[], stored: CustomValues, values: CustomValues | undefined): CustomValues | undefined {
  const out: CustomValues = {};
  for (const def of defs.filter((d) => !d.archived)) {
    const next = toApiValue(def, values?.[def.key]);
    const before = isEmpty(stored[def.key]) ? null : stored[def.key];
    if (!same(next, before)) out[def.key] = next;
  }
  return Object.keys(out).length ? out : undefined;
}
