import type { Action, DataScope, Role, RoleCatalog } from '../../../app/api/schemas';

export type FieldRule = 'hidden' | 'masked';

/** A role being edited: per object the ticked actions and scope (kept even with nothing ticked). */
export interface RoleDraft {
  grants: Record<string, { actions: Action[]; scope: DataScope }>;
  capabilities: string[];
  fieldRules: Record<string, Record<string, FieldRule>>;
}

export function draftOf(catalog: RoleCatalog, role?: Pick<Role, 'grants' | 'capabilities' | 'fieldRules'>): RoleDraft {
  const grants: RoleDraft['grants'] = {};
  for (const o of catalog.objects) grants[o.type] = { actions: [...(role?.grants[o.type]?.actions ?? [])], scope: role?.grants[o.type]?.scope ?? 'own' };
  return { grants, capabilities: [...(role?.capabilities ?? [])], fieldRules: structuredClone(role?.fieldRules ?? {}) };
}

/** What the server stores: objects without actions are left out rather than sent empty. */
export function grantsOf(draft: RoleDraft): Role['grants'] {
  return Object.fromEntries(Object.entries(draft.grants).filter(([, g]) => g.actions.length > 0));
}

/** The order actions appear in the matrix: the catalog's, as the server lists them per object. */
export function actionColumns(catalog: RoleCatalog): Action[] {
  const seen: Action[] = [];
  for (const o of catalog.objects) for (const a of o.actions) if (!seen.includes(a)) seen.push(a);
  return seen;
}
