import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/engine.ts';
import { AppError } from '../../platform/http/errors.ts';
import { tenantBySlug } from '../org/bootstrap.ts';
import { users } from '../org/org.schema.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Checks the password; five failures in a row lock the login for 15 minutes. */
export async function login(
  db: Db,
  input: { login: string; password: string; tenant?: string; ip?: string; userAgent?: string },
) {
  const tenant = await tenantBySlug(db, input.tenant);
  if (!tenant) return verifyAgainstDummy(input.password).then(() => { throw new AppError('invalid_credentials'); });
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.login, input.login), isNull(users.deletedAt)));
  if (!user || !user.active) {
    await verifyAgainstDummy(input.password);
    throw new AppError('invalid_credentials');
  }
  const actor = { tenantId: tenant.id, userId: user.id, context: { ip: input.ip } };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('account_locked', { until: user.lockedUntil.toISOString() });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil })
        .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
      await audit(tx, actor, { action: lockedUntil ? 'login_locked' : 'login_failed', objectType: 'user', objectId: user.id, objectLabel: user.name });
    });
    if (lockedUntil) throw new AppError('account_locked', { until: lockedUntil.toISOString() });
    throw new AppError('invalid_credentials');
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    const created = await createSession(tx, { tenantId: tenant.id, userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await audit(tx, actor, { action: 'login', objectType: 'user', objectId: user.id, objectLabel: user.name });
    return created;
  });
}
