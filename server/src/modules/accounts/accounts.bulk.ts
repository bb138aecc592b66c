import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/access/principal.ts';
import { audit, type AuditInput } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { runAccountOwnerMoveHooks } from './account-write-hooks.ts';
import { accountScope } from './accounts.queries.ts';
import { accounts } from './accounts.schema.ts';
import type { bulkAssignBody, bulkDeleteBody, bulkTagBody } from './accounts.types.ts';
import { resolveOwnership } from './ownership.ts';

/**
 * Every id is checked against the caller's scope in one query and locked; if any is missing —
 * deleted, another tenant's, or outside the scope — the whole request is a 404 and nothing
 * changes, so a bulk action cannot be used to probe or touch records one could not open.
 */
async function lockInScope(tx: Executor, p: Principal, ids: string[]) {
  const rows = await tx
    .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, unitId: accounts.unitId, tags: accounts.tags })
    .from(accounts)
    .where(and(accountScope(p), inArray(accounts.id, ids)))
    .for('update');
  if (rows.length !== ids.length) throw notFound();
  return rows;
}

const touched = (p: Principal) => ({ version: sql`${accounts.version} + 1`, updatedAt: new Date(), updatedBy: p.userId });
const inTenant = (p: Principal, ids: string[]) => and(eq(accounts.tenantId, p.tenantId), inArray(accounts.id, ids));

export async function bulkAssignAccounts(ctx: Ctx, input: z.infer<typeof bulkAssignBody>): Promise<number> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await lockInScope(tx, p, input.ids);
    const owner = await resolveOwnership(tx, p, 'account', { ownerId: input.ownerId, unitId: input.unitId });
    const moving = before.filter((r) => r.ownerId !== owner.ownerId || r.unitId !== owner.unitId);
    if (!moving.length) return 0;
    await tx.update(accounts).set({ ...owner, ...touched(p) }).where(inTenant(p, moving.map((r) => r.id)));
    await runAccountOwnerMoveHooks(tx, ctx, moving.map((r) => ({
      accountId: r.id, fromOwnerId: r.ownerId, toOwnerId: owner.ownerId, fromUnitId: r.unitId, toUnitId: owner.unitId,
    })));
    await audit(tx, ctx.actor, moving.map((r): AuditInput => ({
      action: 'assign',
      objectType: 'account',
      objectId: r.id,
      objectLabel: r.name,
      changes: {
        ...(r.ownerId !== owner.ownerId ? { ownerId: [r.ownerId, owner.ownerId] } : {}),
        ...(r.unitId !== owner.unitId ? { unitId: [r.unitId, owner.unitId] } : {}),
      },
    })));
    return moving.length;
  });
}

const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export async function bulkTagAccounts(ctx: Ctx, input: z.infer<typeof bulkTagBody>): Promise<number> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await lockInScope(tx, p, input.ids);
    // Existing tags keep their order, new ones follow, removed ones go — computed by the database in the one update.
    const next = sql`array(
      select t from unnest(${accounts.tags} || ${input.add.length ? textArray(input.add) : sql`'{}'::text[]`}) with ordinality as u(t, n)
      where ${input.remove.length ? sql`t <> all(${textArray(input.remove)})` : sql`true`}
      group by t order by min(n))`;
    const rows = await tx
      .update(accounts)
      .set({ tags: next, ...touched(p) })
      .where(and(inTenant(p, input.ids), sql`${accounts.tags} is distinct from ${next}`))
      .returning({ id: accounts.id, tags: accounts.tags });
    const byId = new Map(before.map((r) => [r.id, r]));
    await audit(tx, ctx.actor, rows.map((r): AuditInput => ({
      action: 'update',
      objectType: 'account',
      objectId: r.id,
      objectLabel: byId.get(r.id)!.name,
      changes: { tags: [byId.get(r.id)!.tags, r.tags] },
    })));
    return rows.length;
  });
}

export async function bulkDeleteAccounts(ctx: Ctx, input: z.infer<typeof bulkDeleteBody>): Promise<number> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await lockInScope(tx, p, input.ids);
    await tx.update(accounts).set({ deletedAt: new Date(), deletedBy: p.userId, version: sql`${accounts.version} + 1` }).where(inTenant(p, input.ids));
    await audit(tx, ctx.actor, before.map((r): AuditInput => ({ action: 'delete', objectType: 'account', objectId: r.id, objectLabel: r.name })));
    return before.length;
  });
}
