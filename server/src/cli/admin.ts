import { and, eq } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import { generatePassword, hashPassword } from '../platform/auth/passwords.ts';
import { deleteUserSessions } from '../platform/auth/sessions.ts';
import { audit } from '../platform/audit/audit.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { createAdmin, tenantBySlug } from '../modules/org/bootstrap.ts';
import { prepareTenants } from '../modules/org/first-start.ts';
import { users } from '../modules/org/org.schema.ts';

async function withDatabase<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function requireTenant(db: Parameters<typeof tenantBySlug>[0], slug?: string) {
  const tenant = await tenantBySlug(db, slug);
  if (!tenant) throw new Error(slug ? `no company with code ${slug}` : 'several companies on this server: pass --tenant');
  return tenant;
}

export async function createAdminCommand(config: Config, o: { login: string; name: string; tenant?: string }) {
  await withDatabase(config, async (db) => {
    await prepareTenants(db);
    const tenant = await requireTenant(db, o.tenant);
    const admin = await db.transaction((tx) => createAdmin(tx, tenant.id, o.login.toLowerCase(), o.name));
    console.log(`login:    ${admin.login}\npassword: ${admin.password}   (one-time: change it at first sign-in)`);
  });
}

export async function resetPasswordCommand(config: Config, login: string, o: { tenant?: string }) {
  await withDatabase(config, async (db) => {
    const tenant = await requireTenant(db, o.tenant);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const [user] = await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
        .where(and(eq(users.tenantId, tenant.id), eq(users.login, login.toLowerCase())))
        .returning({ id: users.id, name: users.name });
      if (!user) throw new Error(`no user with login ${login}`);
      await deleteUserSessions(tx, tenant.id, user.id);
      await audit(tx, { tenantId: tenant.id, context: { source: 'cli' } }, { action: 'reset_password', objectType: 'user', objectId: user.id, objectLabel: user.name });
    });
    console.log(`login:    ${login}\npassword: ${password}   (one-time: change it at first sign-in)`);
  });
}
