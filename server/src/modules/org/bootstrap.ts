import { and, eq, isNull } from 'drizzle-orm';
import {
  builtinRoleKeys, listCapabilities, listObjectTypes, type BuiltinRoleKey, type RoleGrants,
} from '../../platform/access/permissions.ts';
import { audit } from '../../platform/audit/audit.ts';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { tenants } from '../../platform/tenancy/tenant.table.ts';
import { runTenantSetup } from '../../platform/tenancy/tenant-setup.ts';
import { orgUnits, roles, userRoles, users } from './org.schema.ts';

const roleNames: Record<BuiltinRoleKey, { name: string; description: string }> = {
  admin: { name: '系统管理员', description: 'Administrator: everything, in every branch' },
  head_office: { name: '总部', description: 'Head office: sees and analyses every branch' },
  branch_manager: { name: '分公司经理', description: 'Branch manager: runs a branch and the units below it' },
  sales_rep: { name: '业务员', description: 'Sales rep: own customers and deals' },
  order_execution: { name: '合同执行', description: 'Order execution: runs orders through their milestones' },
  service: { name: '客服与工程师', description: 'Service staff and field engineers' },
};

export function builtinGrants(key: BuiltinRoleKey): { grants: RoleGrants; capabilities: string[] } {
  const grants: RoleGrants = {};
  for (const object of listObjectTypes()) {
    const grant = object.defaultGrants?.[key];
    if (grant) grants[object.type] = grant;
  }
  const capabilities = listCapabilities().filter((c) => c.roles.includes(key)).map((c) => c.key);
  return { grants, capabilities };
}

/**
 * Built-in roles exist in every tenant. When a new module registers an object type, tenants created
 * before it get that object's default grant here; grants an administrator changed are left alone.
 */
export async function syncBuiltinRoles(db: Executor, tenantId: string): Promise<void> {
  const existing = await db.select().from(roles).where(eq(roles.tenantId, tenantId));
  for (const key of builtinRoleKeys) {
    const wanted = builtinGrants(key);
    const role = existing.find((r) => r.key === key);
    if (!role) {
      await db.insert(roles).values({ tenantId, id: newId(), key, ...roleNames[key], ...wanted });
      continue;
    }
    const missing = Object.keys(wanted.grants).filter((o) => !(o in role.grants));
    const missingCaps = key === 'admin' ? wanted.capabilities.filter((c) => !role.capabilities.includes(c)) : [];
    if (missing.length || missingCaps.length) {
      await db
        .update(roles)
        .set({
          grants: { ...role.grants, ...Object.fromEntries(missing.map((o) => [o, wanted.grants[o]])) },
          capabilities: [...role.capabilities, ...missingCaps],
        })
        .where(and(eq(roles.tenantId, tenantId), eq(roles.id, role.id)));
    }
  }
}

export async function createTenant(db: Executor, input: { slug: string; name: string; headOfficeName?: string }) {
  const tenantId = newId();
  await db.insert(tenants).values({ id: tenantId, slug: input.slug, name: input.name });
  const headOfficeId = newId();
  await db.insert(orgUnits).values({
    tenantId, id: headOfficeId, parentId: null, kind: 'head_office',
    name: input.headOfficeName ?? '总部', path: `/${headOfficeId}/`, depth: 0,
  });
  await syncBuiltinRoles(db, tenantId);
  await runTenantSetup(db, tenantId);
  return { tenantId, headOfficeId };
}

export async function roleIdByKey(db: Executor, tenantId: string, key: BuiltinRoleKey): Promise<string> {
  const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, key)));
  if (!role) throw new Error(`built-in role ${key} missing in tenant ${tenantId}`);
  return role.id;
}

export async function headOfficeOf(db: Executor, tenantId: string): Promise<string> {
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.parentId)));
  return unit.id;
}

/** Creates an administrator (or resets an existing login to admin) with a one-time password. */
export async function createAdmin(db: Executor, tenantId: string, login = 'admin', name = '管理员') {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const adminRole = await roleIdByKey(db, tenantId, 'admin');
  const [existing] = await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.login, login)));
  const id = existing?.id ?? newId();
  if (existing) {
    await db.update(users).set({ passwordHash, mustChangePassword: true, active: true, deletedAt: null, failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  } else {
    await db.insert(users).values({ tenantId, id, login, name, unitId: await headOfficeOf(db, tenantId), passwordHash, mustChangePassword: true });
  }
  await db.insert(userRoles).values({ tenantId, userId: id, roleId: adminRole }).onConflictDoNothing();
  await audit(db, { tenantId, context: { source: 'cli' } }, { action: existing ? 'reset_password' : 'create', objectType: 'user', objectId: id, objectLabel: name });
  return { userId: id, login, password };
}

export async function tenantBySlug(db: Executor, slug?: string) {
  const rows = slug
    ? await db.select().from(tenants).where(eq(tenants.slug, slug))
    : await db.select().from(tenants).limit(2);
  // Without a slug, a deployment with exactly one company needs no company code at sign-in.
  return rows.length === 1 ? rows[0] : null;
}
