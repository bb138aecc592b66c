import { and, asc, desc, eq, gt, ilike, isNull, like, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { scopeKindOf, scopeParams, scopeWhere, scopeWherePrepared, type ScopeColumns, type ScopeKind } from '../../../platform/access/scope.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { preparedPerDb, uuidArray } from '../../../platform/db/prepared.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { orgUnits, userManagedUnits, userRoles, users } from '../org.schema.ts';
import type { z } from 'zod';
import type { listUsersQuery } from './users.types.ts';

export type UserRecord = typeof users.$inferSelect & { unitName: string | null; roleIds: string[]; managedUnitIds: string[] };

/** A user is "owned" by itself and belongs to its unit: own scope = yourself, unit scope = colleagues. */
const userScopeColumns: ScopeColumns = { tenantId: users.tenantId, ownerId: users.id, unitId: users.unitId, deletedAt: users.deletedAt };
export const userScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'user', userScopeColumns, opts);

const sortColumns = { name: users.name, login: users.login, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt };

type SortKey = keyof typeof sortColumns;
type CursorShape = 'first' | 'null' | 'value';

/** Row-value comparison keeps (sort, id) pagination on one index range; NULLs sort last. */
function afterCursor(sort: SortKey, order: 'asc' | 'desc', v: unknown, id: string | SQLWrapper): SQL | undefined {
  const col = sortColumns[sort];
  const cmp = order === 'asc' ? gt : lt;
  return v === null
    ? and(isNull(col), cmp(users.id, id))
    : or(
        order === 'asc' ? sql`${col} > ${v}` : sql`${col} < ${v}`,
        and(eq(col, v as never), cmp(users.id, id)),
        order === 'asc' ? isNull(col) : undefined,
      );
}

function pageQuery(db: Executor, where: SQL | undefined, sort: SortKey, order: 'asc' | 'desc') {
  const col = sortColumns[sort];
  const dir = order === 'asc' ? asc : desc;
  return db
    .select({ user: users, unitName: orgUnits.name })
    .from(users)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.unitId)))
    .where(where)
    .orderBy(sql`${col} ${sql.raw(order === 'asc' ? 'asc nulls last' : 'desc nulls last')}`, dir(users.id));
}

/** The list without filters (the users page as it opens, and its next pages): prepared per scope kind, sort, order and cursor shape. */
const unfilteredPage = preparedPerDb((db, shape: `${ScopeKind}:${SortKey}:${'asc' | 'desc'}:${CursorShape}`) => {
  const [kind, sort, order, after] = shape.split(':') as [ScopeKind, SortKey, 'asc' | 'desc', CursorShape];
  const cursor = after === 'first' ? undefined : afterCursor(sort, order, after === 'null' ? null : sql.placeholder('cursorValue'), sql.placeholder('cursorId'));
  return pageQuery(db, and(scopeWherePrepared(kind, userScopeColumns), cursor), sort, order).limit(sql.placeholder('limit')).prepare(`users_page_${shape}`);
});

export async function listUsers(db: Executor, p: Principal, q: z.infer<typeof listUsersQuery>) {
  const conds: (SQL | undefined)[] = [userScope(p)];
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    conds.push(or(ilike(users.name, pattern), ilike(users.login, pattern), ilike(users.email, pattern), like(users.phone, pattern)));
  }
  if (q.active) conds.push(eq(users.active, q.active === 'true'));
  if (q.unitId) {
    const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, q.unitId)));
    if (!unit) return { items: [], nextCursor: null };
    conds.push(sql`${users.unitId} in (select id from org_units where tenant_id = ${p.tenantId} and path like ${unit.path + '%'})`);
  }
  if (q.roleId) {
    conds.push(sql`exists (select 1 from user_roles ur where ur.tenant_id = ${users.tenantId} and ur.user_id = ${users.id} and ur.role_id = ${q.roleId})`);
  }
  const cursor = decodeCursor(q.cursor);
  const v = !cursor || cursor.v === null ? null : q.sort === 'createdAt' || q.sort === 'lastLoginAt' ? new Date(String(cursor.v)) : cursor.v;
  let rows;
  if (conds.length === 1) {
    const shape = !cursor ? 'first' : v === null ? 'null' : 'value';
    rows = await unfilteredPage(db, `${scopeKindOf(p, 'user')}:${q.sort}:${q.order}:${shape}`).execute({
      ...scopeParams(p), limit: q.limit + 1, cursorId: cursor?.id, cursorValue: v instanceof Date ? v.toISOString() : v,
    });
  } else {
    if (cursor) conds.push(afterCursor(q.sort, q.order, v, cursor.id));
    rows = await pageQuery(db, and(...conds), q.sort, q.order).limit(q.limit + 1);
  }
  const page = rows.slice(0, q.limit);
  const records = await withRelations(db, p.tenantId, page.map((r) => ({ ...r.user, unitName: r.unitName })));
  const last = page[page.length - 1]?.user;
  const sortValue = (u: typeof users.$inferSelect) => {
    const v = u[q.sort];
    return v instanceof Date ? v.toISOString() : (v as string | null);
  };
  return {
    items: records,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
  };
}

