import { and, asc, count, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { scopeOf, type Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits } from '../org/org.schema.ts';
import { findPoolHolder } from './pool-holder.ts';
import { effectiveRule } from './pool-rules.ts';

/** The same reach as poolUnitsWhere, on the units table: the pools the caller may pick. */
function visiblePoolUnits(p: Principal): SQL | undefined {
  switch (scopeOf(p, 'account')) {
    case 'all':
      return undefined;
    case 'subtree':
      return inArray(orgUnits.id, p.subtreeUnitIds);
    case 'unit':
    case 'own':
      return inArray(orgUnits.id, p.unitIds);
    default:
      return inArray(orgUnits.id, []);
  }
}

/**
 * What the pool page shows around the list: the caller's private customers against their cap
 * ("12 / 20"), the pools they may pick, and the pool holder's id (an account owned by it is in the
 * pool; the account page offers Claim or Assign instead of Release).
 */
export async function poolSummary(db: Executor, p: Principal) {
  const [held] = await db
    .select({ n: count() })
    .from(accounts)
    .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.ownerId, p.userId), isNull(accounts.deletedAt)));
  const rule = await effectiveRule(db, p.tenantId, p.unitId);
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, depth: orgUnits.depth })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, p.tenantId), isNull(orgUnits.deletedAt), visiblePoolUnits(p)))
    .orderBy(asc(orgUnits.path));
  return {
    held: held!.n,
    maxPrivate: rule.maxPrivate,
    reclaimCooldownDays: rule.reclaimCooldownDays,
    holderId: (await findPoolHolder(db, p.tenantId)) ?? null,
    units,
  };
}
