import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { roles, userRoles, users } from '../org/org.schema.ts';
import { addDays } from './execution-plan.ts';
import { milestoneScope, selectMilestones, today } from './orders.queries.ts';
import { orderMilestones, orders } from './orders.schema.ts';

async function myRoleKeys(db: Executor, p: Principal): Promise<string[]> {
  const rows = await db.select({ key: roles.key }).from(userRoles)
    .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)))
    .where(and(eq(userRoles.tenantId, p.tenantId), eq(userRoles.userId, p.userId)));
  return rows.map((r) => r.key).filter((k): k is string => !!k);
}

const orderColumns = {
  orderNumber: orders.number,
  accountId: orders.accountId,
  accountName: sql<string | null>`${accounts.name}`.as('account_name'),
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
};

function selectWork(db: Executor, p: Principal) {
  return selectMilestones(db, orderColumns)
    .innerJoin(orders, and(eq(orders.tenantId, orderMilestones.tenantId), eq(orders.id, orderMilestones.orderId)))
    .leftJoin(accounts, and(eq(accounts.id, orders.accountId), accountScope(p)))
    .leftJoin(users, and(eq(users.tenantId, orders.tenantId), eq(users.id, orders.ownerId)));
}

/**
 * The execution staff's work queue: open milestones due within the next days (overdue ones first,
 * by due date) of active orders. "mine" keeps those my role or my unit is responsible for.
 */
export async function workQueue(db: Executor, p: Principal, q: { scope: 'mine' | 'all'; dueWithinDays: number; limit: number }) {
  const day = today();
  let mine;
  if (q.scope === 'mine') {
    const keys = await myRoleKeys(db, p);
    mine = or(
      keys.length ? inArray(orderMilestones.responsibleRole, keys) : undefined,
      inArray(orderMilestones.responsibleUnitId, p.unitIds),
    );
  }
  return selectWork(db, p)
    .where(and(
      milestoneScope(p),
      eq(orders.status, 'active'),
      isNull(orderMilestones.doneAt),
      lte(orderMilestones.dueOn, addDays(day, q.dueWithinDays)),
      mine,
    ))
    .orderBy(asc(orderMilestones.dueOn), asc(orders.number), asc(orderMilestones.sortOrder))
    .limit(q.limit);
}

/** Every overdue milestone of active orders in the caller's scope, oldest first. */
export async function overdueMilestones(db: Executor, p: Principal, limit: number) {
  return selectWork(db, p)
    .where(and(milestoneScope(p), eq(orders.status, 'active'), isNull(orderMilestones.doneAt), lt(orderMilestones.dueOn, today())))
    .orderBy(asc(orderMilestones.dueOn), asc(orders.number))
    .limit(limit);
}
