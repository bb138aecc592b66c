import { and, asc, desc, eq, getTableColumns, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { products } from '../products/products.schema.ts';
import { orderLines, orderMilestones, orders, orderTypes } from './orders.schema.ts';
import type { ListOrdersQuery } from './orders.types.ts';

export const orderScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'order', { tenantId: orders.tenantId, ownerId: orders.ownerId, unitId: orders.unitId, deletedAt: orders.deletedAt }, opts);

/** Milestones are seen through their order's owner and unit. */
export const milestoneScope = (p: Principal) =>
  scopeWhere(p, 'order_milestone', { tenantId: orders.tenantId, ownerId: orders.ownerId, unitId: orders.unitId, deletedAt: orders.deletedAt });

/** Today as a calendar day in UTC+8 (the tenants are in China): what "overdue" compares with. */
export const today = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const openCount = (overdueBefore?: string) => sql<number>`(select count(*)::int from ${orderMilestones} m
  where m.tenant_id = ${orders.tenantId} and m.order_id = ${orders.id} and m.done_at is null
  ${overdueBefore ? sql`and m.due_on < ${overdueBefore}` : sql``})`;

export type OrderRow = typeof orders.$inferSelect & {
  accountName: string | null;
  ownerName: string | null;
  unitName: string | null;
  orderTypeName: string | null;
  openMilestones: number;
  overdueMilestones: number;
};

export function selectOrders<E extends Record<string, SQL.Aliased> = Record<never, never>>(db: Executor, p: Principal, extra: E = {} as E) {
  const day = today();
  return db
    .select({
      ...getTableColumns(orders),
      accountName: sql<string | null>`${accounts.name}`.as('account_name'),
      ownerName: sql<string | null>`${users.name}`.as('owner_name'),
      unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
      orderTypeName: sql<string | null>`${orderTypes.name}`.as('order_type_name'),
      openMilestones: openCount().as('open_milestones'),
      overdueMilestones: openCount(day).as('overdue_milestones'),
      ...extra,
    })
    .from(orders)
    .leftJoin(accounts, and(eq(accounts.id, orders.accountId), accountScope(p)))
    .leftJoin(users, and(eq(users.tenantId, orders.tenantId), eq(users.id, orders.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, orders.tenantId), eq(orgUnits.id, orders.unitId)))
    .leftJoin(orderTypes, and(eq(orderTypes.tenantId, orders.tenantId), eq(orderTypes.id, orders.orderTypeId)));
}

export async function findOrder(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<OrderRow | null> {
  const [row] = await selectOrders(db, p).where(and(orderScope(p, opts), eq(orders.id, id)));
  return row ?? null;
}

export async function getOrder(db: Executor, p: Principal, id: string): Promise<OrderRow> {
  const order = await findOrder(db, p, id);
  if (!order) throw notFound();
  return order;
}

/** After a write, read back what was stored even if it is now outside the writer's scope (a reassignment). */
export async function readBackOrder(db: Executor, p: Principal, id: string): Promise<OrderRow> {
  const [row] = await selectOrders(db, p).where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, id)));
  return row;
}

export async function orderLinesOf(db: Executor, tenantId: string, orderId: string) {
  return db
    .select({ ...getTableColumns(orderLines), productCode: products.code, productName: products.name })
    .from(orderLines)
    .leftJoin(products, and(eq(products.tenantId, orderLines.tenantId), eq(products.id, orderLines.productId)))
    .where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.orderId, orderId)))
    .orderBy(asc(orderLines.lineNo));
}
export type OrderLineRow = Awaited<ReturnType<typeof orderLinesOf>>[number];

const doneByUsers = alias(users, 'done_by_user');
const responsibleUnits = alias(orgUnits, 'responsible_unit');

export const milestoneFields = {
  ...getTableColumns(orderMilestones),
  doneByName: sql<string | null>`${doneByUsers.name}`.as('done_by_name'),
  responsibleUnitName: sql<string | null>`${responsibleUnits.name}`.as('responsible_unit_name'),
};

export function selectMilestones<E extends Record<string, PgColumn | SQL.Aliased> = Record<never, never>>(db: Executor, extra: E = {} as E) {
  return db
    .select({ ...milestoneFields, ...extra })
    .from(orderMilestones)
    .leftJoin(doneByUsers, and(eq(doneByUsers.tenantId, orderMilestones.tenantId), eq(doneByUsers.id, orderMilestones.doneBy)))
    .leftJoin(responsibleUnits, and(eq(responsibleUnits.tenantId, orderMilestones.tenantId), eq(responsibleUnits.id, orderMilestones.responsibleUnitId)));
}
export type MilestoneRow = typeof orderMilestones.$inferSelect & { doneByName: string | null; responsibleUnitName: string | null };

export async function milestonesOf(db: Executor, tenantId: string, orderId: string): Promise<MilestoneRow[]> {
  return selectMilestones(db)
    .where(and(eq(orderMilestones.tenantId, tenantId), eq(orderMilestones.orderId, orderId)))
    .orderBy(asc(orderMilestones.sortOrder));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Orders in the caller's scope, newest signing first, keyset-paged on (signed_on, id). */
export async function listOrders(db: Executor, p: Principal, q: ListOrdersQuery) {
  const cursor = decodeCursor(q.cursor);
  const day = today();
  const rows = await selectOrders(db, p)
    .where(and(
      orderScope(p),
      q.q ? ilike(orders.number, `%${escapeLike(q.q)}%`) : undefined,
      q.accountId ? eq(orders.accountId, q.accountId) : undefined,
      q.ownerId ? eq(orders.ownerId, q.ownerId) : undefined,
      q.unitIds?.length ? inArray(orders.unitId, q.unitIds) : undefined,
      q.status ? eq(orders.status, q.status) : undefined,
      q.signedFrom ? gte(orders.signedOn, q.signedFrom) : undefined,
      q.signedTo ? lte(orders.signedOn, q.signedTo) : undefined,
      q.overdue === 'true'
        ? sql`exists (select 1 from ${orderMilestones} m where m.tenant_id = ${orders.tenantId} and m.order_id = ${orders.id} and m.done_at is null and m.due_on < ${day})`
        : undefined,
      cursor ? sql`(${orders.signedOn}, ${orders.id}) < (${String(cursor.v)}::date, ${cursor.id}::uuid)` : undefined,
    ))
    .orderBy(desc(orders.signedOn), desc(orders.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit ? encodeCursor({ v: last.signedOn, id: last.id }) : null };
}

