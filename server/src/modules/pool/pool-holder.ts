import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { users } from '../org/org.schema.ts';
import { poolHolders } from './pool.schema.ts';

/**
 * The user id that owns the tenant's pool accounts, created on first use. It is inactive, has no
 * password and no role: it can never sign in, and no data scope other than unit/subtree/all reaches
 * its accounts. Its unit is the head office (any unit would do: a pool account keeps its own unit).
 */
export async function poolHolderId(db: Executor, tenantId: string): Promise<string> {
  const existing = await findPoolHolder(db, tenantId);
  if (existing) return existing;
  const [root] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.tenantId, tenantId)).limit(1);
  if (!root) throw new Error(`tenant ${tenantId} has no users: cannot place a pool holder`);
  const id = newId();
  await db.insert(users).values({
    tenantId, id, login: `__pool__.${id}`, name: '公海 · Public pool', unitId: root.unitId, active: false, passwordHash: null,
  });
  const [won] = await db.insert(poolHolders).values({ tenantId, userId: id }).onConflictDoNothing().returning();
  if (won) return id;
  // Another transaction created it first: drop ours and use theirs.
  await db.delete(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return (await findPoolHolder(db, tenantId))!;
}

export async function findPoolHolder(db: Executor, tenantId: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: poolHolders.userId }).from(poolHolders).where(eq(poolHolders.tenantId, tenantId));
  return row?.userId;
}
