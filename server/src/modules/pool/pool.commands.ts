import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { resolveOwnership, type Ownership } from '../accounts/ownership.ts';
import { activities } from '../activities/activities.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { users } from '../org/org.schema.ts';
import { inVisiblePool, poolUnitsWhere, seesPoolOf } from './pool-access.ts';
import { lockRepUnderCap, reclaimBlockedUntil } from './pool-cap.ts';
import { recordOwnerChanges } from './pool-history.ts';
import { poolHolderId } from './pool-holder.ts';
import { poolWarnings, type OwnerChangeReason } from './pool.schema.ts';

interface Moved {
  id: string;
  name: string;
  ownerId: string;
  unitId: string;
}

/** Hands a pool account to a rep if it is still in the pool; the WHERE on owner_id is the race guard. */
async function takeFromPool(
  tx: Executor, ctx: Ctx, holderId: string, account: Moved, to: { ownerId: string; unitId: string }, reason: OwnerChangeReason,
) {
  const { principal: p } = ctx;
  const [row] = await tx
    .update(accounts)
    .set({ ownerId: to.ownerId, unitId: to.unitId, version: sql`${accounts.version} + 1`, updatedAt: new Date(), updatedBy: p.userId })
    .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, account.id), eq(accounts.ownerId, holderId), isNull(accounts.deletedAt)))
    .returning({ id: accounts.id });
  if (!row) throw new AppError('pool_already_claimed');
  await tx.delete(poolWarnings).where(and(eq(poolWarnings.tenantId, p.tenantId), eq(poolWarnings.accountId, account.id)));
  await recordOwnerChanges(tx, p.tenantId, p.userId, [
    { accountId: account.id, fromOwnerId: holderId, toOwnerId: to.ownerId, fromUnitId: account.unitId, toUnitId: to.unitId, reason },
  ]);
  await audit(tx, ctx.actor, {
    action: reason === 'claimed' ? 'pool_claim' : 'pool_assign', objectType: 'account', objectId: account.id, objectLabel: account.name,
    changes: { ownerId: [holderId, to.ownerId], ...(to.unitId !== account.unitId ? { unitId: [account.unitId, to.unitId] } : {}) },
  });
}

async function poolAccount(tx: Executor, ctx: Ctx, holderId: string, accountId: string): Promise<Moved> {
  const { principal: p } = ctx;
  const [account] = await tx
    .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, unitId: accounts.unitId })
    .from(accounts)
    .where(and(inVisiblePool(p, holderId), eq(accounts.id, accountId)));
  if (account) return account;
  // Not (or no longer) in the pool. In a unit whose pool the caller sees, that means someone holds
  // it now — a colleague who clicked first, or the caller; elsewhere the caller learns nothing.
  const [held] = await tx.select({ ownerId: accounts.ownerId }).from(accounts)
    .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, accountId), isNull(accounts.deletedAt), poolUnitsWhere(p)));
  if (!held) throw notFound();
  throw new AppError(held.ownerId === p.userId ? 'not_in_pool' : 'pool_already_claimed');
}

/** A rep takes a customer from their unit's pool, within their cap and outside their cool-down. */
export async function claimAccount(ctx: Ctx, accountId: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const holderId = await poolHolderId(tx, p.tenantId);
    const { rule } = await lockRepUnderCap(tx, p.tenantId, p.userId);
    const account = await poolAccount(tx, ctx, holderId, accountId);
    const until = await reclaimBlockedUntil(tx, p.tenantId, p.userId, accountId, rule.reclaimCooldownDays);
    if (until) throw new AppError('pool_reclaim_cooldown', { until: until.toISOString().slice(0, 10) });
    await takeFromPool(tx, ctx, holderId, account, { ownerId: p.userId, unitId: account.unitId }, 'claimed');
  });
}

/** A manager hands a pool customer to someone they manage; the cap applies as for a claim. */
export async function assignFromPool(ctx: Ctx, accountId: string, userId: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const holderId = await poolHolderId(tx, p.tenantId);
    const account = await poolAccount(tx, ctx, holderId, accountId);
    const to = await resolveOwnership(tx, p, 'account', { ownerId: userId }, { ownerId: holderId, unitId: account.unitId });
    await lockRepUnderCap(tx, p.tenantId, userId);
    await takeFromPool(tx, ctx, holderId, account, to, 'assigned');
  });
}

