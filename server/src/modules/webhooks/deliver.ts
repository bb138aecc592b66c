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
/** Deliveries sent side by side: a slow receiver does not hold up the others for long. */
const PARALLEL = 8;
/** How many due deliveries one drain claims at a time. */
const CLAIM_BATCH = 32;
/** A dispatcher run stops claiming after this and asks for another run, so one run never hogs the queue. */
const DRAIN_BUDGET_MS = 60_000;

export type AttemptResult = 'delivered' | 'retrying' | 'failed' | 'skipped';
type Claimed = typeof webhookDeliveries.$inferSelect;

/**
 * Deliveries are sent by a dispatcher that drains everything due, woken by a pg-boss job. The job
 * is keyed by a 2-second slot, so a burst of changes (or of retries falling due together) wakes it
 * once per slot instead of queueing a job per change: pg-boss runs one job per poll, and a job per
 * change would fall behind. A change committing after its slot's run has looked is picked up by
 * the next run or, at the latest, by the sweep a minute later.
 */
export const SLOT_MS = 2_000;
export const slotStart = (at: Date): Date => new Date(Math.ceil(at.getTime() / SLOT_MS) * SLOT_MS);

/** Wakes the dispatcher at `at` (now by default), in the caller's transaction when it is one. */
export async function wakeDispatcher(db: Executor, at: Date = new Date()): Promise<void> {
  const slot = slotStart(at);
  await enqueue(db, deliverWebhooksJob, { slot: slot.getTime() }, { runAt: slot, singletonKey: `slot:${slot.getTime()}` });
}

/**
 * Sends every delivery that is due, oldest first, a batch at a time, across companies (each
 * delivery carries its tenant). Returns what happened to each.
 */
export async function drainDue(db: Db, budgetMs = DRAIN_BUDGET_MS): Promise<AttemptResult[]> {
  const started = Date.now();
  const results: AttemptResult[] = [];
  for (;;) {
    const claimed = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(sql`(${webhookDeliveries.tenantId}, ${webhookDeliveries.id}) in (
        select tenant_id, id from webhook_deliveries
        where status = 'pending' and next_attempt_at <= now()
        order by next_attempt_at limit ${CLAIM_BATCH}
        for update skip locked)`)
      .returning();
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      results.push(...(await Promise.all(claimed.slice(i, i + PARALLEL).map((d) => sendClaimed(db, d)))));
    }
    if (claimed.length < CLAIM_BATCH) return results;
    if (Date.now() - started > budgetMs) {
      await wakeDispatcher(db);
      return results;
    }
  }
}

/**
 * One try of one delivery if it is due: claim it (a lease on `nextAttemptAt`), send it outside any
 * transaction, record the answer and finish or schedule the next try. Not due (sent, replayed,
 * rescheduled, or being sent by another runner): nothing happens.
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
  return claimed ? sendClaimed(db, claimed) : 'skipped';
}

async function sendClaimed(db: Db, claimed: Claimed): Promise<AttemptResult> {
  const [sub] = await db.select().from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, claimed.tenantId), eq(webhookSubscriptions.id, claimed.subscriptionId)));

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
  db: Db, d: Claimed, startedAt: Date, o: SendOutcome, giveUp: boolean,
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
    if (nextAttemptAt) await wakeDispatcher(tx, nextAttemptAt);
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
  await wakeDispatcher(tx);
}
