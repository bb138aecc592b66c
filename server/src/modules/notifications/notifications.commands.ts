import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { myNotifications } from './notifications.queries.ts';
import { notifications } from './notifications.schema.ts';

/** Marks one of my notifications read; reading it again changes nothing. Someone else's is not found. */
export async function markRead(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(myNotifications(p), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated) return;
  const [exists] = await ctx.db.select({ id: notifications.id }).from(notifications).where(and(myNotifications(p), eq(notifications.id, id)));
  if (!exists) throw notFound();
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(myNotifications(ctx.principal), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