/** The owner (or whoever may edit the account) puts it back into its unit's pool. */
export async function releaseAccount(ctx: Ctx, accountId: string, note?: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const holderId = await poolHolderId(tx, p.tenantId);
    const [account] = await tx
      .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, unitId: accounts.unitId, version: accounts.version })
      .from(accounts)
      .where(and(scopeWhere(p, 'account', accounts), eq(accounts.id, accountId)))
      .for('update');
    if (!account) throw notFound();
    if (account.ownerId === holderId) throw new AppError('already_in_pool');
    await tx
      .update(accounts)
      .set({ ownerId: holderId, version: account.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, accountId)));
    await tx.delete(poolWarnings).where(and(eq(poolWarnings.tenantId, p.tenantId), eq(poolWarnings.accountId, accountId)));
    await recordOwnerChanges(tx, p.tenantId, p.userId, [
      { accountId, fromOwnerId: account.ownerId, toOwnerId: holderId, fromUnitId: account.unitId, toUnitId: account.unitId, reason: 'released', note },
    ]);
    await audit(tx, ctx.actor, {
      action: 'pool_release', objectType: 'account', objectId: accountId, objectLabel: account.name,
      changes: { ownerId: [account.ownerId, holderId] }, context: note ? { note } : undefined,
    });
  });
}

export interface TransferResult {
  accounts: number;
  tasks: number;
  opportunities: number;
}

/**
 * A departing rep's whole book in one transaction: every live account they own, every open
 * opportunity and every open task assigned to them, to one successor or spread round-robin over
 * several. An open deal goes with its account when the account moves in the same handover, so a
 * customer and its deals stay with one person; other deals take turns. The cap is not applied:
 * the book has to move whole, and the manager can rebalance afterwards. The caller must reach every
 * account moved; a book partly outside their scope is refused rather than half-moved.
 */
