import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { users } from '../org/org.schema.ts';
import { rowsOf } from '../search/fenced-query.ts';
import { effectiveRule, type EffectiveRule } from './pool-rules.ts';

/**
 * Locks the rep's user row for the rest of the transaction, then checks their private customers
 * against the cap. Every claim or assignment to one rep passes through this lock, so two of them
 * at once are serialised and the count cannot be read stale by both (the cap holds under
 * concurrency on PostgreSQL; PGlite's one connection serialises anyway).
 */
export async function lockRepUnderCap(db: Executor, tenantId: string, repId: string, adding = 1): Promise<{ unitId: string; rule: EffectiveRule }> {
  const [rep] = await db
    .select({ unitId: users.unitId, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, repId), isNull(users.deletedAt)))
    .for('update');
  if (!rep?.active) throw invalid('userId', 'no such active user');
  const rule = await effectiveRule(db, tenantId, rep.unitId);
  if (rule.maxPrivate !== null) {
    const [held] = await db
      .select({ n: count() })
      .from(accounts)
      .where(and(eq(accounts.tenantId, tenantId), eq(accounts.ownerId, repId), isNull(accounts.deletedAt)));
    if (held!.n + adding > rule.maxPrivate) throw new AppError('pool_cap_reached', { max: rule.maxPrivate, held: held!.n });
  }
  return { unitId: rep.unitId, rule };
}

/** When the rep's cool-down on reclaiming this account ends, if it has not yet. */
export async function reclaimBlockedUntil(db: Executor, tenantId: string, repId: string, accountId: string, days: number): Promise<Date | null> {
  if (days <= 0) return null;
  const rows = await db.execute(sql`
    select max(at) as at from account_owner_history
    where tenant_id = ${tenantId} and account_id = ${accountId} and from_owner_id = ${repId} and reason = 'released'`);
  const [last] = rowsOf<{ at: string | Date | null }>(rows);
  if (!last?.at) return null;
  const until = new Date(new Date(last.at).getTime() + days * 86_400_000);
  return until > new Date() ? until : null;
}
