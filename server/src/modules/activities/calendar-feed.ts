import { and, eq, lt, or, isNull } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { calendarFeeds } from './activities.schema.ts';

/**
 * Creates or replaces the caller's feed token. Only its hash is stored, and rotating overwrites the
 * hash, so the previous URL stops working with this commit. The token is shown once.
 */
export async function rotateFeedToken(ctx: Ctx): Promise<string> {
  const p = ctx.principal;
  const token = randomToken(32);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ userId: calendarFeeds.userId }).from(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, p.tenantId), eq(calendarFeeds.userId, p.userId)));
    await tx
      .insert(calendarFeeds)
      .values({ tenantId: p.tenantId, userId: p.userId, tokenHash: sha256(token), createdAt: now })
      .onConflictDoUpdate({ target: [calendarFeeds.tenantId, calendarFeeds.userId], set: { tokenHash: sha256(token), createdAt: now, lastUsedAt: null } });
    await audit(tx, ctx.actor, { action: existing ? 'rotate_calendar_feed' : 'create_calendar_feed', objectType: 'user', objectId: p.userId, objectLabel: p.userName });
  });
  return token;
}

/** Whose feed a token opens, or null. Not cached: a rotated token must fail on the very next request. */
export async function findFeedOwner(db: Executor, token: string): Promise<{ tenantId: string; userId: string } | null> {
  const [row] = await db
    .select({ tenantId: calendarFeeds.tenantId, userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, sha256(token)));
  return row ?? null;
}

const TOUCH_EVERY_MS = 60 * 60_000;

/** When the feed was last fetched ("last synced"), written at most hourly: calendar apps poll often. */
export async function touchFeed(db: Executor, owner: { tenantId: string; userId: string }, now = new Date()): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(and(
      eq(calendarFeeds.tenantId, owner.tenantId),
      eq(calendarFeeds.userId, owner.userId),
      or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS))),
    ));
}
