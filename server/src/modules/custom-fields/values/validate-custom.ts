import { and, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/engine.ts';
import { AppError, type FieldIssue } from '../../../platform/http/errors.ts';
import { users } from '../../org/org.schema.ts';
import { loadCustomFields } from '../custom-fields.queries.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { getCustomFieldTarget, type CustomValues } from '../targets.ts';
import { customFieldsSchema, customIssues, type CustomMode } from './custom-schema.ts';
import { isEmptyValue } from './value-schemas.ts';

export interface ValidateCustomOptions {
  mode: CustomMode;
  /** the record's stored `custom` object (update): absent keys and archived values are kept from it */
  existing?: CustomValues;
  /** the record being updated, so a unique value does not collide with itself */
  recordId?: string;
  /** definitions already loaded for this request; loaded here when omitted */
  defs?: FieldDefinition[];
}

/**
 * Validates the `custom` object of a create or update body and returns the complete object to
 * store. Create: defaults fill absent fields, required fields must be present. Update: the input is
 * a patch (null clears a field), merged over `existing`. Throws validation_failed naming each bad
 * field as custom.<key>, or duplicate (409) when a unique field's value is taken in the tenant.
 * Call it inside the transaction that writes the record.
 */
export async function validateCustom(
  db: Executor,
  tenantId: string,
  objectType: string,
  input: unknown,
  opts: ValidateCustomOptions,
): Promise<CustomValues> {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    throw new AppError('validation_failed', {}, [{ field: 'custom', reason: 'an object of field values' }]);
  }
  const defs = opts.defs ?? (await loadCustomFields(db, tenantId, objectType));
  const patch: CustomValues = { ...(input as CustomValues | null | undefined) };
  if (opts.mode === 'create') {
    for (const def of defs) {
      if (!def.archivedAt && def.defaultValue != null && isEmptyValue(patch[def.key])) patch[def.key] = def.defaultValue;
    }
  }
  const parsed = customFieldsSchema(defs, { mode: opts.mode }).safeParse(patch);
  if (!parsed.success) throw new AppError('validation_failed', {}, customIssues(parsed.error, defs));

  const result: CustomValues = opts.mode === 'update' ? { ...opts.existing } : {};
  const changed: CustomValues = {};
  for (const [key, value] of Object.entries(parsed.data as CustomValues)) {
    if (value === null || value === undefined) {
      delete result[key];
    } else {
      result[key] = value;
      if (JSON.stringify(value) !== JSON.stringify(opts.existing?.[key])) changed[key] = value;
    }
  }
  const issues = await checkUserValues(db, tenantId, defs, changed);
  if (issues.length) throw new AppError('validation_failed', {}, issues);
  await checkUnique(db, tenantId, objectType, defs, changed, opts.recordId);
  return result;
}

/** User fields must name a user of the tenant who has not been deleted: one query for all of them. */
export async function checkUserValues(db: Executor, tenantId: string, defs: FieldDefinition[], values: CustomValues): Promise<FieldIssue[]> {
  const userKeys = defs.filter((d) => d.type === 'user' && typeof values[d.key] === 'string').map((d) => d.key);
  if (!userKeys.length) return [];
  const ids = [...new Set(userKeys.map((k) => values[k] as string))];
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids), isNull(users.deletedAt)));
  const known = new Set(found.map((u) => u.id));
  return userKeys.filter((k) => !known.has(values[k] as string)).map((k) => ({ field: `custom.${k}`, reason: 'no such user' }));
}

/**
 * Unique fields: a containment query (served by the table's GIN index) refuses a value another live
 * record of the tenant holds. Two writers racing past this check are stopped by the partial unique
 * index (indexes/index-plan.ts), which the error handler turns into 409.
 */
async function checkUnique(db: Executor, tenantId: string, objectType: string, defs: FieldDefinition[], changed: CustomValues, recordId?: string) {
  const unique = defs.filter((d) => d.unique && !d.archivedAt && changed[d.key] !== undefined);
  if (!unique.length) return;
  const target = getCustomFieldTarget(objectType);
  if (!target) throw new Error(`custom fields of ${objectType}: no record table registered (registerCustomFieldTarget)`);
  const t = target.table;
  for (const def of unique) {
    const conds: (SQL | undefined)[] = [
      eq(t.tenantId, tenantId),
      sql`${t.custom} @> ${JSON.stringify({ [def.key]: changed[def.key] })}::jsonb`,
      t.deletedAt ? isNull(t.deletedAt) : undefined,
      recordId ? ne(t.id, recordId) : undefined,
    ];
    const [taken] = await db.select({ id: t.id }).from(t).where(and(...conds)).limit(1);
    if (taken) {
      const field = `custom.${def.key}`;
      throw new AppError('duplicate', { field }, [{ field, reason: 'already used by another record' }]);
    }
  }
}
