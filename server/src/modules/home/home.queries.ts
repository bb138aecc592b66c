import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { can, scopeOf, type Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { salesTargets } from '../forecast/sales-targets.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { addDays } from '../orders/execution-plan.ts';
import { money2 } from '../orders/money.ts';
import { getSalesSettings } from '../orders/order-types.ts';
import { milestoneScope, orderScope, selectOrders, today } from '../orders/orders.queries.ts';
import { orderMilestones, orders } from '../orders/orders.schema.ts';
import { pipelineStages, pipelines } from '../pipelines/pipelines.schema.ts';
import { instalmentScope, ofLiveOrder } from '../receivables/receivables.queries.ts';
import { paymentInstalments, payments } from '../receivables/receivables.schema.ts';
import type { HomeDto } from './home.types.ts';

const paymentScope = (p: Principal) =>
  scopeWhere(p, 'payment', { tenantId: payments.tenantId, ownerId: payments.ownerId, unitId: payments.unitId, deletedAt: payments.deletedAt });

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const monthsBack = (day: string, n: number) => {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

/**
 * The month's target as the caller's reach defines it: a rep's own target; for a manager or head
 * office, the targets set for the units they lead (not the sum of their reps', which would count twice).
 */
async function monthTarget(db: Executor, p: Principal, monthStart: string): Promise<string | null> {
  const own = scopeOf(p, 'order') === 'own';
  const [row] = await db
    .select({ amount: sql<string | null>`sum(${salesTargets.amount})` })
    .from(salesTargets)
    .where(and(
      eq(salesTargets.tenantId, p.tenantId),
      isNull(salesTargets.deletedAt),
      eq(salesTargets.period, 'month'),
      eq(salesTargets.periodStart, monthStart),
      own ? eq(salesTargets.userId, p.userId) : and(isNull(salesTargets.userId), inArray(salesTargets.unitId, p.unitIds)),
    ));
  return money2(row?.amount ?? null);
}

/**
 * The management home: each part is one aggregate within the caller's scope, so head office sees
 * every branch and a branch manager their subtree. Parts the caller may not read are null.
 */
export async function managementHome(db: Executor, p: Principal, q: { largeOrderAmount?: string; days: number }): Promise<HomeDto> {
  const day = today();
  const monthStart = firstOfMonth(day);
  const settings = await getSalesSettings(db, p.tenantId);
  const threshold = q.largeOrderAmount ?? money2(settings.largeOrderAmount)!;
  const readOrders = can(p, 'order', 'read');
  const readPayments = can(p, 'payment', 'read');
  const since = monthsBack(day, 5);

  const [large, bookings, collections, byMonthOrders, byMonthPayments, target, pipeline, overdue, owed] = await Promise.all([
    readOrders
      ? selectOrders(db, p).where(and(orderScope(p), gte(orders.signedOn, addDays(day, -q.days)), gte(orders.total, threshold), sql`${orders.status} <> 'cancelled'`))
        .orderBy(desc(orders.total), desc(orders.id)).limit(50)
      : null,
    readOrders
      ? db.select({ sum: sql<string>`coalesce(sum(${orders.total}), 0)`, n: sql<number>`count(*)::int` }).from(orders)
        .where(and(orderScope(p), gte(orders.signedOn, monthStart), sql`${orders.status} <> 'cancelled'`))
      : null,
    readPayments
      ? db.select({ sum: sql<string>`coalesce(sum(${payments.amount}), 0)` }).from(payments).where(and(paymentScope(p), gte(payments.receivedOn, monthStart)))
      : null,
    readOrders
      ? db.select({ month: sql<string>`to_char(${orders.signedOn}, 'YYYY-MM')`, sum: sql<string>`sum(${orders.total})` }).from(orders)
        .where(and(orderScope(p), gte(orders.signedOn, since), sql`${orders.status} <> 'cancelled'`)).groupBy(sql`1`)
      : [],
    readPayments
      ? db.select({ month: sql<string>`to_char(${payments.receivedOn}, 'YYYY-MM')`, sum: sql<string>`sum(${payments.amount})` }).from(payments)
        .where(and(paymentScope(p), gte(payments.receivedOn, since))).groupBy(sql`1`)
      : [],
    monthTarget(db, p, monthStart),
    can(p, 'opportunity', 'read')
      ? db.select({
        stageId: pipelineStages.id, stageName: pipelineStages.name, pipelineName: pipelines.name, sortOrder: pipelineStages.sortOrder,
        count: sql<number>`count(*)::int`, amount: sql<string>`sum(${opportunities.amount})`,
        weighted: sql<string>`round(sum(${opportunities.amount} * ${opportunities.probability} / 100.0), 2)`,
      })
        .from(opportunities)
        .innerJoin(pipelineStages, and(eq(pipelineStages.tenantId, opportunities.tenantId), eq(pipelineStages.id, opportunities.stageId)))
        .innerJoin(pipelines, and(eq(pipelines.tenantId, opportunities.tenantId), eq(pipelines.id, opportunities.pipelineId)))
        .where(and(
          scopeWhere(p, 'opportunity', { tenantId: opportunities.tenantId, ownerId: opportunities.ownerId, unitId: opportunities.unitId, deletedAt: opportunities.deletedAt }),
          eq(opportunities.status, 'open'),
        ))
        .groupBy(pipelineStages.id, pipelineStages.name, pipelines.name, pipelineStages.sortOrder, pipelines.sortOrder)
        .orderBy(asc(pipelines.sortOrder), asc(pipelineStages.sortOrder))
      : null,
    can(p, 'order_milestone', 'read')
      ? db.select({ n: sql<number>`count(*)::int` }).from(orderMilestones)
        .innerJoin(orders, and(eq(orders.tenantId, orderMilestones.tenantId), eq(orders.id, orderMilestones.orderId)))
        .where(and(milestoneScope(p), eq(orders.status, 'active'), isNull(orderMilestones.doneAt), lt(orderMilestones.dueOn, day)))
      : null,
    readPayments
      ? db.select({
        outstanding: sql<string>`coalesce(sum(${paymentInstalments.amount} - ${paymentInstalments.paid}), 0)`,
        overdue: sql<string>`coalesce(sum(${paymentInstalments.amount} - ${paymentInstalments.paid}) filter (where ${paymentInstalments.dueOn} < ${day}), 0)`,
      }).from(paymentInstalments)
        .where(and(instalmentScope(p), lt(paymentInstalments.paid, paymentInstalments.amount), ofLiveOrder))
      : null,
  ]);

  const months: string[] = [];
  for (let i = 5; i >= 0; i--) months.push(monthsBack(day, i).slice(0, 7));
  const bookedIn = new Map(byMonthOrders.map((r) => [r.month, r.sum]));
  const collectedIn = new Map(byMonthPayments.map((r) => [r.month, r.sum]));

  return {
    today: day,
    largeOrderAmount: money2(threshold)!,
    largeOrders: large && large.map((o) => ({
      id: o.id, number: o.number, accountId: o.accountId, accountName: o.accountName, ownerName: o.ownerName, unitName: o.unitName,
      total: money2(o.total)!, currency: o.currency, signedOn: o.signedOn, overdueMilestones: o.overdueMilestones,
    })),
    month: {
      start: monthStart,
      bookings: bookings ? money2(bookings[0].sum) : null,
      bookingsCount: bookings ? bookings[0].n : null,
      collections: collections ? money2(collections[0].sum) : null,
      target,
    },
    bookingsByMonth: months.map((m) => ({ month: m, bookings: money2(bookedIn.get(m) ?? '0')!, collections: money2(collectedIn.get(m) ?? '0')! })),
    pipeline: pipeline && pipeline.map((r) => ({ ...r, amount: money2(r.amount)!, weighted: money2(r.weighted)! })),
    overdueMilestones: overdue ? overdue[0].n : null,
    receivables: owed ? { outstanding: money2(owed[0].outstanding)!, overdue: money2(owed[0].overdue)! } : null,
  };
}
