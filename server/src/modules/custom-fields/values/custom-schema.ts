import { z } from 'zod';
import type { FieldIssue } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { isEmptyValue, valueSchema } from './value-schemas.ts';

export type CustomMode = 'create' | 'update';

/**
 * The zod schema of a create or update body's `custom` object, built from the tenant's definitions.
 * Output: canonical values by key, and null for "clear this field" (update) or "no value" (create).
 * Unknown and archived keys are refused; required fields must have a value on create and cannot be
 * cleared on update. Whether user ids exist is checked afterwards (checkUserValues): zod is synchronous.
 */
export function customFieldsSchema(defs: FieldDefinition[], opts: { mode?: CustomMode } = {}) {
  const mode = opts.mode ?? 'create';
  const shape: Record<string, z.ZodType> = {};
  for (const def of defs) {
    if (def.archivedAt) continue;
    const value = valueSchema(def);
    const field = def.required
      ? z.unknown().transform((v, ctx) => {
          if (!isEmptyValue(v)) return v;
          ctx.addIssue({ code: 'custom', message: 'required' });
          return z.NEVER;
        }).pipe(value)
      : z.unknown().transform((v) => (isEmptyValue(v) ? null : v)).pipe(value.nullable());
    // On update an absent key keeps the stored value, so even a required field may be left out.
    shape[def.key] = mode === 'create' && def.required ? field : field.optional();
  }
  return z.strictObject(shape);
}

/** zod's issues as Kehu's field issues: one per field, named custom.<key>. */
export function customIssues(error: z.ZodError, defs: FieldDefinition[]): FieldIssue[] {
  const archived = new Set(defs.filter((d) => d.archivedAt).map((d) => d.key));
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: `custom.${key}`, reason: archived.has(key) ? 'the field is archived' : 'no such field' });
      }
      continue;
    }
    const key = issue.path[0];
    const field = key === undefined ? 'custom' : `custom.${String(key)}`;
    if (!issues.some((i) => i.field === field)) issues.push({ field, reason: issue.message });
  }
  return issues;
}
