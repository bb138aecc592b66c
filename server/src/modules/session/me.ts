import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { tenants } from '../../platform/tenancy/tenant.table.ts';
import { orgUnits, users } from '../org/org.schema.ts';

export async function loadMe(db: Executor, p: Principal, csrfToken: string | null) {
  const [row] = await db
    .select({ user: users, unitName: orgUnits.name, tenant: tenants })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.unitId)))
    .where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.userId)));
  const u = row.user;
  return {
    user: {
      id: u.id, login: u.login, name: u.name, email: u.email, phone: u.phone, title: u.title,
      unitId: u.unitId, unitName: row.unitName,
      locale: u.locale ?? null,
      mustChangePassword: u.mustChangePassword,
    },
    tenant: { id: row.tenant.id, slug: row.tenant.slug, name: row.tenant.name },
    grants: p.grants,
    capabilities: p.capabilities,
    csrfToken,
  };
}