/**
 * One user by id, prepared (platform/db/prepared.ts) for each kind of scope, with or without deleted
 * users, or tenant-wide ('tenant') for read-backs after a write.
 */
type UserById = 'tenant' | ScopeKind | `${ScopeKind}+deleted`;
const userById = preparedPerDb((db, variant: UserById) => {
  const scope = variant === 'tenant'
    ? eq(users.tenantId, sql.placeholder('scopeTenantId'))
    : scopeWherePrepared(variant.replace('+deleted', '') as ScopeKind, userScopeColumns, { includeDeleted: variant.endsWith('+deleted') });
  return db
    .select({ user: users, unitName: orgUnits.name })
    .from(users)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.unitId)))
    .where(and(scope, eq(users.id, sql.placeholder('id'))))
    .prepare(`user_by_id_${variant}`);
});

export async function findUser(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<UserRecord | null> {
  const kind = scopeKindOf(p, 'user');
  return loadUser(db, p.tenantId, userById(db, opts?.includeDeleted ? `${kind}+deleted` : kind), { ...scopeParams(p), id });
}

/** After a write the command reads back what it stored, even where the writer's read scope is narrower. */
export const readBackUser = (db: Executor, tenantId: string, id: string) =>
  loadUser(db, tenantId, userById(db, 'tenant'), { scopeTenantId: tenantId, id }) as Promise<UserRecord>;

async function loadUser(db: Executor, tenantId: string, query: ReturnType<typeof userById>, params: Record<string, unknown>): Promise<UserRecord | null> {
  const [row] = await query.execute(params);
  if (!row) return null;
  const [record] = await withRelations(db, tenantId, [{ ...row.user, unitName: row.unitName }]);
  return record;
}

export async function getUser(db: Executor, p: Principal, id: string): Promise<UserRecord> {
  const user = await findUser(db, p, id);
  if (!user) throw notFound();
  return user;
}

// Prepared: one statement for any number of users (ids as one uuid[] parameter).
const rolesOfUsers = preparedPerDb((db) =>
  db.select().from(userRoles)
    .where(and(eq(userRoles.tenantId, sql.placeholder('tenantId')), sql`${userRoles.userId} = any(${sql.placeholder('ids')}::uuid[])`))
    .prepare('roles_of_users'));
const managedUnitsOfUsers = preparedPerDb((db) =>
  db.select().from(userManagedUnits)
    .where(and(eq(userManagedUnits.tenantId, sql.placeholder('tenantId')), sql`${userManagedUnits.userId} = any(${sql.placeholder('ids')}::uuid[])`))
    .prepare('managed_units_of_users'));

/** Roles and managed units for a page of users in two queries, not two per user. */
async function withRelations(
  db: Executor,
  tenantId: string,
  rows: (typeof users.$inferSelect & { unitName: string | null })[],
): Promise<UserRecord[]> {
  if (!rows.length) return [];
  const params = { tenantId, ids: uuidArray(rows.map((r) => r.id)) };
  const [roleRows, managedRows] = await Promise.all([rolesOfUsers(db, '').execute(params), managedUnitsOfUsers(db, '').execute(params)]);
  return rows.map((r) => ({
    ...r,
    roleIds: roleRows.filter((x) => x.userId === r.id).map((x) => x.roleId),
    managedUnitIds: managedRows.filter((x) => x.userId === r.id).map((x) => x.unitId),
  }));
}
