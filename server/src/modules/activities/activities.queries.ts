import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { afterCursor } from '../accounts/keyset.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customFilterSql, type FieldDefinition } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { activities } from './activities.schema.ts';
import type { ListActivitiesQuery } from './activities.types.ts';

export interface Named {
  id: string;
  name: string | null;
}
export type ActivityRow = typeof activities.$inferSelect & {
  ownerName: string | null;
  unitName: string | null;
  accountName: string | null;
  contactName: string | null;
};
export type ActivityRecord = ActivityRow & { participantUsers: Named[]; participantContacts: Named[] };

/** An activity is visible by its own owner and unit, like every owned record — not through its account. */
export const activityScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'activity', { tenantId: activities.tenantId, ownerId: activities.ownerId, unitId: activities.unitId, deletedAt: activities.deletedAt }, opts);

// Aliased: four joined columns are called "name". The account and contact are joined within the
// caller's scope, so their names show only to those who may see them.
const activityFields = {
  ...getTableColumns(activities),
  ownerName: sql<string | null>`${users.name}`.as('owner_name'),
  unitName: sql<string | null>`${orgUnits.name}`.as('unit_name'),
  accountName: sql<string | null>`${accounts.name}`.as('account_name'),
  contactName: sql<string | null>`${contacts.name}`.as('contact_name'),
};

/** Activities with their names joined; `extra` adds computed columns (a sort key for paging). */
export function selectActivities<E extends Record<string, SQL.Aliased> = Record<never, never>>(db: Executor, p: Principal, extra: E = {} as E) {
  return db
    .select({ ...activityFields, ...extra })
    .from(activities)
    .leftJoin(users, and(eq(users.tenantId, activities.tenantId), eq(users.id, activities.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, activities.tenantId), eq(orgUnits.id, activities.unitId)))
    .leftJoin(accounts, and(eq(accounts.id, activities.accountId), accountScope(p)))
    .leftJoin(contacts, and(eq(contacts.id, activities.contactId), contactScope(p)));
}

/** Names of a page's participants in two queries: colleagues by name, contacts only where visible. */
export async function withParticipants<R extends ActivityRow>(db: Executor, p: Principal, rows: R[]): Promise<(R & Pick<ActivityRecord, 'participantUsers' | 'participantContacts'>)[]> {
  const userIds = [...new Set(rows.flatMap((r) => r.participantUserIds))];
  const contactIds = [...new Set(rows.flatMap((r) => r.participantContactIds))];
  const [userNames, contactNames] = await Promise.all([
    userIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.tenantId, p.tenantId), inArray(users.id, userIds)))
      : [],
    contactIds.length
      ? db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(contactScope(p), inArray(contacts.id, contactIds)))
      : [],
  ]);
  const userName = new Map(userNames.map((u) => [u.id, u.name]));
  const contactName = new Map(contactNames.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    ...r,
    participantUsers: r.participantUserIds.map((id) => ({ id, name: userName.get(id) ?? null })),
    participantContacts: r.participantContactIds.map((id) => ({ id, name: contactName.get(id) ?? null })),
  }));
}

export async function findActivity(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<ActivityRecord | null> {
  const [row] = await selectActivities(db, p).where(and(activityScope(p, opts), eq(activities.id, id)));
  return row ? (await withParticipants(db, p, [row]))[0] : null;
}

export async function getActivity(db: Executor, p: Principal, id: string): Promise<ActivityRecord> {
  const activity = await findActivity(db, p, id);
  if (!activity) throw notFound();
  return activity;
}

/** After a write the command reads back what it stored, even when a reassignment took it out of the writer's scope. */
export async function readBackActivity(db: Executor, p: Principal, id: string): Promise<ActivityRecord> {
  const [row] = await selectActivities(db, p).where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id)));
  return (await withParticipants(db, p, [row]))[0];
}

/** Open tasks: the partial index activities_open_tasks_idx holds exactly these. */
export const openTask = () => and(eq(activities.kind, 'task'), isNull(activities.completedAt));

function filters(p: Principal, q: ListActivitiesQuery, defs: FieldDefinition[], now: Date): SQL {
  const conds: (SQL | undefined)[] = [activityScope(p)];
  if (q.kind) conds.push(inArray(activities.kind, q.kind));
  if (q.accountId) conds.push(eq(activities.accountId, q.accountId));
  if (q.opportunityId) conds.push(eq(activities.opportunityId, q.opportunityId));
  if (q.contactId) conds.push(or(eq(activities.contactId, q.contactId), sql`${activities.participantContactIds} @> array[${q.contactId}]::uuid[]`));
  if (q.ownerId) conds.push(eq(activities.ownerId, q.ownerId));
  if (q.from) conds.push(gte(activities.at, new Date(q.from)));
  if (q.to) conds.push(lt(activities.at, new Date(q.to)));
  if (q.openTasks || q.overdue) conds.push(openTask());
  if (q.overdue) conds.push(lt(activities.dueAt, now));
  conds.push(customFilterSql(activities, defs, q.customFilters));
  return and(...conds)!;
}

/** One page of activities in the caller's scope, keyset-paged on (time, id) like the account list. */
export async function listActivities(db: Executor, p: Principal, q: ListActivitiesQuery, defs: FieldDefinition[], now = new Date()) {
  const col = q.sort === 'createdAt' ? activities.createdAt : activities.at;
  const cursor = decodeCursor(q.cursor);
  const where = and(filters(p, q, defs, now), cursor ? afterCursor(col, activities.id, q.order, cursor, true) : undefined);
  const dir = q.order === 'asc' ? asc : desc;
  const rows = await selectActivities(db, p, { sortValue: sql<string>`${col}::text`.as('sort_value') })
    .where(where)
    .orderBy(dir(col), dir(activities.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map(({ sortValue: _v, ...row }) => row);
  const last = rows[q.limit - 1];
  return {
    items: await withParticipants(db, p, page),
    nextCursor: rows.length > q.limit ? encodeCursor({ v: last.sortValue, id: last.id }) : null,
  };
}
