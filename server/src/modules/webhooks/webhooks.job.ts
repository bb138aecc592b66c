import { sql } from 'drizzle-orm';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Db } from '../../platform/db/engine.ts';
import { drainDue, wakeDispatcher } from './deliver.ts';
import { webhookDeliveries } from './webhooks.schema.ts';

/**
 * The dispatcher: sends every delivery that is due (first tries, retries, replays). Queued once
 * per 2-second slot by whatever makes a delivery due (deliver.ts); the backoff between tries is
 * each delivery's own schedule, not pg-boss's, which only retries a run that crashed.
 */
export const deliverWebhooksJob = defineJob<{ slot: number }>({
  name: 'webhooks.deliver',
  retryLimit: 3,
  backoff: { delaySeconds: 30, exponential: true },
  timeoutSeconds: 10 * 60,
  async handler(_payload, ctx) {
    const results = await drainDue(ctx.database.db);
    return { sent: results.length, delivered: results.filter((r) => r === 'delivered').length };
  },
});

/** Delivery logs are kept this long, then removed by the sweep (pending ones stay). */
export const KEEP_DELIVERIES_DAYS = 30;

/**
 * Every minute: wake the dispatcher if a delivery is overdue (its change committed after the
 * dispatcher had looked, or a run was lost), and remove finished deliveries past the retention.
 */
export const sweepWebhooksJob = defineJob<Record<string, never>>({
  name: 'webhooks.sweep',
  retryLimit: 1,
  schedule: { cron: '* * * * *', timezone: 'UTC', payload: {} },
  async handler(_payload, ctx) {
    return sweepDeliveries(ctx.database.db);
  },
});

export async function sweepDeliveries(db: Db): Promise<{ overdue: boolean; removed: number }> {
  const [overdue] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(sql`${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.nextAttemptAt} < now() - interval '30 seconds'`)
    .limit(1);
  if (overdue) await wakeDispatcher(db);
  // removed in slices, so a large backlog never holds one long transaction
  const removed = await db
    .delete(webhookDeliveries)
    .where(sql`(${webhookDeliveries.tenantId}, ${webhookDeliveries.id}) in (
      select tenant_id, id from webhook_deliveries
      where status <> 'pending' and created_at < now() - make_interval(days => ${KEEP_DELIVERIES_DAYS}) limit 5000)`)
    .returning({ id: webhookDeliveries.id });
  return { overdue: !!overdue, removed: removed.length };
}

export const webhookJobs = [deliverWebhooksJob, sweepWebhooksJob];
