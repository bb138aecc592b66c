import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { getAccount } from '../accounts/accounts.queries.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { mayClear } from './risk-flags.commands.ts';
import { riskFlags } from './risk-flags.schema.ts';

const flagger = aliasedTable(users, 'flagger');

/** Every flag of an account the caller sees, cleared ones included, newest first. */
export async function listAccountFlags(db: Executor, p: Principal, accountId: string) {
  await getAccount(db, p, accountId);
  const rows = await db
    .select({
      id: riskFlags.id, kind: riskFlags.kind, reason: riskFlags.reason, flaggedBy: riskFlags.flaggedBy, flaggedByName: flagger.name,
      unitId: riskFlags.unitId, unitName: orgUnits.name, createdAt: riskFlags.createdAt, clearedAt: riskFlags.clearedAt, clearedBy: riskFlags.clearedBy,
    })
    .from(riskFlags)
    .leftJoin(flagger, and(eq(flagger.tenantId, riskFlags.tenantId), eq(flagger.id, riskFlags.flaggedBy)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, riskFlags.tenantId), eq(orgUnits.id, riskFlags.unitId)))
    .where(and(eq(riskFlags.tenantId, p.tenantId), eq(riskFlags.accountId, accountId)))
    .orderBy(desc(riskFlags.createdAt));
  return rows.map((r) => ({
    ...r, createdAt: r.createdAt.toISOString(), clearedAt: r.clearedAt?.toISOString() ?? null, canClear: !r.clearedAt && mayClear(p, r),
  }));
}
