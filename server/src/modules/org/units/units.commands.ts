import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { audit, diff } from '../../../platform/audit/audit.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, forbidden, invalid } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { orgUnits, users } from '../org.schema.ts';
import { clearPrincipalCache } from '../principal-loader.ts';
import { findUnit, getUnit } from './units.queries.ts';
import type { z } from 'zod';
import type { createUnitBody, updateUnitBody } from './units.types.ts';

const audited = ['name', 'code', 'kind', 'parentId', 'sortOrder'] as const;

export async function createUnit(ctx: Ctx, input: z.infer<typeof createUnitBody>) {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const parent = await findUnit(tx, p, input.parentId);
    if (!parent) throw invalid('parentId', 'no such unit in your scope');
    const id = newId();
    const [row] = await tx
      .insert(orgUnits)
      .values({
        tenantId: p.tenantId,
        id,
        parentId: parent.id,
        kind: input.kind,
        name: input.name,
        code: input.code ?? null,
        sortOrder: input.sortOrder ?? 0,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        createdBy: p.userId,
        updatedBy: p.userId,
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'create', objectType: 'org_unit', objectId: id, objectLabel: row.name, changes: diff(null, row, audited) });
    clearPrincipalCache();
    return row;
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: z.infer<typeof updateUnitBody>) {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getUnit(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    let path = before.path;
    let depth = before.depth;
    if (input.parentId && input.parentId !== before.parentId) {
      if (before.parentId === null) throw invalid('parentId', 'the head office cannot move');
      const parent = await findUnit(tx, p, input.parentId);
      if (!parent) throw invalid('parentId', 'no such unit in your scope');
      if (parent.path.startsWith(before.path)) throw invalid('parentId', 'a unit cannot move under itself');
      path = `${parent.path}${id}/`;
      depth = parent.depth + 1;
      // Re-root the whole subtree in one statement.
      await tx
        .update(orgUnits)
        .set({
          path: sql`${path} || substr(${orgUnits.path}, ${before.path.length + 1})`,
          depth: sql`${orgUnits.depth} + ${depth - before.depth}`,
        })
        .where(and(eq(orgUnits.tenantId, p.tenantId), like(orgUnits.path, `${before.path}_%`)));
    }
    const [after] = await tx
      .update(orgUnits)
      .set({
        name: input.name ?? before.name,
        code: input.code === undefined ? before.code : input.code,
        sortOrder: input.sortOrder ?? before.sortOrder,
        parentId: input.parentId ?? before.parentId,
        path,
        depth,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, id), eq(orgUnits.version, input.version)))
      .returning();
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'org_unit', objectId: id, objectLabel: after.name, changes: diff(before, after, audited) });
    clearPrincipalCache();
    return after;
  });
}

export async function deleteUnit(ctx: Ctx, id: string) {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const unit = await getUnit(tx, p, id);
    if (unit.parentId === null) throw forbidden();
    const [children] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.parentId, id), isNull(orgUnits.deletedAt)));
    const [members] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.tenantId, p.tenantId), eq(users.unitId, id), isNull(users.deletedAt)));
    if (children.n > 0 || members.n > 0) {
      throw new AppError('conflict', { reason: 'unit_not_empty', units: children.n, users: members.n });
    }
    await tx
      .update(orgUnits)
      .set({ deletedAt: new Date(), deletedBy: p.userId, version: unit.version + 1 })
      .where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'org_unit', objectId: id, objectLabel: unit.name });
    clearPrincipalCache();
  });
}

export async function restoreUnit(ctx: Ctx, id: string) {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const unit = await findUnit(tx, p, id, { includeDeleted: true });
    if (!unit || !unit.deletedAt) throw new AppError('not_found');
    if (unit.parentId) {
      const parent = await findUnit(tx, p, unit.parentId);
      if (!parent) throw new AppError('conflict', { reason: 'parent_deleted' });
    }
    await tx
      .update(orgUnits)
      .set({ deletedAt: null, deletedBy: null, version: unit.version + 1 })
      .where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'org_unit', objectId: id, objectLabel: unit.name });
    clearPrincipalCache();
  });
}
