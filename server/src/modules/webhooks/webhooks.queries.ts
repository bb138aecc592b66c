import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions, type DeliveryStatus } from './webhooks.schema.ts';

export type WebhookRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface WebhookStats {
  pending: number;
  failed: number;
  last: { status: DeliveryStatus; at: Date; statusCode: number | null } | null;
}

/** Subscriptions are tenant-wide: the capability is the whole check, the tenant the whole scope. */
export async function getWebhook(db: Executor, tenantId: string, id: string): Promise<WebhookRow> {
  const [row] = await db.select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listWebhooks(db: Executor, tenantId: string): Promise<WebhookRow[]> {
  return db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.tenantId, tenantId)).orderBy(asc(webhookSubscriptions.createdAt));
}

/** Counts and the latest delivery of each subscription, in two grouped queries. */
export async function webhookStats(db: Executor, tenantId: string, ids: string[]): Promise<Map<string, WebhookStats>> {
  const stats = new Map<string, WebhookStats>(ids.map((id) => [id, { pending: 0, failed: 0, last: null }]));
  if (!ids.length) return stats;
  const counts = await db
    .select({
      id: webhookDeliveries.subscriptionId,
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')`.mapWith(Number),
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.tenantId, tenantId))
    .groupBy(webhookDeliveries.subscriptionId);
  for (const c of counts) {
    const s = stats.get(c.id);
    if (s) Object.assign(s, { pending: c.pending, failed: c.failed });
  }
  const last = await db
    .selectDistinctOn([webhookDeliveries.subscriptionId], {
      id: webhookDeliveries.subscriptionId, status: webhookDeliveries.status, at: webhookDeliveries.createdAt, statusCode: webhookDeliveries.lastStatusCode,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.tenantId, tenantId))
    .orderBy(webhookDeliveries.subscriptionId, desc(webhookDeliveries.createdAt));
  for (const l of last) {
    const s = stats.get(l.id);
    if (s) s.last = { status: l.status, at: l.at, statusCode: l.statusCode };
  }
  return stats;
}

/** A subscription's deliveries, newest first (ids are time-ordered, so the id is the cursor). */
export async function listDeliveries(
  db: Executor, tenantId: string, webhookId: string, q: { limit: number; cursor?: string; status?: DeliveryStatus },
): Promise<{ rows: DeliveryRow[]; nextCursor: string | null }> {
  const cursor = decodeCursor(q.cursor);
  const rows = await db.select().from(webhookDeliveries)
    .where(and(
      eq(webhookDeliveries.tenantId, tenantId),
      eq(webhookDeliveries.subscriptionId, webhookId),
      q.status ? eq(webhookDeliveries.status, q.status) : undefined,
      cursor ? lt(webhookDeliveries.id, cursor.id) : undefined,
    ))
    .orderBy(desc(webhookDeliveries.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return { rows: page, nextCursor: more ? encodeCursor({ v: null, id: page[page.length - 1].id }) : null };
}

export async function getDelivery(db: Executor, tenantId: string, id: string): Promise<DeliveryRow> {
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listAttempts(db: Executor, tenantId: string, deliveryId: string) {
  return db.select().from(webhookAttempts)
    .where(and(eq(webhookAttempts.tenantId, tenantId), eq(webhookAttempts.deliveryId, deliveryId)))
    .orderBy(asc(webhookAttempts.attempt));
}
