import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import type { ActivityKind } from './activities.schema.ts';

interface FollowUpSource {
  kind: ActivityKind;
  accountId: string | null;
  opportunityId?: string | null;
  at: Date;
  completedAt: Date | null;
  deletedAt: Date | null;
}

/**
 * When an activity counts as contact with the customer. Every kind but an open task does, at its
 * time — but never later than now: logging next week's meeting means someone talked to them today.
 * A task counts when it is completed.
 */
export function followUpTime(a: FollowUpSource, now: Date): Date | null {
  if (!a.accountId || a.deletedAt) return null;
  if (a.kind === 'task') return a.completedAt;
  return a.at < now ? a.at : now;
}

/**
 * Moves the account's last follow-up (accounts.last_activity_at) forward, never back: deleting an
 * activity does not undo the contact it recorded, and other writers (claiming from the public pool)
 * may set the time too. Neither the account's version nor its updated_at change — a follow-up is not
 * an edit of the account and must not make someone's open account form stale.
 */
export async function recordFollowUp(tx: Executor, tenantId: string, a: FollowUpSource, now = new Date()): Promise<void> {
  const at = followUpTime(a, now);
  if (!at) return;
  // The deal it was about was worked on too: the coaching view's "stale" reads this.
  if (a.opportunityId) {
    await tx
      .update(opportunities)
      .set({ lastActivityAt: sql`greatest(${opportunities.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(opportunities.tenantId, tenantId), eq(opportunities.id, a.opportunityId)));
  }
  await tx
    .update(accounts)
    .set({ lastActivityAt: sql`greatest(${accounts.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, a.accountId!)));
}
