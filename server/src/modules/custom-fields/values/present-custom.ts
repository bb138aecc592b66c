import type { FieldChanges } from '../../../platform/audit/audit.table.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import type { CustomValues } from '../targets.ts';

/**
 * The custom values a client sees: those of active fields. Archived fields keep their values in the
 * row (restoring the field brings them back) but are not shown.
 */
export function presentCustom(defs: FieldDefinition[], stored: CustomValues | null | undefined): CustomValues {
  const out: CustomValues = {};
  if (!stored) return out;
  for (const def of defs) {
    if (!def.archivedAt && stored[def.key] !== undefined) out[def.key] = stored[def.key];
  }
  return out;
}

/** Audit changes of the custom object, one entry per changed key, named custom.<key> like the field issues. */
export function diffCustom(before: CustomValues | null | undefined, after: CustomValues | null | undefined): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[`custom.${key}`] = [a, b];
  }
  return changes;
}
