import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { money2 } from '../orders/money.ts';
import { today } from '../orders/orders.queries.ts';
import { orders } from '../orders/orders.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { paymentAllocations, paymentInstalments, payments } from './receivables.schema.ts';

/** Instalments are scoped by the owner and unit they copy from their order. */
export const instalmentScope = (p: Principal) =>
  scopeWhere(p, 'payment', { tenantId: paymentInstalments.tenantId, ownerId: paymentInstalments.ownerId, unitId: paymentInstalments.unitId });

/** The order as the payment grant sees it (a finance clerk may see every order's money). */
export const orderPaymentScope = (p: Principal) =>
  scopeWhere(p, 'payment', { tenantId: orders.tenantId, ownerId: orders.ownerId, unitId: orders.unitId, deletedAt: orders.deletedAt });

export async function getOrderForPayments(db: Executor, p: Principal, orderId: string) {
  const [order] = await db.select().from(orders).where(and(orderPaymentScope(p), eq(orders.id, orderId)));
  if (!order) throw notFound();
  return order;
}

const outstanding = sql`(${paymentInstalments.amount} - ${paymentInstalments.paid})`;

export async function orderReceivables(db: Executor, p: Principal, orderId: string) {
  const order = await getOrderForPayments(db, p, orderId);
  const day = today();
  const [instalments, paid] = await Promise.all([
    db.select().from(paymentInstalments)
      .where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.orderId, orderId)))
      .orderBy(asc(paymentInstalments.seq)),
    db.select({ payment: payments, createdByName: users.name }).from(payments)
      .leftJoin(users, and(eq(users.tenantId, payments.tenantId), eq(users.id, payments.createdBy)))
      .where(and(eq(payments.tenantId, p.tenantId), eq(payments.orderId, orderId), sql`${payments.deletedAt} is null`))
      .orderBy(desc(payments.receivedOn), desc(payments.id)),
  ]);
  const allocations = paid.length
    ? await db.select().from(paymentAllocations).where(and(eq(paymentAllocations.tenantId, p.tenantId), inArray(paymentAllocations.paymentId, paid.map((r) => r.payment.id))))
    : [];
  return { order, instalments, payments: paid, allocations, today: day };
}

type Grouping = 'order' | 'account' | 'owner' | 'unit';
const groupColumn = (g: Grouping) => ({ order: paymentInstalments.orderId, account: paymentInstalments.accountId, owner: paymentInstalments.ownerId, unit: paymentInstalments.unitId })[g];

/**
 * Instalments of deleted or cancelled orders are not owed. Said as "no such dead order" rather than
 * "its order is live": the dead orders are few and have their own partial index (orders_dead_idx), so
 * this is a hash anti-join against a handful of rows, not a probe into orders per open instalment
 * (400,000 of them at 1,000,000 orders). Every instalment has its order (foreign key), so both say the same.
 */
export const ofLiveOrder = sql`not exists (select 1 from ${orders} o where o.tenant_id = ${paymentInstalments.tenantId} and o.id = ${paymentInstalments.orderId} and (o.deleted_at is not null or o.status = 'cancelled'))`;

/** Open instalments of live orders in the caller's scope: the rows every receivables figure sums (index payment_instalments_open_idx, index-only). */
const openInstalments = (p: Principal): SQL => and(
  instalmentScope(p),
  lt(paymentInstalments.paid, paymentInstalments.amount),
  ofLiveOrder,
)!;

/** Labels of a page of group ids: account names only where the caller sees the account. */
async function labels(db: Executor, p: Principal, g: Grouping, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  let rows: { id: string; label: string | null }[];
  if (g === 'account') rows = await db.select({ id: accounts.id, label: accounts.name }).from(accounts).where(and(accountScope(p, { includeDeleted: true }), inArray(accounts.id, ids)));
  else if (g === 'owner') rows = await db.select({ id: users.id, label: users.name }).from(users).where(and(eq(users.tenantId, p.tenantId), inArray(users.id, ids)));
  else if (g === 'unit') rows = await db.select({ id: orgUnits.id, label: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.tenantId, p.tenantId), inArray(orgUnits.id, ids)));
  else rows = await db.select({ id: orders.id, label: orders.number }).from(orders).where(and(eq(orders.tenantId, p.tenantId), inArray(orders.id, ids)));
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** Outstanding and overdue amounts per order, account, rep or unit: one aggregate over the open-instalment index. */
export async function receivablesSummary(db: Executor, p: Principal, q: { groupBy: Grouping; asOf?: string; limit: number }) {
  const asOf = q.asOf ?? today();
  const key = groupColumn(q.groupBy);
  const rows = await db
    .select({
      id: key,
      outstanding: sql<string>`sum(${outstanding})`,
      overdue: sql<string>`coalesce(sum(${outstanding}) filter (where ${paymentInstalments.dueOn} < ${asOf}), 0)`,
      instalments: sql<number>`count(*)::int`,
    })
    .from(paymentInstalments)
    .where(openInstalments(p))
    .groupBy(key)
    .orderBy(desc(sql`sum(${outstanding})`), asc(key))
    .limit(q.limit);
  const names = await labels(db, p, q.groupBy, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, label: names.get(r.id) ?? null, outstanding: money2(r.outstanding)!, overdue: money2(r.overdue)!, instalments: r.instalments }));
}

/** Ageing of what is owed as of a day: not yet due, and 0-30, 31-60, 61-90, over 90 days past due. */
export async function ageingReport(db: Executor, p: Principal, q: { groupBy: 'none' | Grouping; asOf?: string; limit: number }) {
  const asOf = q.asOf ?? today();
  const days = sql`(${asOf}::date - ${paymentInstalments.dueOn})`;
  const bucket = (cond: SQL) => sql<string>`coalesce(sum(${outstanding}) filter (where ${cond}), 0)`;
  const sums = {
    notDue: bucket(sql`${days} < 0`),
    d0_30: bucket(sql`${days} between 0 and 30`),
    d31_60: bucket(sql`${days} between 31 and 60`),
    d61_90: bucket(sql`${days} between 61 and 90`),
    d90plus: bucket(sql`${days} > 90`),
    outstanding: sql<string>`coalesce(sum(${outstanding}), 0)`,
  };
  const present = (r: Record<keyof typeof sums, string>) => ({
    notDue: money2(r.notDue)!, d0_30: money2(r.d0_30)!, d31_60: money2(r.d31_60)!, d61_90: money2(r.d61_90)!, d90plus: money2(r.d90plus)!, outstanding: money2(r.outstanding)!,
  });
  if (q.groupBy === 'none') {
    const [total] = await db.select(sums).from(paymentInstalments).where(openInstalments(p));
    return { asOf, rows: [{ id: null, label: null, ...present(total) }] };
  }
  const key = groupColumn(q.groupBy);
  const rows = await db.select({ id: key, ...sums }).from(paymentInstalments).where(openInstalments(p))
    .groupBy(key).orderBy(desc(sums.outstanding), asc(key)).limit(q.limit);
  const names = await labels(db, p, q.groupBy, rows.map((r) => r.id));
  return { asOf, rows: rows.map((r) => ({ id: r.id, label: names.get(r.id) ?? null, ...present(r) })) };
}
