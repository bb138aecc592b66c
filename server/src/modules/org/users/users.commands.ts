import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { inScope } from '../../../platform/access/principal.ts';
import { audit, diff } from '../../../platform/audit/audit.ts';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../../platform/auth/passwords.ts';
import { deleteUserSessions } from '../../../platform/auth/sessions.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, forbidden, invalid } from '../../../platform/http/errors.ts';
import { orgUnits, roles, userManagedUnits, userRoles, users } from '../org.schema.ts';
import { clearPrincipalCache } from '../principal-loader.ts';
import { roleWithinPrincipal } from '../roles/role-bounds.ts';
import { findUser, getUser, readBackUser } from './users.queries.ts';
import type { createUserBody, updateUserBody } from './users.types.ts';

const audited = ['login', 'name', 'email', 'phone', 'title', 'unitId', 'locale', 'active', 'roleIds', 'managedUnitIds'] as const;

async function checkUnit(tx: Executor, ctx: Ctx, unitId: string, field: string) {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.principal.tenantId), eq(orgUnits.id, unitId), isNull(orgUnits.deletedAt)));
  if (!unit) throw invalid(field, 'no such unit');
  // A branch manager may place users only inside the units their scope reaches.
  if (!inScope(ctx.principal, 'user', { ownerId: '', unitId })) throw invalid(field, 'outside your data scope');
}

async function checkRoles(tx: Executor, ctx: Ctx, roleIds: string[]) {
  const rows = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, ctx.principal.tenantId), inArray(roles.id, roleIds), isNull(roles.deletedAt)));
  if (rows.length !== new Set(roleIds).size) throw invalid('roleIds', 'unknown role');
  if (!rows.every((r) => roleWithinPrincipal(r, ctx.principal))) throw invalid('roleIds', 'a role grants more than you hold');
}

async function checkManagedUnits(tx: Executor, ctx: Ctx, unitIds: string[]) {
  for (const unitId of unitIds) await checkUnit(tx, ctx, unitId, 'managedUnitIds');
}

async function loginTaken(tx: Executor, tenantId: string, login: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.login, login)));
  return !!row;
}

export async function createUser(ctx: Ctx, input: z.infer<typeof createUserBody>) {
  const { principal: p } = ctx;
  if (input.password) checkPasswordStrength(input.password);
  const oneTimePassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  return ctx.db.transaction(async (tx) => {
    await checkUnit(tx, ctx, input.unitId, 'unitId');
    await checkRoles(tx, ctx, input.roleIds);
    await checkManagedUnits(tx, ctx, input.managedUnitIds);
    if (await loginTaken(tx, p.tenantId, input.login)) throw new AppError('duplicate', { field: 'login' }, [{ field: 'login', reason: 'taken' }]);
    const id = newId();
    await tx.insert(users).values({
      tenantId: p.tenantId,
      id,
      login: input.login,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      title: input.title ?? null,
      unitId: input.unitId,
      locale: input.locale ?? null,
      passwordHash,
      mustChangePassword: !!oneTimePassword,
      createdBy: p.userId,
      updatedBy: p.userId,
    });
    await setRelations(tx, p.tenantId, id, input.roleIds, input.managedUnitIds);
    const user = await readBackUser(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'create', objectType: 'user', objectId: id, objectLabel: input.name, changes: diff(null, user, audited) });
    clearPrincipalCache();
    return { user, oneTimePassword };
  });
}

async function setRelations(tx: Executor, tenantId: string, userId: string, roleIds?: string[], managedUnitIds?: string[]) {
  if (roleIds) {
    await tx.delete(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
    await tx.insert(userRoles).values([...new Set(roleIds)].map((roleId) => ({ tenantId, userId, roleId })));
  }
  if (managedUnitIds) {
    await tx.delete(userManagedUnits).where(and(eq(userManagedUnits.tenantId, tenantId), eq(userManagedUnits.userId, userId)));
    if (managedUnitIds.length) {
      await tx.insert(userManagedUnits).values([...new Set(managedUnitIds)].map((unitId) => ({ tenantId, userId, unitId })));
    }
  }
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof updateUserBody>) {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getUser(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const self = id === p.userId;
    if (self && (input.active === false || input.roleIds || input.unitId || input.managedUnitIds)) {
      // Locking yourself out or raising yourself are always mistakes or attacks.
      throw forbidden();
    }
    if (input.unitId && input.unitId !== before.unitId) await checkUnit(tx, ctx, input.unitId, 'unitId');
    if (input.roleIds) await checkRoles(tx, ctx, input.roleIds);
    if (input.managedUnitIds) await checkManagedUnits(tx, ctx, input.managedUnitIds);
    const pick = <K extends keyof typeof input>(k: K, fallback: unknown) => (input[k] === undefined ? fallback : input[k]);
    const [row] = await tx
      .update(users)
      .set({
        name: input.name ?? before.name,
        email: pick('email', before.email) as string | null,
        phone: pick('phone', before.phone) as string | null,
        title: pick('title', before.title) as string | null,
        unitId: input.unitId ?? before.unitId,
        locale: input.locale === undefined ? before.locale : input.locale,
        active: input.active ?? before.active,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(eq(users.tenantId, p.tenantId), eq(users.id, id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new AppError('version_conflict');
    await setRelations(tx, p.tenantId, id, input.roleIds, input.managedUnitIds);
    if (input.active === false) await deleteUserSessions(tx, p.tenantId, id);
    clearPrincipalCache();
    const after = await readBackUser(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'update', objectType: 'user', objectId: id, objectLabel: after.name, changes: diff(before, after, audited) });
    return after;
  });
}

export async function deleteUser(ctx: Ctx, id: string) {
  const { principal: p } = ctx;
  if (id === p.userId) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const user = await getUser(tx, p, id);
    await tx
      .update(users)
      .set({ deletedAt: new Date(), deletedBy: p.userId, active: false, version: user.version + 1 })
      .where(and(eq(users.tenantId, p.tenantId), eq(users.id, id)));
    await deleteUserSessions(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'user', objectId: id, objectLabel: user.name });
    clearPrincipalCache();
  });
}

export async function restoreUser(ctx: Ctx, id: string) {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, p, id, { includeDeleted: true });
    if (!user?.deletedAt) throw new AppError('not_found');
    await tx
      .update(users)
      .set({ deletedAt: null, deletedBy: null, active: true, version: user.version + 1 })
      .where(and(eq(users.tenantId, p.tenantId), eq(users.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'user', objectId: id, objectLabel: user.name });
    clearPrincipalCache();
  });
}

/** Sets a new one-time password, unlocks the account and signs the user out everywhere. */
export async function resetPassword(ctx: Ctx, id: string): Promise<string> {
  const { principal: p } = ctx;
  if (id === p.userId) throw forbidden();
  const password = generatePassword();
  const hash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const user = await getUser(tx, p, id);
    await tx
      .update(users)
      .set({ passwordHash: hash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, version: user.version + 1 })
      .where(and(eq(users.tenantId, p.tenantId), eq(users.id, id)));
    await deleteUserSessions(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'reset_password', objectType: 'user', objectId: id, objectLabel: user.name });
  });
  return password;
}
