import { and, asc, eq } from 'drizzle-orm';
import { scopeWhere } from '../../../platform/access/scope.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { orgUnits } from '../org.schema.ts';

/** A unit "belongs" to itself for scoping: unit scope reaches my units, subtree reaches all below. */
export const unitScope = (p: Principal, opts?: { includeDeleted?: boolean; onlyDeleted?: boolean }) =>
  scopeWhere(p, 'org_unit', { tenantId: orgUnits.tenantId, ownerId: orgUnits.createdBy, unitId: orgUnits.id, deletedAt: orgUnits.deletedAt }, opts);

export async function listUnits(db: Executor, p: Principal) {
  return db.select().from(orgUnits).where(unitScope(p)).orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function findUnit(db: Executor, p: Principal, id: string, opts?: { includeDeleted?: boolean }) {
  const [row] = await db.select().from(orgUnits).where(and(unitScope(p, opts), eq(orgUnits.id, id)));
  return row ?? null;
}

export async function getUnit(db: Executor, p: Principal, id: string) {
  const row = await findUnit(db, p, id);
  if (!row) throw notFound();
  return row;
}
