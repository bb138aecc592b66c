import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { accounts, type AccountTier } from '../accounts/accounts.schema.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { orgUnits } from '../org/org.schema.ts';
import { searchMatch } from '../search/search.match.ts';
import { inVisiblePool } from './pool-access.ts';
import { ownerHistory } from './pool-history.ts';
import { findPoolHolder } from './pool-holder.ts';

/**
 * The pool page: customers waiting in the pools the caller sees, most recently changed first.
 * Only what a rep needs to decide whether to claim: no phones, e-mails or credit limit.
 */
export async function listPool(db: Executor, p: Principal, q: { unitId?: string; q?: string; tier?: AccountTier; limit: number; cursor?: string }) {
  const holderId = await findPoolHolder(db, p.tenantId);
  if (!holderId) return { items: [], nextCursor: null };
  const cursor = decodeCursor(q.cursor);
  const rows = await db
    .select({
      id: accounts.id, name: accounts.name, shortName: accounts.shortName, kind: accounts.kind, industry: accounts.industry,
      type: accounts.type, tier: accounts.tier, provinceCode: accounts.provinceCode, cityCode: accounts.cityCode,
      unitId: accounts.unitId, unitName: orgUnits.name, lastActivityAt: accounts.lastActivityAt, updatedAt: accounts.updatedAt,
      inPoolSince: sql<string | null>`(select max(h.at) from account_owner_history h where h.tenant_id = ${accounts.tenantId} and h.account_id = ${accounts.id})`,
    })
    .from(accounts)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(and(
      inVisiblePool(p, holderId),
      q.unitId ? eq(accounts.unitId, q.unitId) : undefined,
      q.q ? searchMatch(accounts, parseSearchQuery(q.q)) : undefined,
      q.tier ? eq(accounts.tier, q.tier) : undefined,
      cursor ? or(lt(accounts.updatedAt, new Date(String(cursor.v))), and(eq(accounts.updatedAt, new Date(String(cursor.v))), lt(accounts.id, cursor.id))) : undefined,
    ))
    .orderBy(desc(accounts.updatedAt), desc(accounts.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.updatedAt.toISOString(), id: last.id }) : null,
  };
}

/** The owner history of an account the caller may read (or sees in a pool). */
export async function accountOwnerHistory(db: Executor, p: Principal, accountId: string) {
  const holderId = await findPoolHolder(db, p.tenantId);
  const [visible] = await db.select({ id: accounts.id }).from(accounts).where(and(
    eq(accounts.id, accountId),
    holderId ? or(scopeWhere(p, 'account', accounts), inVisiblePool(p, holderId)) : scopeWhere(p, 'account', accounts),
  ));
  if (!visible) throw notFound();
  const rows = await ownerHistory(db, p.tenantId, accountId);
  return rows.map((r) => ({ ...r, toPool: r.toOwnerId === holderId, toOwnerName: r.toOwnerId === holderId ? null : r.toOwnerName }));
}
