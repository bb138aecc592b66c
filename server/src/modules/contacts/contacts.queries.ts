import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { accountScope, unitSubtree } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { ALL_ROWS, sortMatchesInFull } from '../accounts/keyset.ts';
import { listSort } from '../accounts/list-sort.ts';
import { cappedCount, EXACT_COUNT_CAP, listTotal, type ListTotal } from '../accounts/list-total.ts';
import { customFilterSql, type FieldDefinition } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchMatch } from '../search/search.match.ts';
import { accountContacts, contacts } from './contacts.schema.ts';
import type { ListContactsQuery } from './contacts.types.ts';

// Derived columns stay out, and so do the photo bytes: only GET /contacts/:id/photo and exports read them.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave them out
const { searchNames, searchLatin, searchGrams, searchKeys, nameSort, photo, photoType, ...contactColumns } = getTableColumns(contacts);
// Aliased like accountFields: several joined columns are called "name".
const contactFields = {
  ...contactColumns,
  hasPhoto: sql<boolean>`${contacts.photo} is not null`.as('has_photo'),
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
  unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
};

export interface ContactLink {
  accountId: string;
  accountName: string;
  role: string | null;
  isPrimary: boolean;
}
export type ContactRow = Omit<typeof contacts.$inferSelect, 'searchNames' | 'searchLatin' | 'searchGrams' | 'searchKeys' | 'nameSort' | 'photo' | 'photoType'> & {
  hasPhoto: boolean;
  ownerName: string | null;
  unitName: string | null;
};
export type ContactRecord = ContactRow & { accounts: ContactLink[] };

/**
 * A contact is visible by its own owner and unit, like an account — not through the accounts it
 * is linked to. Simple to reason about and to index; a rep sees the contacts they own, a manager
 * those of their branch, whatever account they hang off.
 */
export const contactScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'contact', { tenantId: contacts.tenantId, ownerId: contacts.ownerId, unitId: contacts.unitId, deletedAt: contacts.deletedAt }, opts);

function selectContacts(db: Executor) {
  return db
    .select(contactFields)
    .from(contacts)
    .leftJoin(users, and(eq(users.tenantId, contacts.tenantId), eq(users.id, contacts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, contacts.tenantId), eq(orgUnits.id, contacts.unitId)));
}

/** The links of a page of contacts in one query, limited to accounts the caller may see. */
export async function withLinks(db: Executor, p: Principal, rows: ContactRow[]): Promise<ContactRecord[]> {
  if (!rows.length) return [];
  const links = await db
    .select({ contactId: accountContacts.contactId, accountId: accounts.id, accountName: accounts.name, role: accountContacts.role, isPrimary: accountContacts.isPrimary })
    .from(accountContacts)
    .innerJoin(accounts, and(eq(accounts.tenantId, accountContacts.tenantId), eq(accounts.id, accountContacts.accountId)))
    .where(and(eq(accountContacts.tenantId, p.tenantId), inArray(accountContacts.contactId, rows.map((r) => r.id)), accountScope(p)))
    .orderBy(desc(accountContacts.isPrimary), asc(accounts.nameSort));
  return rows.map((r) => ({
    ...r,
    accounts: links.filter((l) => l.contactId === r.id).map(({ contactId: _c, ...link }) => link),
  }));
}

export async function findContact(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<ContactRecord | null> {
  const [row] = await selectContacts(db).where(and(contactScope(p, opts), eq(contacts.id, id)));
  return row ? (await withLinks(db, p, [row]))[0] : null;
}

export async function getContact(db: Executor, p: Principal, id: string): Promise<ContactRecord> {
  const contact = await findContact(db, p, id);
  if (!contact) throw notFound();
  return contact;
}

export async function readBackContact(db: Executor, p: Principal, id: string): Promise<ContactRecord> {
  const [row] = await selectContacts(db).where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id)));
  return (await withLinks(db, p, [row]))[0];
}

function filters(p: Principal, q: ListContactsQuery, defs: FieldDefinition[]): SQL {
  const conds: (SQL | undefined)[] = [contactScope(p)];
  if (q.q) conds.push(searchMatch(contacts, parseSearchQuery(q.q)));
  if (q.ownerId) conds.push(eq(contacts.ownerId, q.ownerId));
  if (q.unitId) conds.push(unitSubtree(p.tenantId, q.unitId, contacts.unitId));
  if (q.accountId) {
    conds.push(sql`exists (select 1 from account_contacts ac where ac.tenant_id = ${contacts.tenantId} and ac.contact_id = ${contacts.id} and ac.account_id = ${q.accountId})`);
  }
  if (q.createdFrom) conds.push(gte(contacts.createdAt, new Date(q.createdFrom)));
  if (q.createdTo) conds.push(lte(contacts.createdAt, new Date(q.createdTo)));
  conds.push(customFilterSql(contacts, defs, q.customFilters));
  return and(...conds)!;
}

