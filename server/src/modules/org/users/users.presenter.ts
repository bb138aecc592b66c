import { applyFieldRules } from '../../../platform/access/fields.ts';
import { can, type Principal } from '../../../platform/access/principal.ts';
import type { UserDto } from './users.types.ts';
import type { UserRecord } from './users.queries.ts';

export function presentUser(p: Principal, u: UserRecord): UserDto {
  const self = u.id === p.userId;
  const dto: UserDto = {
    id: u.id,
    login: u.login,
    name: u.name,
    email: u.email,
    phone: u.phone,
    title: u.title,
    unitId: u.unitId,
    unitName: u.unitName,
    locale: u.locale === 'zh-CN' || u.locale === 'en-US' ? u.locale : null,
    active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > new Date(),
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roleIds: u.roleIds,
    managedUnitIds: u.managedUnitIds,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    permissions: {
      update: can(p, 'user', 'update'),
      delete: can(p, 'user', 'delete') && !self,
      resetPassword: can(p, 'user', 'update') && !self,
    },
  };
  // You always see your own contact details.
  return self ? dto : applyFieldRules(p, 'user', dto);
}
