import { and, asc, desc, eq, gt, ilike, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { scopeWhere } from '../../../platform/access/scope.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { orgUnits, userManagedUnits, userRoles, users } from '../org.schema.ts';
import type { z } from 'zod';
import type { listUsersQuery } from './users.types.ts';

export type UserRecord = typeof users.$inferSelect & { unitName: string | null; roleIds: string[]; managedUnitIds: string[] };

/** A user is "owned" by itself and belongs to its unit: own scope = yourself, unit scope = colleagues. */
export const userScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'user', { tenantId: users.tenantId, ownerId: users.id, unitId: users.unitId, deletedAt: users.deletedAt }, opts);

const sortColumns = { name: users.name, login: users.login, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt };

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
  const col = sortColumns[q.sort];
  const cursor = decodeCursor(q.cursor);
  if (cursor) {
    // Row-value comparison keeps (sort, id) pagination on one index range; NULLs sort last.
    const cmp = q.order === 'asc' ? gt : lt;
    const v = cursor.v === null ? null : q.sort === 'createdAt' || q.sort === 'lastLoginAt' ? new Date(String(cursor.v)) : cursor.v;
    conds.push(
      v === null
        ? and(isNull(col), cmp(users.id, cursor.id))
        : or(
            q.order === 'asc' ? sql`${col} > ${v}` : sql`${col} < ${v}`,
            and(eq(col, v as never), cmp(users.id, cursor.id)),
            q.order === 'asc' ? isNull(col) : undefined,
          ),
    );
  }
  const dir = q.order === 'asc' ? asc : desc;
  const rows = await db
    .select({ user: users, unitName: orgUnits.name })
    .from(users)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.unitId)))
    .where(and(...conds))
    .orderBy(sql`${col} ${sql.raw(q.order === 'asc' ? 'asc nulls last' : 'desc nulls last')}`, dir(users.id))
    .limit(q.limit + 1);
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

export async function findUser(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }): Promise<UserRecord | null> {
  return loadUser(db, p.tenantId, and(userScope(p, opts), eq(users.id, id))!);
}

/** After a write the command reads back what it stored, even where the writer's read scope is narrower. */
export const readBackUser = (db: Executor, tenantId: string, id: string) =>
  loadUser(db, tenantId, and(eq(users.tenantId, tenantId), eq(users.id, id))!) as Promise<UserRecord>;

async function loadUser(db: Executor, tenantId: string, where: SQL): Promise<UserRecord | null> {
  const [row] = await db
    .select({ user: users, unitName: orgUnits.name })
    .from(users)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, users.tenantId), eq(orgUnits.id, users.unitId)))
    .where(where);
  if (!row) return null;
  const [record] = await withRelations(db, tenantId, [{ ...row.user, unitName: row.unitName }]);
  return record;
}

export async function getUser(db: Executor, p: Principal, id: string): Promise<UserRecord> {
  const user = await findUser(db, p, id);
  if (!user) throw notFound();
  return user;
}

/** Roles and managed units for a page of users in two queries, not two per user. */
async function withRelations(
  db: Executor,
  tenantId: string,
  rows: (typeof users.$inferSelect & { unitName: string | null })[],
): Promise<UserRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [roleRows, managedRows] = await Promise.all([
    db.select().from(userRoles).where(and(eq(userRoles.tenantId, tenantId), inArray(userRoles.userId, ids))),
    db.select().from(userManagedUnits).where(and(eq(userManagedUnits.tenantId, tenantId), inArray(userManagedUnits.userId, ids))),
  ]);
  return rows.map((r) => ({
    ...r,
    roleIds: roleRows.filter((x) => x.userId === r.id).map((x) => x.roleId),
    managedUnitIds: managedRows.filter((x) => x.userId === r.id).map((x) => x.unitId),
  }));
}
