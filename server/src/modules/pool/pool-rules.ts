import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { orgUnits } from '../org/org.schema.ts';
import { rowsOf } from '../search/fenced-query.ts';
import { poolRules } from './pool.schema.ts';

export type PoolRule = typeof poolRules.$inferSelect;

/** No rule configured: no cap, nothing returns to the pool, no cool-down. */
export const noRule = { maxPrivate: null, idleDays: null, noWonDealDays: null, warnDays: 0, reclaimCooldownDays: 0 } as const;
export type EffectiveRule = Pick<PoolRule, 'maxPrivate' | 'idleDays' | 'noWonDealDays' | 'warnDays' | 'reclaimCooldownDays'>;

/** The rule of the unit or its nearest ancestor that has one, else the tenant default. */
export async function effectiveRule(db: Executor, tenantId: string, unitId: string): Promise<EffectiveRule> {
  const rows = await db.execute(sql`
    select r.max_private, r.idle_days, r.no_won_deal_days, r.warn_days, r.reclaim_cooldown_days
    from pool_rules r
    left join org_units ru on ru.tenant_id = r.tenant_id and ru.id = r.unit_id
    where r.tenant_id = ${tenantId}
      and (r.unit_id is null or (select path from org_units where tenant_id = ${tenantId} and id = ${unitId}) like '%/' || r.unit_id::text || '/%')
    order by ru.depth desc nulls last
    limit 1`);
  const [row] = rowsOf<{ max_private: number | null; idle_days: number | null; no_won_deal_days: number | null; warn_days: number; reclaim_cooldown_days: number }>(rows);
  if (!row) return noRule;
  return {
    maxPrivate: row.max_private, idleDays: row.idle_days, noWonDealDays: row.no_won_deal_days,
    warnDays: row.warn_days, reclaimCooldownDays: row.reclaim_cooldown_days,
  };
}

export async function listRules(db: Executor, tenantId: string): Promise<PoolRule[]> {
  return db.select().from(poolRules).where(eq(poolRules.tenantId, tenantId)).orderBy(poolRules.createdAt);
}

export interface RuleInput extends EffectiveRule {
  unitId: string | null;
  /** the version read; absent when creating a unit's first rule */
  version?: number;
}

/** Creates or replaces the rule of one unit (or the tenant default); a stale version is refused. */
export async function putRule(db: Executor, tenantId: string, input: RuleInput): Promise<{ before: PoolRule | null; after: PoolRule }> {
  if (input.unitId !== null) {
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits)
      .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, input.unitId), isNull(orgUnits.deletedAt)));
    if (!unit) throw invalid('unitId', 'no such unit');
  }
  const unitMatch = input.unitId === null ? sql`${poolRules.unitId} is null` : eq(poolRules.unitId, input.unitId);
  const [before] = await db.select().from(poolRules).where(and(eq(poolRules.tenantId, tenantId), unitMatch)).for('update');
  const values = {
    maxPrivate: input.maxPrivate, idleDays: input.idleDays, noWonDealDays: input.noWonDealDays,
    warnDays: input.warnDays, reclaimCooldownDays: input.reclaimCooldownDays,
  };
  if (!before) {
    if (input.version !== undefined) throw new AppError('version_conflict');
    const [after] = await db.insert(poolRules).values({ tenantId, id: newId(), unitId: input.unitId, ...values }).returning();
    return { before: null, after: after! };
  }
  if (input.version !== before.version) throw new AppError('version_conflict');
  const [after] = await db
    .update(poolRules)
    .set({ ...values, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(poolRules.tenantId, tenantId), eq(poolRules.id, before.id), eq(poolRules.version, before.version)))
    .returning();
  if (!after) throw new AppError('version_conflict');
  return { before, after };
}
