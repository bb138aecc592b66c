import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { products } from '../products/products.schema.ts';
import { quoteLines, quotes } from './quotes.schema.ts';
import type { ListQuotesQuery } from './quotes.types.ts';

export const quoteScope = (p: Principal, opts?: { includeDeleted?: boolean }) =>
  scopeWhere(p, 'quote', { tenantId: quotes.tenantId, ownerId: quotes.ownerId, unitId: quotes.unitId, deletedAt: quotes.deletedAt }, opts);

const deciders = alias(users, 'decider');

export function selectQuotes(db: Executor, p: Principal) {
  return db
    .select({
      ...getTableColumns(quotes),
      accountName: sql<string | null>`${accounts.name}`.as('account_name'),
      accountEnglishName: sql<string | null>`${accounts.englishName}`.as('account_english_name'),
      ownerName: sql<string | null>`${users.name}`.as('owner_name'),
      unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
      decidedByName: sql<string | null>`${deciders.name}`.as('decided_by_name'),
    })
    .from(quotes)
    .leftJoin(accounts, and(eq(accounts.id, quotes.accountId), accountScope(p)))
    .leftJoin(users, and(eq(users.tenantId, quotes.tenantId), eq(users.id, quotes.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, quotes.tenantId), eq(orgUnits.id, quotes.unitId)))
    .leftJoin(deciders, and(eq(deciders.tenantId, quotes.tenantId), eq(deciders.id, quotes.decidedBy)));
}
export type QuoteRow = Awaited<ReturnType<ReturnType<typeof selectQuotes>['where']>>[number];

export async function findQuote(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<QuoteRow | null> {
  const [row] = await selectQuotes(db, p).where(and(quoteScope(p, opts), eq(quotes.id, id)));
  return row ?? null;
}

export async function getQuote(db: Executor, p: Principal, id: string): Promise<QuoteRow> {
  const q = await findQuote(db, p, id);
  if (!q) throw notFound();
  return q;
}

export async function quoteLinesOf(db: Executor, tenantId: string, quoteId: string) {
  return db
    .select({ ...getTableColumns(quoteLines), productCode: products.code, productName: products.name, productEnglishName: products.englishName, specification: products.specification })
    .from(quoteLines)
    .leftJoin(products, and(eq(products.tenantId, quoteLines.tenantId), eq(products.id, quoteLines.productId)))
    .where(and(eq(quoteLines.tenantId, tenantId), eq(quoteLines.quoteId, quoteId)))
    .orderBy(asc(quoteLines.lineNo));
}
export type QuoteLineRow = Awaited<ReturnType<typeof quoteLinesOf>>[number];

export async function listQuotes(db: Executor, p: Principal, q: ListQuotesQuery) {
  const cursor = decodeCursor(q.cursor);
  const rows = await selectQuotes(db, p)
    .where(and(
      quoteScope(p),
      q.accountId ? eq(quotes.accountId, q.accountId) : undefined,
      q.opportunityId ? eq(quotes.opportunityId, q.opportunityId) : undefined,
      q.status ? eq(quotes.status, q.status) : undefined,
      q.current === 'true' ? ne(quotes.status, 'superseded') : undefined,
      cursor ? sql`(${quotes.createdAt}, ${quotes.id}) < (${String(cursor.v)}::timestamptz, ${cursor.id}::uuid)` : undefined,
    ))
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null };
}
