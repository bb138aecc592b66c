import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { scopeOf, type Principal } from '../../platform/access/principal.ts';
import { accounts } from '../accounts/accounts.schema.ts';

/**
 * Which units' pools a person sees. A rep whose account scope is "own" still sees the pool of their
 * unit (and units they manage): that is what the pool is for. Managers see their subtree's pools.
 */
export function poolUnitsWhere(p: Principal): SQL {
  switch (scopeOf(p, 'account')) {
    case 'all':
      return sql`true`;
    case 'subtree':
      return inArray(accounts.unitId, p.subtreeUnitIds);
    case 'unit':
    case 'own':
      return inArray(accounts.unitId, p.unitIds);
    default:
      return sql`false`;
  }
}

/** Live accounts in the pools the principal sees. */
export const inVisiblePool = (p: Principal, holderId: string): SQL =>
  and(eq(accounts.tenantId, p.tenantId), eq(accounts.ownerId, holderId), isNull(accounts.deletedAt), poolUnitsWhere(p))!;

/** The same test in code, for one account already read. */
export function seesPoolOf(p: Principal, unitId: string): boolean {
  switch (scopeOf(p, 'account')) {
    case 'all':
      return true;
    case 'subtree':
      return p.subtreeUnitIds.includes(unitId);
    case 'unit':
    case 'own':
      return p.unitIds.includes(unitId);
    default:
      return false;
  }
}
