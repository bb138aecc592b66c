import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getObjectType, listCapabilities } from '../../../platform/access/permissions.ts';
import { audit, diff } from '../../../platform/audit/audit.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../../platform/http/errors.ts';
import { roles, userRoles } from '../org.schema.ts';
import { clearPrincipalCache } from '../principal-loader.ts';
import { roleWithinPrincipal } from './role-bounds.ts';
import type { createRoleBody, updateRoleBody } from './roles.types.ts';

const audited = ['name', 'description', 'grants', 'capabilities', 'fieldRules'] as const;
type RoleInput = Partial<z.infer<typeof createRoleBody>>;

function validate(ctx: Ctx, input: RoleInput) {
  for (const [object, grant] of Object.entries(input.grants ?? {})) {
    const def = getObjectType(object);
    if (!def) throw invalid(`grants.${object}`, 'unknown object type');
    const bad = grant.actions.find((a) => !def.actions.includes(a));
    if (bad) throw invalid(`grants.${object}.actions`, `${bad} does not apply to ${object}`);
  }
  const known = new Set(listCapabilities().map((c) => c.key));
  const unknown = input.capabilities?.find((c) => !known.has(c));
  if (unknown) throw invalid('capabilities', `unknown capability ${unknown}`);
  for (const [object, rules] of Object.entries(input.fieldRules ?? {})) {
    const fields = getObjectType(object)?.sensitiveFields ?? [];
    const bad = Object.keys(rules).find((f) => !fields.includes(f));
    if (bad) throw invalid(`fieldRules.${object}`, `${bad} cannot be hidden`);
  }
  if (!roleWithinPrincipal({ grants: input.grants ?? {}, capabilities: input.capabilities ?? [] }, ctx.principal)) {
    throw invalid('grants', 'a role cannot grant more than you hold');
  }
}

export async function findRole(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id), isNull(roles.deletedAt)));
  if (!row) throw notFound();
  return row;
}

export async function createRole(ctx: Ctx, input: z.infer<typeof createRoleBody>) {
  validate(ctx, input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roles)
      .values({ tenantId: p.tenantId, id: newId(), ...input, description: input.description ?? null, createdBy: p.userId, updatedBy: p.userId })
      .returning();
    await audit(tx, ctx.actor, { action: 'create', objectType: 'role', objectId: row.id, objectLabel: row.name, changes: diff(null, row, audited) });
    return row;
  });
}

export async function updateRole(ctx: Ctx, id: string, input: z.infer<typeof updateRoleBody>) {
  validate(ctx, input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await findRole(tx, p.tenantId, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version, ...changes } = input;
    const [after] = await tx
      .update(roles)
      .set({ ...changes, version: version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(roles.tenantId, p.tenantId), eq(roles.id, id), eq(roles.version, version)))
      .returning();
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'role', objectId: id, objectLabel: after.name, changes: diff(before, after, audited) });
    clearPrincipalCache();
    return after;
  });
}

export async function deleteRole(ctx: Ctx, id: string) {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const role = await findRole(tx, p.tenantId, id);
    if (role.key === 'admin') throw new AppError('conflict', { reason: 'builtin_admin' });
    const [holders] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(userRoles)
      .where(and(eq(userRoles.tenantId, p.tenantId), eq(userRoles.roleId, id)));
    if (holders.n > 0) throw new AppError('conflict', { reason: 'role_in_use', users: holders.n });
    await tx.update(roles).set({ deletedAt: new Date(), deletedBy: p.userId }).where(and(eq(roles.tenantId, p.tenantId), eq(roles.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'role', objectId: id, objectLabel: role.name });
  });
}
