import { and, arrayContains, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeKindOf, scopeParams, scopeWhere, scopeWherePrepared, type ScopeColumns, type ScopeKind } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { preparedPerDb } from '../../platform/db/prepared.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { customFilterSql, type FieldDefinition } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchMatch } from '../search/search.match.ts';
import { accounts, lastActivitySort } from './accounts.schema.ts';
import type { ListAccountsQuery } from './accounts.types.ts';
import { ALL_ROWS, sortMatchesInFull } from './keyset.ts';
import { cappedCount, EXACT_COUNT_CAP, listTotal, type ListTotal } from './list-total.ts';
import { listSort } from './list-sort.ts';

/** An account as commands and presenters see it: the stored fields (not the search columns) and two names. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave the derived columns out
const { searchNames, searchLatin, searchGrams, searchKeys, nameSort, ...accountColumns } = getTableColumns(accounts);
// Aliased: three columns are called "name", which a subquery (see listAccounts) could not tell apart.
export const accountFields = {
  ...accountColumns,
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
  unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
};
export type AccountRecord = Omit<typeof accounts.$inferSelect, 'searchNames' | 'searchLatin' | 'searchGrams' | 'searchKeys' | 'nameSort'> & {
  ownerName: string | null;
  unitName: string | null;
};

const accountScopeColumns: ScopeColumns = { tenantId: accounts.tenantId, ownerId: accounts.ownerId, unitId: accounts.unitId, deletedAt: accounts.deletedAt };
export const accountScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'account', accountScopeColumns, opts);

function selectAccounts(db: Executor) {
  return db
    .select(accountFields)
    .from(accounts)
    .leftJoin(users, and(eq(users.tenantId, accounts.tenantId), eq(users.id, accounts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)));
}

/** One account by id, prepared (platform/db/prepared.ts) for each kind of scope, with or without deleted accounts. */
const accountById = preparedPerDb((db, variant: ScopeKind | `${ScopeKind}+deleted`) =>
  selectAccounts(db)
    .where(and(
      scopeWherePrepared(variant.replace('+deleted', '') as ScopeKind, accountScopeColumns, { includeDeleted: variant.endsWith('+deleted') }),
      eq(accounts.id, sql.placeholder('id')),
    ))
    .prepare(`account_by_id_${variant}`));

export async function findAccount(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<AccountRecord | null> {
  const kind = scopeKindOf(p, 'account');
  const [row] = await accountById(db, opts?.includeDeleted ? `${kind}+deleted` : kind).execute({ ...scopeParams(p), id });
  return row ?? null;
}

export async function getAccount(db: Executor, p: Principal, id: string): Promise<AccountRecord> {
  const account = await findAccount(db, p, id);
  if (!account) throw notFound();
  return account;
}

/**
 * The 404 for an account the caller cannot see. One merged into another (modules/account-merge)
 * and still in the caller's scope says where it went, so the UI can follow it.
 */
export async function notFoundOrMerged(db: Executor, p: Principal, id: string): Promise<AppError> {
  const [row] = await db.select({ into: accounts.mergedIntoId }).from(accounts).where(and(accountScope(p, { includeDeleted: true }), eq(accounts.id, id)));
  if (!row?.into) return notFound();
  const [target] = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, row.into)));
  return new AppError('account_merged', { mergedIntoId: target.id, mergedIntoName: target.name });
}

/** After a write the command reads back what it stored, even when a reassignment took it out of the writer's scope. */
export async function readBackAccount(db: Executor, tenantId: string, id: string): Promise<AccountRecord> {
  const [row] = await selectAccounts(db).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)));
  return row;
}

/** Units whose path starts with the given unit's: the unit and everything below it. */
export const unitSubtree = (tenantId: string, unitId: string, column: AnyPgColumn) =>
  sql`${column} in (select u.id from org_units u where u.tenant_id = ${tenantId} and u.path like (
    select p.path || '%' from org_units p where p.tenant_id = ${tenantId} and p.id = ${unitId}))`;

function filters(p: Principal, q: ListAccountsQuery, defs: FieldDefinition[]): SQL {
  const conds: (SQL | undefined)[] = [accountScope(p)];
  if (q.q) conds.push(searchMatch(accounts, parseSearchQuery(q.q)));
  if (q.ownerId) conds.push(eq(accounts.ownerId, q.ownerId));
  if (q.unitId) conds.push(unitSubtree(p.tenantId, q.unitId, accounts.unitId));
  if (q.type) conds.push(inArray(accounts.type, q.type));
  if (q.tier) conds.push(inArray(accounts.tier, q.tier));
  if (q.industry) conds.push(eq(accounts.industry, q.industry));
  if (q.provinceCode) conds.push(eq(accounts.provinceCode, q.provinceCode));
  if (q.cityCode) conds.push(eq(accounts.cityCode, q.cityCode));
  if (q.districtCode) conds.push(eq(accounts.districtCode, q.districtCode));
  if (q.tags) conds.push(arrayContains(accounts.tags, q.tags));
  if (q.createdFrom) conds.push(gte(accounts.createdAt, new Date(q.createdFrom)));
  if (q.createdTo) conds.push(lte(accounts.createdAt, new Date(q.createdTo)));
  conds.push(customFilterSql(accounts, defs, q.customFilters));
  return and(...conds)!;
}

// Never followed up sorts as the oldest follow-up: a NULL would break the keyset comparison (see keyset.ts).
const sortColumns = { name: accounts.nameSort, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt, lastActivityAt: lastActivitySort };

/**
 * One page of accounts in the caller's scope (keyset pagination, see keyset.ts) and, on the first
 * page, the total. With a search keyword, how the page is read depends on the number of matches
 * (see sortMatchesInFull). `defs` are the tenant's account custom fields, loaded once per request.
 */
export async function listAccounts(
  db: Executor,
  p: Principal,
  q: ListAccountsQuery,
  defs: FieldDefinition[],
): Promise<{ items: AccountRecord[]; nextCursor: string | null; total: ListTotal | null }> {
  const where = filters(p, q, defs);
  const sort = listSort(accounts, sortColumns, defs, q.sort, q.order);
  const cursor = decodeCursor(q.cursor);
  const page = and(where, sort.where, cursor ? sort.after(cursor) : undefined);
  const matches = q.q ? await cappedCount(db, accounts, where) : undefined;
  // A custom field has no column to select as the sort key; its rows are never sorted in a subquery (see ListSort).
  const sortKey = sort.column ? sql`${sort.column}` : sql`null`;
  const base = db
    .select({ ...accountFields, sortKey: sortKey.as('sort_key'), sortValue: sort.cursorValue.as('sort_value') })
    .from(accounts)
    .leftJoin(users, and(eq(users.tenantId, accounts.tenantId), eq(users.id, accounts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(page);
  let rows;
  if (sort.column && sortMatchesInFull(matches, q.sort)) {
    const few = base.limit(ALL_ROWS).as('few');
    const dir = sort.order === 'asc' ? asc : desc;
    rows = await db.select().from(few).orderBy(dir(few.sortKey), dir(few.id)).limit(q.limit + 1);
  } else {
    rows = await base.orderBy(...sort.orderBy).limit(q.limit + 1);
  }
  const items = rows.slice(0, q.limit).map(({ sortKey: _k, sortValue: _v, ...record }) => record);
  const last = rows[q.limit - 1];
  const nextCursor = rows.length > q.limit ? encodeCursor({ v: last.sortValue, id: last.id }) : null;
  const total = !cursor && q.count === 'true' ? await listTotal(db, accounts, where, EXACT_COUNT_CAP, matches) : null;
  return { items, nextCursor, total };
}
