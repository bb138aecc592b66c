import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { copyRows } from '../../platform/db/copy-rows.ts';
import { newId } from '../../platform/db/ids.ts';
import { users } from '../org/org.schema.ts';
import { accountOwnerHistory, type OwnerChangeReason } from './pool.schema.ts';

export interface OwnerChange {
  accountId: string;
  fromOwnerId: string | null;
  toOwnerId: string;
  fromUnitId: string | null;
  toUnitId: string;
  reason: OwnerChangeReason;
  note?: string | null;
}

/** Appends owner changes; call it in the transaction that changes accounts.owner_id. */
export async function recordOwnerChanges(db: Executor, tenantId: string, actorUserId: string | null, changes: OwnerChange[]): Promise<void> {
  const at = new Date();
  const rows = changes.map((c) => ({ tenantId, id: newId(), actorUserId, at, note: c.note ?? null, ...c }));
  // COPY for the bulk paths (import, transfer of a rep's book); a plain insert for one change.
  if (rows.length > 50) await copyRows(db, accountOwnerHistory, rows);
  else if (rows.length) await db.insert(accountOwnerHistory).values(rows);
}

/** An account's owner history, newest first, with the people's names. */
export async function ownerHistory(db: Executor, tenantId: string, accountId: string) {
  return db
    .select({
      id: accountOwnerHistory.id,
      fromOwnerId: accountOwnerHistory.fromOwnerId,
      toOwnerId: accountOwnerHistory.toOwnerId,
      toOwnerName: users.name,
      fromUnitId: accountOwnerHistory.fromUnitId,
      toUnitId: accountOwnerHistory.toUnitId,
      reason: accountOwnerHistory.reason,
      note: accountOwnerHistory.note,
      actorUserId: accountOwnerHistory.actorUserId,
      at: accountOwnerHistory.at,
    })
    .from(accountOwnerHistory)
    .leftJoin(users, and(eq(users.tenantId, accountOwnerHistory.tenantId), eq(users.id, accountOwnerHistory.toOwnerId)))
    .where(and(eq(accountOwnerHistory.tenantId, tenantId), eq(accountOwnerHistory.accountId, accountId)))
    .orderBy(desc(accountOwnerHistory.at), desc(accountOwnerHistory.id));
}
