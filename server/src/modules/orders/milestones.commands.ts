import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { notify } from '../notifications/notifier.ts';
import { users } from '../org/org.schema.ts';
import { dueDates } from './execution-plan.ts';
import { milestoneScope, milestonesOf, today, type MilestoneRow } from './orders.queries.ts';
import { orderMilestones, orders } from './orders.schema.ts';
import type { UpdateMilestoneInput } from './orders.types.ts';

const auditedMilestoneFields = ['doneOn', 'dueOn', 'note'] as const;

const messages: Record<Locale, { done: string; reopened: string; changed: string }> = {
  'zh-CN': { done: '已完成', reopened: '已重新打开', changed: '已更新' },
  'en-US': { done: 'done', reopened: 'reopened', changed: 'updated' },
};

/** Keys of the milestones that depend on `key`, directly or through others. */
function dependentsOf(plan: readonly MilestoneRow[], key: string): Set<string> {
  const out = new Set<string>();
  let frontier = [key];
  while (frontier.length) {
    const next = plan.filter((m) => !out.has(m.key) && m.dependsOn.some((d) => frontier.includes(d))).map((m) => m.key);
    next.forEach((k) => out.add(k));
    frontier = next;
  }
  return out;
}

/**
 * Open milestones after `key` move with the actual date it was done (or its new due date): the goods
 * cannot arrive before the bill of lading, however the template planned it.
 */
async function reschedule(tx: Executor, tenantId: string, orderId: string, signedOn: string, key: string) {
  const plan = await milestonesOf(tx, tenantId, orderId);
  const downstream = dependentsOf(plan, key);
  if (!downstream.size) return;
  // Steps keep their own due date as the base for the ones after them unless it is recomputed here.
  const due = dueDates(plan.map((m) => ({ ...m, doneOn: m.doneOn ?? (downstream.has(m.key) ? null : m.dueOn) })), signedOn);
  for (const m of plan) {
    if (!downstream.has(m.key) || m.doneAt) continue;
    const d = due.get(m.key)!;
    if (d !== m.dueOn) {
      await tx.update(orderMilestones).set({ dueOn: d, version: m.version + 1, updatedAt: new Date() })
        .where(and(eq(orderMilestones.tenantId, tenantId), eq(orderMilestones.id, m.id)));
    }
  }
}

/**
 * Execution staff mark a milestone done (or reopen it), date it, reschedule it or note something.
 * The order's sales owner and the account's owner hear of it at once, in the same transaction.
 */
export async function updateMilestone(ctx: Ctx, orderId: string, milestoneId: string, input: UpdateMilestoneInput): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ m: orderMilestones, order: { number: orders.number, ownerId: orders.ownerId, accountId: orders.accountId, signedOn: orders.signedOn } })
      .from(orderMilestones)
      .innerJoin(orders, and(eq(orders.tenantId, orderMilestones.tenantId), eq(orders.id, orderMilestones.orderId)))
      .where(and(milestoneScope(p), eq(orderMilestones.orderId, orderId), eq(orderMilestones.id, milestoneId)));
    if (!found) throw notFound();
    const { m: before, order } = found;
    if (before.version !== input.version) throw new AppError('version_conflict');
    const now = new Date();
    const set: Partial<typeof orderMilestones.$inferInsert> = {};
    let event: 'done' | 'reopened' | 'changed' = 'changed';
    if (input.done === true) {
      set.doneOn = input.doneOn ?? before.doneOn ?? today(now);
      if (!before.doneAt) {
        set.doneAt = now;
        set.doneBy = p.userId;
        event = 'done';
      }
    } else if (input.done === false) {
      if (before.doneAt) event = 'reopened';
      Object.assign(set, { doneOn: null, doneAt: null, doneBy: null });
    } else if (input.doneOn !== undefined && before.doneAt) {
      set.doneOn = input.doneOn ?? before.doneOn;
    }
    if (input.dueOn !== undefined) set.dueOn = input.dueOn;
    if (input.note !== undefined) set.note = input.note;
    const [row] = await tx.update(orderMilestones).set({ ...set, version: before.version + 1, updatedAt: now })
      .where(and(eq(orderMilestones.tenantId, p.tenantId), eq(orderMilestones.id, milestoneId), eq(orderMilestones.version, input.version)))
      .returning();
    if (!row) throw new AppError('version_conflict');
    const changes = diff(before, row, auditedMilestoneFields);
    if (!!before.doneAt !== !!row.doneAt) changes.done = [!!before.doneAt, !!row.doneAt];
    if (!Object.keys(changes).length) return;
    if (changes.doneOn || changes.dueOn) await reschedule(tx, p.tenantId, orderId, order.signedOn, before.key);
    await tx.update(orders).set({ updatedAt: now }).where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, orderId)));
    await audit(tx, ctx.actor, {
      action: `milestone_${event}`, objectType: 'order', objectId: orderId, objectLabel: `${order.number} · ${before.name}`,
      changes, context: { accountId: order.accountId, milestoneId, milestone: before.key },
    });
    await tellOwners(tx, p.tenantId, p.userId, { orderId, number: order.number, ownerId: order.ownerId, accountId: order.accountId }, before, event, row.note);
  });
}

/** The order's sales owner and the account's owner, once each; whoever made the change knows already. */
async function tellOwners(
  tx: Executor, tenantId: string, actorId: string,
  order: { orderId: string; number: string; ownerId: string; accountId: string },
  milestone: { name: string; englishName: string | null }, event: 'done' | 'reopened' | 'changed', note: string | null,
) {
  const [account] = await tx.select({ ownerId: accounts.ownerId, name: accounts.name }).from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, order.accountId)));
  const recipients = [...new Set([order.ownerId, account?.ownerId].filter((id): id is string => !!id && id !== actorId))];
  if (!recipients.length) return;
  const people = await tx.select({ id: users.id, locale: users.locale }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.id, recipients)));
  for (const person of people) {
    const locale: Locale = person.locale === 'en-US' ? 'en-US' : 'zh-CN';
    const name = locale === 'en-US' ? (milestone.englishName ?? milestone.name) : milestone.name;
    await notify(tx, {
      tenantId,
      userId: person.id,
      kind: 'order_milestone',
      title: `${order.number} ${account?.name ?? ''}: ${name} ${messages[locale][event]}`,
      body: note,
      link: { type: 'order', id: order.orderId },
    });
  }
}
