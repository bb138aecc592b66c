import { aliasedTable, and, asc, desc, eq, getTableColumns, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { accountScope, unitSubtree } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { afterCursor } from '../accounts/keyset.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customFilterSql, type FieldDefinition } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { pipelineStages, pipelines } from '../pipelines/pipelines.schema.ts';
import { products } from '../products/products.schema.ts';
import { opportunities, opportunityContacts, opportunityLines } from './opportunities.schema.ts';
import type { ListOpportunitiesQuery } from './opportunities.types.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave the derived columns out
const { searchNames, searchLatin, searchGrams, searchKeys, ...opportunityColumns } = getTableColumns(opportunities);

const stage = aliasedTable(pipelineStages, 'stage');

// Aliased: five joined columns are called "name". The account is joined within the caller's scope.
export const opportunityFields = {
  ...opportunityColumns,
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
  unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
  accountName: sql<string | null>`${accounts.name}`.as('account_name'),
  pipelineName: sql<string | null>`${pipelines.name}`.as('pipeline_name'),
  stageName: sql<string | null>`${stage.name}`.as('stage_name'),
};

export type OpportunityRow = Omit<typeof opportunities.$inferSelect, 'searchNames' | 'searchLatin' | 'searchGrams' | 'searchKeys'> & {
  ownerName: string | null;
  unitName: string | null;
  accountName: string | null;
  pipelineName: string | null;
  stageName: string | null;
};
export interface OpportunityLineRow {
  id: string;
  productId: string | null;
  productName: string | null;
  productCode: string | null;
  description: string | null;
  quantity: string;
  unitPrice: string;
  amount: string;
}
export type OpportunityRecord = OpportunityRow & {
  contacts: { id: string; name: string | null; role: string | null }[];
  lines: OpportunityLineRow[];
};

export const opportunityScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'opportunity', { tenantId: opportunities.tenantId, ownerId: opportunities.ownerId, unitId: opportunities.unitId, deletedAt: opportunities.deletedAt }, opts);

export function selectOpportunities<E extends Record<string, SQL.Aliased> = Record<never, never>>(db: Executor, p: Principal, extra: E = {} as E) {
  return db
    .select({ ...opportunityFields, ...extra })
    .from(opportunities)
    .leftJoin(users, and(eq(users.tenantId, opportunities.tenantId), eq(users.id, opportunities.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, opportunities.tenantId), eq(orgUnits.id, opportunities.unitId)))
    .leftJoin(accounts, and(eq(accounts.id, opportunities.accountId), accountScope(p)))
    .leftJoin(pipelines, and(eq(pipelines.tenantId, opportunities.tenantId), eq(pipelines.id, opportunities.pipelineId)))
    .leftJoin(stage, and(eq(stage.tenantId, opportunities.tenantId), eq(stage.id, opportunities.stageId)));
}

/** Contacts (names only where visible) and lines of a page of deals, in two queries. */
export async function withDetails<R extends OpportunityRow>(db: Executor, p: Principal, rows: R[]): Promise<(R & Pick<OpportunityRecord, 'contacts' | 'lines'>)[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [links, lines] = await Promise.all([
    db
      .select({ opportunityId: opportunityContacts.opportunityId, id: opportunityContacts.contactId, role: opportunityContacts.role, name: contacts.name })
      .from(opportunityContacts)
      .leftJoin(contacts, and(eq(contacts.id, opportunityContacts.contactId), contactScope(p)))
      .where(and(eq(opportunityContacts.tenantId, p.tenantId), inArray(opportunityContacts.opportunityId, ids))),
    db
      .select({
        opportunityId: opportunityLines.opportunityId, id: opportunityLines.id, productId: opportunityLines.productId, productName: products.name,
        productCode: products.code, description: opportunityLines.description, quantity: opportunityLines.quantity, unitPrice: opportunityLines.unitPrice,
        amount: opportunityLines.amount,
      })
      .from(opportunityLines)
      .leftJoin(products, and(eq(products.tenantId, opportunityLines.tenantId), eq(products.id, opportunityLines.productId)))
      .where(and(eq(opportunityLines.tenantId, p.tenantId), inArray(opportunityLines.opportunityId, ids)))
      .orderBy(asc(opportunityLines.sortOrder)),
  ]);
  return rows.map((r) => ({
    ...r,
    contacts: links.filter((l) => l.opportunityId === r.id).map(({ opportunityId: _o, ...c }) => c),
    lines: lines.filter((l) => l.opportunityId === r.id).map(({ opportunityId: _o, ...l }) => l),
  }));
}

