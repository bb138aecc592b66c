import { and, eq, isNull } from 'drizzle-orm';
import { inScope, scopeOf, type Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { invalid } from '../../platform/http/errors.ts';
import { orgUnits, users } from '../org/org.schema.ts';

export interface Ownership {
  ownerId: string;
  unitId: string;
}

/**
 * Who owns a new or reassigned record and which unit it belongs to. The owner defaults to the
 * caller (or stays as it was), the unit to the owner's unit. The result must fall inside the
 * caller's scope twice over: the owner as the data scope sees it (a rep may only own records
 * themselves) and the unit among the units the caller reaches — otherwise a rep could file a
 * record into another branch, where it would leak to that branch's manager.
 */
export async function resolveOwnership(
  db: Executor,
  p: Principal,
  object: string,
  wanted: { ownerId?: string | null; unitId?: string | null },
  current?: Ownership,
): Promise<Ownership> {
  const ownerId = wanted.ownerId ?? current?.ownerId ?? p.userId;
  const [owner] = await db
    .select({ id: users.id, unitId: users.unitId, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, p.tenantId), eq(users.id, ownerId), isNull(users.deletedAt)));
  if (!owner || !owner.active) throw invalid('ownerId', 'no such active user');
  const ownerChanged = !current || ownerId !== current.ownerId;
  const unitId = wanted.unitId ?? (ownerChanged ? owner.unitId : current!.unitId);
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, unitId), isNull(orgUnits.deletedAt)));
  if (!unit) throw invalid('unitId', 'no such unit');
  const scope = scopeOf(p, object);
  const reachable = (id: string) => scope === 'all' || (scope === 'subtree' ? p.subtreeUnitIds : p.unitIds).includes(id);
  if (!reachable(unitId)) throw invalid(wanted.unitId ? 'unitId' : 'ownerId', 'outside your data scope');
  // A manager hands records to people of their own branch, not to another branch's rep.
  const ownerReachable = ownerId === p.userId || reachable(owner.unitId);
  if (!ownerReachable || !inScope(p, object, { ownerId, unitId })) throw invalid('ownerId', 'outside your data scope');
  return { ownerId, unitId };
}
