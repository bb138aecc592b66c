import { getObjectType } from '../../platform/access/permissions.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import { customFiltersSchema, customSortKey, loadCustomFields, typeTraits, type FieldDefinition } from '../custom-fields/index.ts';
import type { ViewFilters, ViewSort } from './saved-views.schema.ts';

/** A view is of an object type the caller may list; saving one for anything else is pointless or probing. */
export function checkObjectType(p: Principal, objectType: string): void {
  if (!getObjectType(objectType)) throw invalid('objectType', 'unknown object type');
  if (!can(p, objectType, 'read')) throw forbidden();
}

const activeField = (defs: FieldDefinition[], key: string) => defs.find((d) => d.key === key && !d.archivedAt);

/**
 * Custom fields named by a view must exist (and be active) when it is saved. Built-in field names
 * are checked by the list endpoint when the view is applied, as any query parameter is. Returns the
 * filters with customFilters parsed, so stored views hold objects rather than JSON text.
 */
export async function checkViewContent(
  db: Executor,
  p: Principal,
  objectType: string,
  content: { columns?: string[]; sort?: ViewSort | null; filters?: ViewFilters },
): Promise<ViewFilters | undefined> {
  let defs: FieldDefinition[] | undefined;
  const fields = async () => (defs ??= await loadCustomFields(db, p.tenantId, objectType));

  const columns = content.columns ?? [];
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated) throw invalid('columns', `${repeated} appears twice`);
  for (const column of columns) {
    const key = customSortKey(column);
    if (key && !activeField(await fields(), key)) throw invalid('columns', `no custom field ${key}`);
  }
  const sortKey = customSortKey(content.sort?.field);
  if (sortKey) {
    const def = activeField(await fields(), sortKey);
    if (!def) throw invalid('sort.field', `no custom field ${sortKey}`);
    if (!typeTraits[def.type].sort) throw invalid('sort.field', `${def.type} fields cannot be sorted`);
  }
  if (!content.filters || content.filters.customFilters === undefined) return content.filters;
  let raw = content.filters.customFilters;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw invalid('filters.customFilters', 'not JSON');
    }
  }
  const parsed = customFiltersSchema.safeParse(raw);
  if (!parsed.success) throw invalid('filters.customFilters', parsed.error.issues[0]?.message ?? 'invalid');
  for (const key of Object.keys(parsed.data)) {
    if (!activeField(await fields(), key)) throw invalid(`filters.customFilters.${key}`, 'no such field');
  }
  return { ...content.filters, customFilters: parsed.data };
}
