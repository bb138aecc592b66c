import { can, type Principal } from '../../../platform/access/principal.ts';
import type { orgUnits } from '../org.schema.ts';
import type { UnitDto } from './units.types.ts';

type UnitRow = typeof orgUnits.$inferSelect;

export function presentUnit(p: Principal, u: UnitRow): UnitDto {
  return {
    id: u.id,
    parentId: u.parentId,
    kind: u.kind,
    name: u.name,
    code: u.code,
    depth: u.depth,
    sortOrder: u.sortOrder,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    permissions: {
      update: can(p, 'org_unit', 'update'),
      // the head office is the root of everything: it cannot go
      delete: can(p, 'org_unit', 'delete') && u.parentId !== null,
      createChild: can(p, 'org_unit', 'create'),
    },
  };
}
