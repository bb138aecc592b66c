import { hasCapability, type Principal } from '../../../platform/access/principal.ts';
import type { roles } from '../org.schema.ts';
import type { RoleDto } from './roles.types.ts';

export function presentRole(p: Principal, r: typeof roles.$inferSelect, userCount: number): RoleDto {
  const manage = hasCapability(p, 'roles.manage');
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    grants: r.grants,
    capabilities: r.capabilities,
    fieldRules: r.fieldRules,
    userCount,
    version: r.version,
    permissions: { update: manage, delete: manage && r.key !== 'admin' && userCount === 0 },
  };
}
