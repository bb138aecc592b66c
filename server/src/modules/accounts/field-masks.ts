import { applyFieldRules, maskValue } from '../../platform/access/fields.ts';
import type { Principal } from '../../platform/access/principal.ts';

/**
 * applyFieldRules masks scalars; customer records keep phones and e-mails in arrays, which must be
 * masked element by element (138****8000 for each number) rather than as one joined string.
 */
export function applyRecordFieldRules<T extends Record<string, unknown>>(p: Principal, object: string, record: T): T {
  const out: Record<string, unknown> = applyFieldRules(p, object, record);
  for (const [field, rule] of Object.entries(p.fieldRules[object] ?? {})) {
    const value = record[field];
    if (rule === 'masked' && Array.isArray(value)) out[field] = value.map(maskValue);
  }
  return out as T;
}

/** How the caller's role treats one field: undefined (shown), 'masked' or 'hidden'. */
export const fieldRule = (p: Principal, object: string, field: string) => p.fieldRules[object]?.[field];
