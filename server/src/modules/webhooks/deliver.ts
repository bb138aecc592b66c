import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { deliverWebhooksJob } from './webhooks.job.ts';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from './webhooks.schema.ts';
import { postWebhook, type SendOutcome } from './send-webhook.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature.ts';

/**
 * Waits before each retry, in seconds: 1 min, 5 min, 30 min, 2 h, 12 h. The first try is at once;
 * after the last retry fails the delivery is marked failed (it can still be replayed).
 */
export const RETRY_SCHEDULE_SECONDS = [60, 300, 1800, 7200, 43_200] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;

/** While a try runs, nobody else may start one; a crashed runner's lease runs out after this. */
const LEASE_SECONDS = 120;
/** Deliveries of one job sent side by side: a slow receiver does not hold up the others for long. */
const PARALLEL = 4;
/** Ids per job: the first try of a big bulk change is split into jobs of this size. */
export const DELIVERIES_PER_JOB = 50;

export type AttemptResult = 'delivered' | 'retrying' | 'failed' | 'skipped';

/** Queues the sending of these deliveries (in the caller's transaction, when it is one). */
export async function enqueueDeliveries(db: Executor, tenantId: string, ids: string[], runAt?: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += DELIVERIES_PER_JOB) {
    await enqueue(db, deliverWebhooksJob, { tenantId, deliveryIds: ids.slice(i, i + DELIVERIES_PER_JOB) }, { runAt });
  }
}

/** Tries each delivery that is due; deliveries no longer due (sent, replayed, rescheduled) are skipped. */
export async function attemptDeliveries(db: Db, tenantId: string, ids: string[]): Promise<AttemptResult[]> {
  const results: AttemptResult[] = [];
  for (let i = 0; i < ids.length; i += PARALLEL) {
    results.push(...(await Promise.all(ids.slice(i, i + PARALLEL).map((id) => attemptDelivery(db, tenantId, id)))));
  }
  return results;
}

/**
 * One try: claim the delivery (a lease on `nextAttemptAt`), send it outside any transaction, then
 * record the answer and either finish or schedule the next try. Idempotent: a second job for the
 * same delivery finds it not due and does nothing.
 */
export async function attemptDelivery(db: Db, tenantId: string, id: string): Promise<AttemptResult> {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(and(
      eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id),
      eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`),
    ))
    .returning();
  if (!claimed) return 'skipped';
  const [sub] = await db.select().from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, claimed.subscriptionId)));

  const startedAt = new Date();
  let outcome: SendOutcome;
  if (!sub?.active) {
    outcome = { ok: false, statusCode: null, durationMs: 0, responseBody: null, error: 'the subscription is disabled' };
  } else {
    const body = JSON.stringify(claimed.payload);
    const secrets = [sub.secret];
    if (sub.previousSecret && sub.previousSecretUntil && sub.previousSecretUntil > startedAt) secrets.push(sub.previousSecret);
    outcome = await postWebhook(sub.url, {
      'User-Agent': 'Kehu-Webhooks/1',
      [EVENT_HEADER]: claimed.event,
      [DELIVERY_HEADER]: claimed.id,
      [SIGNATURE_HEADER]: signatureHeader(secrets, Math.floor(startedAt.getTime() / 1000), body),
    }, body);
  }
  return recordAttempt(db, claimed, startedAt, outcome, !sub?.active);
}

async function recordAttempt(
  db: Db, d: typeof webhookDeliveries.$inferSelect, startedAt: Date, o: SendOutcome, giveUp: boolean,
): Promise<AttemptResult> {
  const wait = RETRY_SCHEDULE_SECONDS[d.retryStep];
  const result: AttemptResult = o.ok ? 'delivered' : giveUp || wait === undefined ? 'failed' : 'retrying';
  const nextAttemptAt = result === 'retrying' ? new Date(Date.now() + wait * 1000) : null;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      tenantId: d.tenantId, id: newId(), deliveryId: d.id, attempt: d.attempts + 1, startedAt,
      durationMs: o.durationMs, statusCode: o.statusCode, responseBody: o.responseBody, error: o.error,
    });
    await tx.update(webhookDeliveries).set({
      status: result === 'retrying' ? 'pending' : result,
      attempts: d.attempts + 1,
      retryStep: result === 'retrying' ? d.retryStep + 1 : d.retryStep,
      nextAttemptAt,
      lastAttemptAt: startedAt,
      lastStatusCode: o.statusCode,
      lastDurationMs: o.durationMs,
      lastError: o.ok ? null : (o.error ?? `HTTP ${o.statusCode}`),
      deliveredAt: o.ok ? new Date() : d.deliveredAt,
    }).where(and(eq(webhookDeliveries.tenantId, d.tenantId), eq(webhookDeliveries.id, d.id)));
    if (nextAttemptAt) await enqueueDeliveries(tx, d.tenantId, [d.id], nextAttemptAt);
  });
  return result;
}

/**
 * Makes deliveries due now with a fresh backoff schedule and queues them: a replay. The same
 * delivery id and event id are sent again, so a receiver that already has it can tell.
 */
export async function makeDue(tx: Executor, tenantId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.update(webhookDeliveries)
    .set({ status: 'pending', retryStep: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(webhookDeliveries.tenantId, tenantId), inArray(webhookDeliveries.id, ids)));
  await enqueueDeliveries(tx, tenantId, ids);
}
