import { and, eq } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { viewRules } from './saved-views.policy.ts';
import { getView, type ViewRecord } from './saved-views.queries.ts';
import { savedViewDefaults, savedViews } from './saved-views.schema.ts';
import type { CreateViewInput, UpdateViewInput } from './saved-views.types.ts';
import { checkObjectType, checkViewContent } from './view-content.ts';

const audited = ['name', 'sharing', 'unitId', 'filters', 'columns', 'sort'] as const;
const byId = (tenantId: string, id: string) => and(eq(savedViews.tenantId, tenantId), eq(savedViews.id, id));

export async function createView(ctx: Ctx, input: CreateViewInput): Promise<ViewRecord> {
  const p = ctx.principal;
  checkObjectType(p, input.objectType);
  if (input.sharing === 'shared_with_all' && !viewRules.shareWithAll(p)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const filters = await checkViewContent(tx, p, input.objectType, input);
    const [row] = await tx
      .insert(savedViews)
      .values({
        tenantId: p.tenantId,
        id: newId(),
        objectType: input.objectType,
        name: input.name,
        ownerId: p.userId,
        unitId: p.unitId,
        sharing: input.sharing,
        filters: filters ?? {},
        columns: input.columns,
        sort: input.sort ?? null,
        createdBy: p.userId,
        updatedBy: p.userId,
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'create', objectType: 'saved_view', objectId: row.id, objectLabel: row.name, changes: diff(null, row, audited) });
    return getView(tx, p, row.id);
  });
}

export async function updateView(ctx: Ctx, id: string, input: UpdateViewInput): Promise<ViewRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getView(tx, p, id);
    if (!viewRules.edit(p, before)) throw forbidden();
    if (before.version !== input.version) throw new AppError('version_conflict');
    const sharing = input.sharing ?? before.sharing;
    if (sharing === 'shared_with_all' && before.sharing !== 'shared_with_all' && !viewRules.shareWithAll(p)) throw forbidden();
    const filters = await checkViewContent(tx, p, before.objectType, {
      columns: input.columns,
      sort: input.sort,
      filters: input.filters,
    });
    const [after] = await tx
      .update(savedViews)
      .set({
        name: input.name ?? before.name,
        sharing,
        // The owner re-saving a view shares it with the unit they are in now.
        unitId: before.ownerId === p.userId ? p.unitId : before.unitId,
        filters: filters ?? before.filters,
        columns: input.columns ?? before.columns,
        sort: input.sort === undefined ? before.sort : input.sort,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(byId(p.tenantId, id), eq(savedViews.version, input.version)))
      .returning();
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'saved_view', objectId: id, objectLabel: after.name, changes: diff(before, after, audited) });
    return getView(tx, p, id);
  });
}

/** Removes the view, and with it every user's choice of it as their default. */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const view = await getView(tx, p, id);
    if (!viewRules.edit(p, view)) throw forbidden();
    await tx.delete(savedViews).where(byId(p.tenantId, id));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'saved_view', objectId: id, objectLabel: view.name, changes: diff(view, null, audited) });
  });
}

/** My default view of an object type's list: any view I can see, mine or shared with me. */
export async function setDefaultView(ctx: Ctx, id: string): Promise<ViewRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const view = await getView(tx, p, id);
    await tx
      .insert(savedViewDefaults)
      .values({ tenantId: p.tenantId, userId: p.userId, objectType: view.objectType, viewId: id })
      .onConflictDoUpdate({ target: [savedViewDefaults.tenantId, savedViewDefaults.userId, savedViewDefaults.objectType], set: { viewId: id } });
    await audit(tx, ctx.actor, { action: 'set_default', objectType: 'saved_view', objectId: id, objectLabel: view.name });
    return getView(tx, p, id);
  });
}

export async function clearDefaultView(ctx: Ctx, objectType: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(savedViewDefaults)
      .where(and(eq(savedViewDefaults.tenantId, p.tenantId), eq(savedViewDefaults.userId, p.userId), eq(savedViewDefaults.objectType, objectType)))
      .returning();
    if (removed) await audit(tx, ctx.actor, { action: 'clear_default', objectType: 'saved_view', objectId: removed.viewId, context: { objectType } });
  });
}
