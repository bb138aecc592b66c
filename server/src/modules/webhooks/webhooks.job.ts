import { and, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Db } from '../../platform/db/engine.ts';
import { attemptDeliveries, enqueueDeliveries } from './deliver.ts';
import { webhookDeliveries } from './webhooks.schema.ts';

/**
 * Sends deliveries (their first try, or one retry). The backoff between tries is the delivery's
 * own schedule (deliver.ts), not pg-boss's: pg-boss retries only a run that crashed.
 */
export const deliverWebhooksJob = defineJob<{ tenantId: string; deliveryIds: string[] }>({
  name: 'webhooks.deliver',
  retryLimit: 3,
  backoff: { delaySeconds: 30, exponential: true },
  timeoutSeconds: 10 * 60,
  async handler({ tenantId, deliveryIds }, ctx) {
    const results = await attemptDeliveries(ctx.database.db, tenantId, deliveryIds);
    return { results };
  },
});

/** Delivery logs are kept this long, then removed by the sweep (pending ones stay). */
export const KEEP_DELIVERIES_DAYS = 30;

/**
 * Every ten minutes: queue again any pending delivery long overdue (its job lost, say, with a
 * database restored from a backup) and remove finished deliveries past the retention period.
 */
export const sweepWebhooksJob = defineJob<Record<string, never>>({
  name: 'webhooks.sweep',
  retryLimit: 1,
  schedule: { cron: '*/10 * * * *', timezone: 'UTC', payload: {} },
  async handler(_payload, ctx) {
    return sweepDeliveries(ctx.database.db);
  },
});

export async function sweepDeliveries(db: Db): Promise<{ requeued: number; removed: number }> {
  const overdue = await db
    .select({ tenantId: webhookDeliveries.tenantId, id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), isNotNull(webhookDeliveries.nextAttemptAt), lt(webhookDeliveries.nextAttemptAt, sql`now() - interval '5 minutes'`)))
    .limit(2000);
  const byTenant = new Map<string, string[]>();
  for (const d of overdue) byTenant.set(d.tenantId, [...(byTenant.get(d.tenantId) ?? []), d.id]);
  for (const [tenantId, ids] of byTenant) await enqueueDeliveries(db, tenantId, ids);
  const removed = await db
    .delete(webhookDeliveries)
    .where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.createdAt, sql`now() - make_interval(days => ${KEEP_DELIVERIES_DAYS})`)))
    .returning({ id: webhookDeliveries.id });
  return { requeued: overdue.length, removed: removed.length };
}

export const webhookJobs = [deliverWebhooksJob, sweepWebhooksJob];
