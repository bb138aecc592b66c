import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { accountScope, unitSubtree } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { afterCursor } from '../accounts/keyset.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customFilterSql, type FieldDefinition } from '../custom-fields/index.ts';
import { opportunityScope } from '../opportunities/opportunities.queries.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchMatch } from '../search/search.match.ts';
import { leads } from './leads.schema.ts';
import type { ListLeadsQuery } from './leads.types.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave the derived columns out
const { searchNames, searchLatin, searchGrams, searchKeys, ...leadColumns } = getTableColumns(leads);

// What the lead became is named only where the caller may see it.
const leadFields = {
  ...leadColumns,
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
  unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
  accountName: sql<string | null>`${accounts.name}`.as('account_name'),
  contactName: sql<string | null>`${contacts.name}`.as('contact_name'),
  opportunityName: sql<string | null>`${opportunities.name}`.as('opportunity_name'),
};
export type LeadRecord = Omit<typeof leads.$inferSelect, 'searchNames' | 'searchLatin' | 'searchGrams' | 'searchKeys'> & {
  ownerName: string | null;
  unitName: string | null;
  accountName: string | null;
  contactName: string | null;
  opportunityName: string | null;
};

export const leadScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'lead', { tenantId: leads.tenantId, ownerId: leads.ownerId, unitId: leads.unitId, deletedAt: leads.deletedAt }, opts);

function selectLeads<E extends Record<string, SQL.Aliased> = Record<never, never>>(db: Executor, p: Principal, extra: E = {} as E) {
  return db
    .select({ ...leadFields, ...extra })
    .from(leads)
    .leftJoin(users, and(eq(users.tenantId, leads.tenantId), eq(users.id, leads.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, leads.tenantId), eq(orgUnits.id, leads.unitId)))
    .leftJoin(accounts, and(eq(accounts.id, leads.convertedAccountId), accountScope(p)))
    .leftJoin(contacts, and(eq(contacts.id, leads.convertedContactId), contactScope(p)))
    .leftJoin(opportunities, and(eq(opportunities.id, leads.convertedOpportunityId), opportunityScope(p)));
}

export async function findLead(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<LeadRecord | null> {
  const [row] = await selectLeads(db, p).where(and(leadScope(p, opts), eq(leads.id, id)));
  return row ?? null;
}

export async function getLead(db: Executor, p: Principal, id: string): Promise<LeadRecord> {
  const lead = await findLead(db, p, id);
  if (!lead) throw notFound();
  return lead;
}

export async function readBackLead(db: Executor, p: Principal, id: string): Promise<LeadRecord> {
  const [row] = await selectLeads(db, p).where(and(eq(leads.tenantId, p.tenantId), eq(leads.id, id)));
  return row;
}

function filters(p: Principal, q: ListLeadsQuery, defs: FieldDefinition[]): SQL {
  const conds: (SQL | undefined)[] = [leadScope(p)];
  if (q.q) conds.push(searchMatch(leads, parseSearchQuery(q.q)));
  if (q.status) conds.push(inArray(leads.status, q.status));
  if (q.source) conds.push(inArray(leads.source, q.source));
  if (q.ownerId) conds.push(eq(leads.ownerId, q.ownerId));
  if (q.unitId) conds.push(unitSubtree(p.tenantId, q.unitId, leads.unitId));
  conds.push(customFilterSql(leads, defs, q.customFilters));
  return and(...conds)!;
}

/** Newest leads first, keyset-paged on (created_at, id). */
export async function listLeads(db: Executor, p: Principal, q: ListLeadsQuery, defs: FieldDefinition[]) {
  const cursor = decodeCursor(q.cursor);
  const dir = q.order === 'asc' ? asc : desc;
  const rows = await selectLeads(db, p, { sortValue: sql<string>`${leads.createdAt}::text`.as('sort_value') })
    .where(and(filters(p, q, defs), cursor ? afterCursor(leads.createdAt, leads.id, q.order, cursor, true) : undefined))
    .orderBy(dir(leads.createdAt), dir(leads.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map(({ sortValue: _v, ...row }) => row);
  const last = rows[q.limit - 1];
  return { items: page, nextCursor: rows.length > q.limit ? encodeCursor({ v: last.sortValue, id: last.id }) : null };
}