export async function findOpportunity(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<OpportunityRecord | null> {
  const [row] = await selectOpportunities(db, p).where(and(opportunityScope(p, opts), eq(opportunities.id, id)));
  return row ? (await withDetails(db, p, [row]))[0] : null;
}

export async function getOpportunity(db: Executor, p: Principal, id: string): Promise<OpportunityRecord> {
  const found = await findOpportunity(db, p, id);
  if (!found) throw notFound();
  return found;
}

/** After a write the command reads back what it stored, even when a reassignment took it out of the writer's scope. */
export async function readBackOpportunity(db: Executor, p: Principal, id: string): Promise<OpportunityRecord> {
  const [row] = await selectOpportunities(db, p).where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id)));
  return (await withDetails(db, p, [row]))[0];
}

const sortColumns = {
  updatedAt: { col: opportunities.updatedAt, timestamp: true },
  createdAt: { col: opportunities.createdAt, timestamp: true },
  expectedCloseDate: { col: sql`coalesce(${opportunities.expectedCloseDate}, '9999-12-31'::date)`, timestamp: false },
  amount: { col: opportunities.amount, timestamp: false },
} as const;

function filters(p: Principal, q: ListOpportunitiesQuery, defs: FieldDefinition[]): SQL {
  const conds: (SQL | undefined)[] = [opportunityScope(p)];
  if (q.q) conds.push(ilike(opportunities.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (q.pipelineId) conds.push(eq(opportunities.pipelineId, q.pipelineId));
  if (q.stageId) conds.push(eq(opportunities.stageId, q.stageId));
  if (q.status) conds.push(inArray(opportunities.status, q.status));
  if (q.accountId) conds.push(eq(opportunities.accountId, q.accountId));
  if (q.ownerId) conds.push(eq(opportunities.ownerId, q.ownerId));
  if (q.unitId) conds.push(unitSubtree(p.tenantId, q.unitId, opportunities.unitId));
  if (q.closeFrom) conds.push(gte(opportunities.expectedCloseDate, q.closeFrom));
  if (q.closeTo) conds.push(lte(opportunities.expectedCloseDate, q.closeTo));
  conds.push(customFilterSql(opportunities, defs, q.customFilters));
  return and(...conds)!;
}

/** One page of deals in the caller's scope, keyset-paged on (sort value, id). */
export async function listOpportunities(db: Executor, p: Principal, q: ListOpportunitiesQuery, defs: FieldDefinition[]) {
  const { col, timestamp } = sortColumns[q.sort];
  const cursor = decodeCursor(q.cursor);
  const typed = (v: string) => (q.sort === 'amount' ? sql`${v}::numeric` : sql`${v}::date`);
  const after = cursor
    ? timestamp
      ? afterCursor(col, opportunities.id, q.order, cursor, true)
      : sql`(${col}, ${opportunities.id}) ${sql.raw(q.order === 'asc' ? '>' : '<')} (${typed(String(cursor.v))}, ${cursor.id}::uuid)`
    : undefined;
  const dir = q.order === 'asc' ? asc : desc;
  const rows = await selectOpportunities(db, p, { sortValue: sql<string>`${col}::text`.as('sort_value') })
    .where(and(filters(p, q, defs), after))
    .orderBy(dir(col), dir(opportunities.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map(({ sortValue: _v, ...row }) => row);
  const last = rows[q.limit - 1];
  return {
    items: await withDetails(db, p, page),
    nextCursor: rows.length > q.limit ? encodeCursor({ v: last.sortValue, id: last.id }) : null,
  };
}
