import { and, arrayContains, desc, eq, inArray, or } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { users } from '../org/org.schema.ts';
import { accountMerges } from './account-merge.schema.ts';

export interface MergeRow {
  merge: typeof accountMerges.$inferSelect;
  survivorName: string;
  createdByName: string | null;
  mergedNames: Map<string, string>;
}

/** Merges whose survivor is in the caller's data scope, newest first. */
async function selectMerges(db: Executor, p: Principal, where: ReturnType<typeof and>, limit: number): Promise<MergeRow[]> {
  const rows = await db
    .select({ merge: accountMerges, survivorName: accounts.name, createdByName: users.name })
    .from(accountMerges)
    .innerJoin(accounts, and(eq(accounts.tenantId, accountMerges.tenantId), eq(accounts.id, accountMerges.survivorId)))
    .leftJoin(users, and(eq(users.tenantId, accountMerges.tenantId), eq(users.id, accountMerges.createdBy)))
    .where(and(accountScope(p, { includeDeleted: true }), where))
    .orderBy(desc(accountMerges.createdAt), desc(accountMerges.id))
    .limit(limit);
  const mergedIds = [...new Set(rows.flatMap((r) => r.merge.mergedIds))];
  const names = mergedIds.length
    ? await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(eq(accounts.tenantId, p.tenantId), inArray(accounts.id, mergedIds)))
    : [];
  const mergedNames = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({ ...r, mergedNames }));
}

export function listMerges(db: Executor, p: Principal, q: { accountId?: string; limit: number }): Promise<MergeRow[]> {
  const involving = q.accountId
    ? or(eq(accountMerges.survivorId, q.accountId), arrayContains(accountMerges.mergedIds, [q.accountId]))
    : undefined;
  return selectMerges(db, p, and(eq(accountMerges.tenantId, p.tenantId), involving), q.limit);
}

export async function getMerge(db: Executor, p: Principal, id: string): Promise<MergeRow> {
  const [row] = await selectMerges(db, p, and(eq(accountMerges.tenantId, p.tenantId), eq(accountMerges.id, id)), 1);
  if (!row) throw notFound();
  return row;
}
