import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { utcMicros } from '../../platform/db/time-key.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { notifications } from './notifications.schema.ts';
import { UNREAD_COUNT_CAP, type ListNotificationsQuery } from './notifications.types.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export const myNotifications = (p: Principal) => and(eq(notifications.tenantId, p.tenantId), eq(notifications.userId, p.userId));

/** Where a page starts: in the unread or the read part of the list, after a (time, id) position. */
interface Position {
  unread: boolean;
  after?: { at: string; id: string };
}

const encode = (pos: Position) => encodeCursor({ v: `${pos.unread ? 'u' : 'r'}|${pos.after?.at ?? ''}`, id: pos.after?.id ?? '' });

function decode(raw: string | undefined): Position {
  const c = decodeCursor(raw);
  if (!c) return { unread: true };
  const [part, at] = String(c.v).split('|');
  if ((part !== 'u' && part !== 'r') || (at && !c.id)) {
    throw new AppError('validation_failed', {}, [{ field: 'query.cursor', reason: 'not a cursor from this API' }]);
  }
  return { unread: part === 'u', after: at ? { at, id: c.id } : undefined };
}

async function readPart(db: Executor, p: Principal, pos: Position, limit: number) {
  return db
    .select({ n: notifications, at: utcMicros(notifications.createdAt).as('at') })
    .from(notifications)
    .where(and(
      myNotifications(p),
      pos.unread ? isNull(notifications.readAt) : isNotNull(notifications.readAt),
      pos.after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${pos.after.at}::timestamptz, ${pos.after.id}::uuid)` : undefined,
    ))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/**
 * My notifications, unread first, each part newest first. The list is read as two index ranges
 * (unread, then read) and the cursor says which part and where in it the next page starts.
 */
export async function listNotifications(db: Executor, p: Principal, q: ListNotificationsQuery) {
  const items: NotificationRow[] = [];
  let pos: Position | undefined = decode(q.cursor);
  while (pos) {
    const room = q.limit - items.length;
    const rows = await readPart(db, p, pos, room + 1);
    if (rows.length > room) {
      const taken = rows.slice(0, room);
      items.push(...taken.map((r) => r.n));
      const last = taken[taken.length - 1];
      return { items, nextCursor: encode({ unread: pos.unread, after: last ? { at: last.at, id: last.n.id } : pos.after }) };
    }
    items.push(...rows.map((r) => r.n));
    pos = pos.unread && !q.unread ? { unread: false } : undefined;
  }
  return { items, nextCursor: null };
}

/** Unread count for the bell, read from the partial index and never beyond the cap. */
export async function unreadCount(db: Executor, p: Principal): Promise<{ count: number; capped: boolean }> {
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(notifications)
    .where(and(myNotifications(p), isNull(notifications.readAt)))
    .limit(UNREAD_COUNT_CAP + 1)
    .as('capped');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = Number(row.n);
  return { count: Math.min(n, UNREAD_COUNT_CAP), capped: n > UNREAD_COUNT_CAP };
}
