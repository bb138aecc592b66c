import type { Db } from '../../platform/db/engine.ts';
import { tenants } from '../../platform/tenancy/tenant.table.ts';
import { runTenantSetup } from '../../platform/tenancy/tenant-setup.ts';
import { createAdmin, createTenant, syncBuiltinRoles } from './bootstrap.ts';
import './org.objects.ts';

/**
 * On every start: built-in roles learn about object types added since. On the very first start:
 * a company with a head office and an administrator whose one-time password is printed once.
 */
export async function prepareTenants(db: Db): Promise<{ login: string; password: string } | null> {
  const all = await db.select({ id: tenants.id }).from(tenants);
  for (const t of all) {
    await syncBuiltinRoles(db, t.id);
    await runTenantSetup(db, t.id);
  }
  if (all.length) return null;
  return db.transaction(async (tx) => {
    const { tenantId } = await createTenant(tx, { slug: 'default', name: '我的公司' });
    const admin = await createAdmin(tx, tenantId);
    return { login: admin.login, password: admin.password };
  });
}
