import type { FieldChanges } from '../audit/audit.table.ts';
import type { Principal } from './principal.ts';

/** Masks keep the shape of a value so users can still tell records apart: 138****8000, z***@qq.com. */
export function maskValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'number') return null;
  const s = String(value);
  if (s.includes('@')) {
    const [name, domain] = s.split('@');
    return `${name.slice(0, 1)}***@${domain}`;
  }
  // Phone numbers the way Chinese apps show them: 138****8000.
  if (/^\+?[\d\s-]{7,}$/.test(s)) {
    const digits = s.replace(/\D/g, '');
    return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  }
  if (s.length <= 4) return '****';
  const keep = Math.min(3, Math.floor(s.length / 4));
  return `${s.slice(0, keep)}${'*'.repeat(Math.max(4, s.length - keep * 2))}${s.slice(-keep || undefined)}`;
}

/** Applies the principal's field rules for one object type. Presenters call this, and nothing else does. */
export function applyFieldRules<T extends Record<string, unknown>>(p: Principal, object: string, record: T): T {
  const rules = p.fieldRules[object];
  if (!rules) return record;
  const out: Record<string, unknown> = { ...record };
  for (const [field, rule] of Object.entries(rules)) {
    if (!(field in out)) continue;
    if (rule === 'hidden') delete out[field];
    else out[field] = maskValue(out[field]);
  }
  return out as T;
}

/** Arrays of phones or e-mails are masked element by element, like the record itself shows them. */
const maskDeep = (v: unknown): unknown => (Array.isArray(v) ? v.map(maskValue) : maskValue(v));

/**
 * A field the caller's role hides or masks on the record is hidden or masked in its history too:
 * the audit log, a record's history and the account timeline all show changes through this.
 */
export function maskChanges(p: Principal, objectType: string, changes: FieldChanges | null): FieldChanges | null {
  const rules = p.fieldRules[objectType];
  if (!changes || !rules) return changes;
  const out: FieldChanges = {};
  for (const [field, pair] of Object.entries(changes)) {
    const rule = rules[field];
    if (rule === 'hidden') continue;
    out[field] = rule === 'masked' ? [maskDeep(pair[0]), maskDeep(pair[1])] : pair;
  }
  return out;
}
