import { and, eq, inArray, isNull, like, or } from 'drizzle-orm';
import { mergeRoles } from '../../platform/access/permissions.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { PrincipalLoader } from '../../platform/auth/authenticate.ts';
import { TtlCache } from '../../platform/auth/ttl-cache.ts';
import type { Db } from '../../platform/db/engine.ts';
import { orgUnits, roles, userManagedUnits, userRoles, users } from './org.schema.ts';

// Four small queries per principal; cached briefly because every request needs one. Changes to
// users, roles or units call clearPrincipalCache() so this process sees them at once.
const cache = new TtlCache<Principal | null>(5_000, 5_000);
export const clearPrincipalCache = () => cache.clear();

export const loadPrincipal: PrincipalLoader = async (db, who) => {
  const key = `${who.tenantId}:${who.userId}:${who.onlyRoleId ?? ''}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const principal = await buildPrincipal(db, who);
  cache.set(key, principal);
  return principal;
};

async function buildPrincipal(
  db: Db,
  who: { tenantId: string; userId: string; onlyRoleId?: string },
): Promise<Principal | null> {
  const { tenantId, userId } = who;
  const [user] = await db
    .select({ id: users.id, name: users.name, unitId: users.unitId, locale: users.locale, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNull(users.deletedAt)));
  if (!user || !user.active) return null;

  const roleRows = await db
    .select({ id: roles.id, grants: roles.grants, capabilities: roles.capabilities, fieldRules: roles.fieldRules })
    .from(userRoles)
    .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)))
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId), isNull(roles.deletedAt)));
  // An API key acts with one role, and only if its creator still holds that role.
  const effective = who.onlyRoleId ? roleRows.filter((r) => r.id === who.onlyRoleId) : roleRows;
  if (who.onlyRoleId && !effective.length) return null;

  const managed = await db
    .select({ unitId: userManagedUnits.unitId })
    .from(userManagedUnits)
    .where(and(eq(userManagedUnits.tenantId, tenantId), eq(userManagedUnits.userId, userId)));
  const unitIds = [...new Set([user.unitId, ...managed.map((m) => m.unitId)])];
  const roots = await db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, unitIds)));
  const subtree = roots.length
    ? await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, tenantId), or(...roots.map((r) => like(orgUnits.path, `${r.path}%`)))))
    : [];

  const merged = mergeRoles(effective);
  return {
    tenantId,
    userId,
    userName: user.name,
    unitId: user.unitId,
    grants: merged.grants,
    capabilities: merged.capabilities,
    fieldRules: merged.fieldRules,
    unitIds,
    subtreeUnitIds: [...new Set([...unitIds, ...subtree.map((s) => s.id)])],
    locale: user.locale === 'en-US' || user.locale === 'zh-CN' ? user.locale : undefined,
  };
}
