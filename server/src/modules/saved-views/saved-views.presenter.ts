import type { Principal } from '../../platform/access/principal.ts';
import { viewRules } from './saved-views.policy.ts';
import type { ViewRecord } from './saved-views.queries.ts';
import type { ViewDto } from './saved-views.types.ts';

export function presentView(p: Principal, v: ViewRecord): ViewDto {
  const edit = viewRules.edit(p, v);
  return {
    id: v.id,
    objectType: v.objectType,
    name: v.name,
    ownerId: v.ownerId,
    ownerName: v.ownerName,
    sharing: v.sharing,
    filters: v.filters,
    columns: v.columns,
    sort: v.sort ?? null,
    isDefault: v.isDefault,
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    permissions: { update: edit, delete: edit },
  };
}
