import type { Executor } from '../../platform/db/engine.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { FieldDefinition, SelectOption } from './custom-fields.schema.ts';
import { isSelect, typeTraits } from './field-types.ts';
import { checkUserValues } from './values/validate-custom.ts';
import { isEmptyValue, valueSchema } from './values/value-schemas.ts';

type Candidate = Pick<FieldDefinition, 'tenantId' | 'key' | 'type' | 'options' | 'required' | 'unique' | 'indexed' | 'archivedAt'> & {
  defaultValue?: unknown;
};

/**
 * What makes a definition coherent, for create and update alike. Returns the default value in its
 * stored form (null for none). Options may be archived but never removed: records hold their values.
 */
export async function checkDefinition(db: Executor, def: Candidate, before?: { options: SelectOption[] }): Promise<unknown> {
  const traits = typeTraits[def.type];
  if (isSelect(def.type) && !def.options.some((o) => !o.archived)) throw invalid('options', 'a select field needs at least one active option');
  if (!isSelect(def.type) && def.options.length) throw invalid('options', `${def.type} fields have no options`);
  const values = def.options.map((o) => o.value);
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated) throw invalid('options', `option ${repeated} appears twice`);
  const removed = before?.options.find((o) => !values.includes(o.value));
  if (removed) throw invalid('options', `option ${removed.value} is in use by records: archive it instead of removing it`);
  if (def.unique && !traits.unique) throw invalid('unique', `${def.type} fields cannot be unique`);
  if (def.indexed && !traits.sort && !traits.contains) throw invalid('indexed', `${def.type} fields need no index: their filters use the GIN index`);
  if (def.unique && def.defaultValue != null && !isEmptyValue(def.defaultValue)) throw invalid('defaultValue', 'a unique field cannot have a default');
  if (isEmptyValue(def.defaultValue)) return null;
  const parsed = valueSchema(def).safeParse(def.defaultValue);
  if (!parsed.success) throw invalid('defaultValue', parsed.error.issues[0]?.message ?? 'invalid');
  const issues = await checkUserValues(db, def.tenantId, [def as FieldDefinition], { [def.key]: parsed.data });
  if (issues.length) throw invalid('defaultValue', issues[0].reason);
  return parsed.data;
}

/** Archived fields are read-only until restored: their indexes are gone and their values hidden. */
export function assertActive(def: FieldDefinition): void {
  if (def.archivedAt) throw new AppError('conflict', { reason: 'field_archived' });
}
