import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { salesTargets } from './sales-targets.schema.ts';
import type { ListSalesTargetsQuery } from './sales-targets.types.ts';

export type SalesTargetRecord = typeof salesTargets.$inferSelect & { userName: string | null; unitName: string | null };

/** A rep's target is "owned" by the rep; a unit's by nobody, so only unit-wide scopes see it. */
export const salesTargetScope = (p: Principal) =>
  scopeWhere(p, 'sales_target', { tenantId: salesTargets.tenantId, ownerId: salesTargets.userId, unitId: salesTargets.unitId, deletedAt: salesTargets.deletedAt });

function selectTargets(db: Executor) {
  return db
    .select({ target: salesTargets, userName: sql<string | null>`${users.name}`.as('user_name'), unitName: sql<string | null>`${orgUnits.name}`.as('unit_name') })
    .from(salesTargets)
    .leftJoin(users, and(eq(users.tenantId, salesTargets.tenantId), eq(users.id, salesTargets.userId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, salesTargets.tenantId), eq(orgUnits.id, salesTargets.unitId)));
}

const flat = (r: { target: typeof salesTargets.$inferSelect; userName: string | null; unitName: string | null }): SalesTargetRecord => ({ ...r.target, userName: r.userName, unitName: r.unitName });

export async function listSalesTargets(db: Executor, p: Principal, q: ListSalesTargetsQuery): Promise<SalesTargetRecord[]> {
  const rows = await selectTargets(db)
    .where(and(
      salesTargetScope(p),
      q.period ? eq(salesTargets.period, q.period) : undefined,
      q.from ? gte(salesTargets.periodStart, q.from) : undefined,
      q.to ? lte(salesTargets.periodStart, q.to) : undefined,
      q.userId ? eq(salesTargets.userId, q.userId) : undefined,
      q.unitId ? eq(salesTargets.unitId, q.unitId) : undefined,
    ))
    .orderBy(asc(salesTargets.periodStart), asc(salesTargets.unitId), asc(salesTargets.userId))
    .limit(5000);
  return rows.map(flat);
}

export async function getSalesTarget(db: Executor, p: Principal, id: string): Promise<SalesTargetRecord> {
  const [row] = await selectTargets(db).where(and(salesTargetScope(p), eq(salesTargets.id, id)));
  if (!row) throw notFound();
  return flat(row);
}

export async function readBackSalesTarget(db: Executor, tenantId: string, id: string): Promise<SalesTargetRecord> {
  const [row] = await selectTargets(db).where(and(eq(salesTargets.tenantId, tenantId), eq(salesTargets.id, id)));
  return flat(row);
}
