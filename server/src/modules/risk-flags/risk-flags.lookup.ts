import { and, arrayOverlaps, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import type { ParsedQuery } from '../../platform/text/search-query.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits } from '../org/org.schema.ts';
import { searchMatch } from '../search/search.match.ts';
import { riskFlags, type RiskFlagKind } from './risk-flags.schema.ts';

/** What anyone in the tenant may learn about a flagged customer: never its id, owner or contacts. */
export interface RiskWarning {
  /** the flag's own id: it opens nothing about the account */
  flagId: string;
  name: string;
  creditCode: string | null;
  kind: RiskFlagKind;
  reason: string;
  flaggedAt: string;
  flaggingUnitName: string | null;
}

const warningColumns = {
  flagId: riskFlags.id,
  name: accounts.name,
  creditCode: accounts.creditCode,
  kind: riskFlags.kind,
  reason: riskFlags.reason,
  flaggedAt: riskFlags.createdAt,
  flaggingUnitName: orgUnits.name,
};

const present = (r: { flaggedAt: Date } & Omit<RiskWarning, 'flaggedAt'>): RiskWarning => ({ ...r, flaggedAt: r.flaggedAt.toISOString() });

function flaggedAccounts(db: Executor) {
  return db
    .select(warningColumns)
    .from(riskFlags)
    .innerJoin(accounts, and(eq(accounts.tenantId, riskFlags.tenantId), eq(accounts.id, riskFlags.accountId), isNull(accounts.deletedAt)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, riskFlags.tenantId), eq(orgUnits.id, riskFlags.unitId)))
    .$dynamic();
}

/**
 * Active flags of accounts matching a search, tenant-wide and regardless of the caller's data
 * scope (seed 000: a branch learns in time about a customer another branch was burnt by). Only
 * names and the credit code are matched — not phones or e-mails, which would let anyone probe
 * out-of-scope contact data one digit string at a time.
 */
export async function riskWarningsForQuery(db: Executor, tenantId: string, query: ParsedQuery, limit = 20): Promise<RiskWarning[]> {
  const keys = query.keys.filter((k) => k.startsWith('name:') || k.startsWith('code:'));
  if (!query.terms.length && !keys.length) return [];
  const rows = await flaggedAccounts(db)
    .where(and(
      eq(riskFlags.tenantId, tenantId), isNull(riskFlags.clearedAt),
      query.terms.length ? searchMatch(accounts, query, { keys }) : arrayOverlaps(accounts.searchKeys, keys),
    ))
    .orderBy(desc(riskFlags.createdAt))
    .limit(limit);
  return rows.map(present);
}

/** Active flags of given accounts (duplicate candidates, a record being created). */
export async function riskWarningsForAccounts(db: Executor, tenantId: string, accountIds: string[]): Promise<Map<string, RiskWarning[]>> {
  const out = new Map<string, RiskWarning[]>();
  if (!accountIds.length) return out;
  const rows = await db
    .select({ ...warningColumns, accountId: riskFlags.accountId })
    .from(riskFlags)
    .innerJoin(accounts, and(eq(accounts.tenantId, riskFlags.tenantId), eq(accounts.id, riskFlags.accountId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, riskFlags.tenantId), eq(orgUnits.id, riskFlags.unitId)))
    .where(and(eq(riskFlags.tenantId, tenantId), isNull(riskFlags.clearedAt), inArray(riskFlags.accountId, accountIds)))
    .orderBy(desc(riskFlags.createdAt));
  for (const { accountId, ...r } of rows) out.set(accountId, [...(out.get(accountId) ?? []), present(r)]);
  return out;
}