const sortColumns = { name: contacts.nameSort, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt };

/**
 * One page of contacts; a search keyword is handled like in listAccounts (count first, then sort a
 * small set in full). `defs` are the tenant's contact custom fields, loaded once per request.
 */
export async function listContacts(
  db: Executor,
  p: Principal,
  q: ListContactsQuery,
  defs: FieldDefinition[],
): Promise<{ items: ContactRecord[]; nextCursor: string | null; total: ListTotal | null }> {
  const where = filters(p, q, defs);
  const sort = listSort(contacts, sortColumns, defs, q.sort, q.order);
  const cursor = decodeCursor(q.cursor);
  const page = and(where, sort.where, cursor ? sort.after(cursor) : undefined);
  const matches = q.q ? await cappedCount(db, contacts, where) : undefined;
  // A custom field has no column to select as the sort key; its rows are never sorted in a subquery (see ListSort).
  const sortKey = sort.column ? sql`${sort.column}` : sql`null`;
  const base = db
    .select({ ...contactFields, sortKey: sortKey.as('sort_key'), sortValue: sort.cursorValue.as('sort_value') })
    .from(contacts)
    .leftJoin(users, and(eq(users.tenantId, contacts.tenantId), eq(users.id, contacts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, contacts.tenantId), eq(orgUnits.id, contacts.unitId)))
    .where(page);
  let rows;
  if (sort.column && sortMatchesInFull(matches, q.sort)) {
    const few = base.limit(ALL_ROWS).as('few');
    const dir = sort.order === 'asc' ? asc : desc;
    rows = await db.select().from(few).orderBy(dir(few.sortKey), dir(few.id)).limit(q.limit + 1);
  } else {
    rows = await base.orderBy(...sort.orderBy).limit(q.limit + 1);
  }
  const items = await withLinks(db, p, rows.slice(0, q.limit).map(({ sortKey: _k, sortValue: _v, ...row }) => row));
  const last = rows[q.limit - 1];
  const nextCursor = rows.length > q.limit ? encodeCursor({ v: last.sortValue, id: last.id }) : null;
  const total = !cursor && q.count === 'true' ? await listTotal(db, contacts, where, EXACT_COUNT_CAP, matches) : null;
  return { items, nextCursor, total };
}

/** Contacts of one account that the caller may see, primary first, with their role there. */
export async function listAccountContacts(db: Executor, p: Principal, accountId: string, limit = 500) {
  const rows = await db
    .select({ ...contactFields, role: accountContacts.role, isPrimary: accountContacts.isPrimary })
    .from(accountContacts)
    .innerJoin(contacts, and(eq(contacts.tenantId, accountContacts.tenantId), eq(contacts.id, accountContacts.contactId)))
    .leftJoin(users, and(eq(users.tenantId, contacts.tenantId), eq(users.id, contacts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, contacts.tenantId), eq(orgUnits.id, contacts.unitId)))
    .where(and(eq(accountContacts.tenantId, p.tenantId), eq(accountContacts.accountId, accountId), contactScope(p)))
    .orderBy(desc(accountContacts.isPrimary), asc(contacts.nameSort))
    .limit(limit);
  const records = await withLinks(db, p, rows.map(({ role: _r, isPrimary: _i, ...row }) => row));
  return records.map((contact, i) => ({ contact, role: rows[i].role, isPrimary: rows[i].isPrimary }));
}

/** The contacts with these ids that the caller may see, with their links, in name order. */
export async function listContactsByIds(db: Executor, p: Principal, ids: string[]): Promise<ContactRecord[]> {
  if (!ids.length) return [];
  const rows = await selectContacts(db).where(and(contactScope(p), inArray(contacts.id, ids))).orderBy(asc(contacts.nameSort), asc(contacts.id));
  return withLinks(db, p, rows);
}

export interface ContactPhoto {
  mediaType: string;
  bytes: Buffer;
}

/**
 * Photos of contacts the caller has already been shown (ids from a scoped query): the scope is
 * applied again anyway, so a photo is never read past it.
 */
export async function contactPhotos(db: Executor, p: Principal, ids: string[]): Promise<Map<string, ContactPhoto>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: contacts.id, bytes: contacts.photo, mediaType: contacts.photoType })
    .from(contacts)
    .where(and(contactScope(p), inArray(contacts.id, ids), sql`${contacts.photo} is not null`));
  return new Map(rows.map((r) => [r.id, { mediaType: r.mediaType ?? 'application/octet-stream', bytes: r.bytes! }]));
}
