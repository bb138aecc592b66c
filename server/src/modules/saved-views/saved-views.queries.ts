import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { hasCapability, type Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { MANAGE_SHARED_VIEWS } from './saved-views.policy.ts';
import { savedViewDefaults, savedViews } from './saved-views.schema.ts';

export type ViewRecord = typeof savedViews.$inferSelect & { ownerName: string | null; isDefault: boolean };

/** The viewer's units (own and managed) and all their ancestors, read from the units' paths. */
export async function reachUnits(db: Executor, p: Principal): Promise<string[]> {
  const rows = await db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, p.tenantId), inArray(orgUnits.id, p.unitIds)));
  return [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean)))];
}

/** The same rule as viewRules.see, as SQL: every read of views goes through it. */
function visibleWhere(p: Principal, reach: string[]): SQL {
  return and(
    eq(savedViews.tenantId, p.tenantId),
    or(
      eq(savedViews.ownerId, p.userId),
      eq(savedViews.sharing, 'shared_with_all'),
      reach.length ? and(eq(savedViews.sharing, 'shared_with_unit'), inArray(savedViews.unitId, reach)) : undefined,
      hasCapability(p, MANAGE_SHARED_VIEWS) ? ne(savedViews.sharing, 'personal') : undefined,
    ),
  )!;
}

function selectViews(db: Executor, p: Principal) {
  return db
    .select({
      view: savedViews,
      ownerName: users.name,
      isDefault: sql<boolean>`${savedViewDefaults.viewId} is not null`,
    })
    .from(savedViews)
    .leftJoin(users, and(eq(users.tenantId, savedViews.tenantId), eq(users.id, savedViews.ownerId)))
    .leftJoin(
      savedViewDefaults,
      and(eq(savedViewDefaults.tenantId, savedViews.tenantId), eq(savedViewDefaults.userId, p.userId), eq(savedViewDefaults.viewId, savedViews.id)),
    );
}

const flatten = (r: { view: typeof savedViews.$inferSelect; ownerName: string | null; isDefault: boolean }): ViewRecord => ({
  ...r.view,
  ownerName: r.ownerName,
  isDefault: !!r.isDefault,
});

/** My views first, then those shared with me, each by name. */
export async function listViews(db: Executor, p: Principal, objectType: string): Promise<ViewRecord[]> {
  const reach = await reachUnits(db, p);
  const rows = await selectViews(db, p)
    .where(and(visibleWhere(p, reach), eq(savedViews.objectType, objectType)))
    .orderBy(sql`${savedViews.ownerId} = ${p.userId} desc`, asc(savedViews.name), asc(savedViews.id));
  return rows.map(flatten);
}

export async function findView(db: Executor, p: Principal, id: string): Promise<ViewRecord | null> {
  const reach = await reachUnits(db, p);
  const [row] = await selectViews(db, p).where(and(visibleWhere(p, reach), eq(savedViews.id, id)));
  return row ? flatten(row) : null;
}

/** Not visible and not existing look the same: 404. */
export async function getView(db: Executor, p: Principal, id: string): Promise<ViewRecord> {
  const view = await findView(db, p, id);
  if (!view) throw notFound();
  return view;
}