export async function transferBook(ctx: Ctx, fromUserId: string, toUserIds: string[]): Promise<TransferResult> {
  const { principal: p } = ctx;
  if (toUserIds.includes(fromUserId)) throw invalid('toUserIds', 'cannot transfer to the departing user');
  return ctx.db.transaction(async (tx) => {
    // The departing person must be someone the caller manages, whatever they own.
    const [from] = await tx.select({ unitId: users.unitId }).from(users).where(and(eq(users.tenantId, p.tenantId), eq(users.id, fromUserId)));
    if (!from || !seesPoolOf(p, from.unitId)) throw notFound();
    const owned = await tx
      .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, unitId: accounts.unitId, inScope: sql<boolean>`(${scopeWhere(p, 'account', accounts)})` })
      .from(accounts)
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.ownerId, fromUserId), isNull(accounts.deletedAt)))
      .orderBy(accounts.id)
      .for('update');
    if (owned.some((a) => !a.inScope)) throw forbidden();
    const targets: { ownerId: string; unitId: string }[] = [];
    for (const to of toUserIds) targets.push(await resolveOwnership(tx, p, 'account', { ownerId: to }, { ownerId: fromUserId, unitId: p.unitId }));
    const byTarget = new Map<number, string[]>();
    owned.forEach((a, i) => byTarget.set(i % targets.length, [...(byTarget.get(i % targets.length) ?? []), a.id]));
    for (const [i, ids] of byTarget) {
      await tx.update(accounts)
        .set({ ownerId: targets[i]!.ownerId, unitId: targets[i]!.unitId, version: sql`${accounts.version} + 1`, updatedAt: new Date(), updatedBy: p.userId })
        .where(and(eq(accounts.tenantId, p.tenantId), inArray(accounts.id, ids)));
    }
    const target = (i: number) => targets[i % targets.length]!;
    await recordOwnerChanges(tx, p.tenantId, p.userId, owned.map((a, i) => ({
      accountId: a.id, fromOwnerId: a.ownerId, toOwnerId: target(i).ownerId, fromUnitId: a.unitId, toUnitId: target(i).unitId, reason: 'transferred' as const,
    })));
    const sameTarget = (a: Ownership, b: Ownership) => a.ownerId === b.ownerId && a.unitId === b.unitId;
    /** ids grouped by where they go, so each successor costs one UPDATE per table */
    const grouped = (ids: string[], to: Ownership[]) => {
      const groups: { to: Ownership; ids: string[] }[] = [];
      ids.forEach((id, i) => {
        const g = groups.find((x) => sameTarget(x.to, to[i]!));
        if (g) g.ids.push(id);
        else groups.push({ to: to[i]!, ids: [id] });
      });
      return groups;
    };
    const accountTarget = new Map(owned.map((a, i) => [a.id, target(i)]));
    const deals = await tx
      .select({ id: opportunities.id, name: opportunities.name, accountId: opportunities.accountId, unitId: opportunities.unitId, inScope: sql<boolean>`(${scopeWhere(p, 'opportunity', opportunities)})` })
      .from(opportunities)
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.ownerId, fromUserId), eq(opportunities.status, 'open'), isNull(opportunities.deletedAt)))
      .orderBy(opportunities.id)
      .for('update');
    if (deals.some((d) => !d.inScope)) throw forbidden();
    const dealTargets = deals.map((d, i) => accountTarget.get(d.accountId) ?? target(i));
    for (const { to, ids } of grouped(deals.map((d) => d.id), dealTargets)) {
      await tx.update(opportunities)
        .set({ ownerId: to.ownerId, unitId: to.unitId, version: sql`${opportunities.version} + 1`, updatedAt: new Date(), updatedBy: p.userId })
        .where(and(eq(opportunities.tenantId, p.tenantId), inArray(opportunities.id, ids)));
    }
    const dealTarget = new Map(deals.map((d, i) => [d.id, dealTargets[i]!]));
    const tasks = await tx
      .select({
        id: activities.id, subject: activities.subject, unitId: activities.unitId, accountId: activities.accountId, opportunityId: activities.opportunityId,
        inScope: sql<boolean>`(${scopeWhere(p, 'activity', activities)})`,
      })
      .from(activities)
      .where(and(
        eq(activities.tenantId, p.tenantId), eq(activities.ownerId, fromUserId), eq(activities.kind, 'task'),
        isNull(activities.completedAt), isNull(activities.deletedAt),
      ))
      .orderBy(activities.id)
      .for('update');
    if (tasks.some((task) => !task.inScope)) throw forbidden();
    // A task about a deal or customer that moved goes to whoever now has that deal or customer.
    const taskTargets = tasks.map((task, i) =>
      (task.opportunityId ? dealTarget.get(task.opportunityId) : undefined) ?? (task.accountId ? accountTarget.get(task.accountId) : undefined) ?? target(i));
    for (const { to, ids } of grouped(tasks.map((task) => task.id), taskTargets)) {
      await tx.update(activities)
        .set({ ownerId: to.ownerId, unitId: to.unitId, version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: p.userId })
        .where(and(eq(activities.tenantId, p.tenantId), inArray(activities.id, ids)));
    }
    const moved = (fromUnit: string, to: Ownership) => ({
      ownerId: [fromUserId, to.ownerId] as [string, string],
      ...(fromUnit !== to.unitId ? { unitId: [fromUnit, to.unitId] as [string, string] } : {}),
    });
    await audit(tx, ctx.actor, [
      ...owned.map((a, i) => ({ action: 'transfer', objectType: 'account', objectId: a.id, objectLabel: a.name, changes: moved(a.unitId, target(i)) })),
      ...deals.map((d, i) => ({
        action: 'transfer', objectType: 'opportunity', objectId: d.id, objectLabel: d.name, changes: moved(d.unitId, dealTargets[i]!), context: { accountId: d.accountId },
      })),
      ...tasks.map((task, i) => ({
        action: 'transfer', objectType: 'activity', objectId: task.id, objectLabel: task.subject, changes: moved(task.unitId, taskTargets[i]!),
        context: task.accountId ? { accountId: task.accountId } : undefined,
      })),
      { action: 'transfer_book', objectType: 'user', objectId: fromUserId, context: { toUserIds, accounts: owned.length, opportunities: deals.length, tasks: tasks.length } },
    ]);
    return { accounts: owned.length, tasks: tasks.length, opportunities: deals.length };
  });
}
