import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { startJobRunner, type JobRunner } from '../../platform/jobs/job-runner.ts';
import { attemptDelivery, drainDue, MAX_ATTEMPTS, RETRY_SCHEDULE_SECONDS, slotStart } from './deliver.ts';
import { startReceiver, type Receiver } from './testing/receiver.ts';
import { sweepDeliveries, webhookJobs } from './webhooks.job.ts';
import { webhookAttempts, webhookDeliveries } from './webhooks.schema.ts';

/**
 * The retry schedule, replays and the lease, driven step by step: the job runner only prepares the
 * queues here (no handlers run), the test makes each retry due and runs the attempt itself.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let runner: JobRunner;
let admin: Client;
let receiver: Receiver;
const previousPolicy = process.env.KEHU_WEBHOOK_TARGETS;

beforeAll(async () => {
  process.env.KEHU_WEBHOOK_TARGETS = 'any';
  t = await setupTestApp();
  runner = await startJobRunner(t.database, webhookJobs, { work: false, log: { info: () => {}, error: () => {} } });
  admin = await t.as('admin');
  receiver = await startReceiver();
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await runner?.stop();
  await t?.close();
  if (previousPolicy === undefined) delete process.env.KEHU_WEBHOOK_TARGETS;
  else process.env.KEHU_WEBHOOK_TARGETS = previousPolicy;
});

const tenantId = () => t.company.tenantId;
const delivery = async (id: string) =>
  (await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId()), eq(webhookDeliveries.id, id))))[0];
const makeDueNow = (id: string) =>
  t.db.update(webhookDeliveries).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(and(eq(webhookDeliveries.tenantId, tenantId()), eq(webhookDeliveries.id, id)));
/** Whether a dispatcher run is queued for the slot holding `at` (the slot's start is when it may run). */
const dispatcherQueuedAt = async (at: Date) =>
  (await t.database.query(`select 1 from pgboss.job where name = 'webhooks.deliver' and state = 'created' and start_after = $1`, [slotStart(at).toISOString()])).length === 1;
/** Whether a dispatcher run is queued to start within the next few seconds. */
const dispatcherQueuedSoon = async () =>
  (await t.database.query(`select 1 from pgboss.job where name = 'webhooks.deliver' and state = 'created' and start_after <= now() + interval '5 seconds'`)).length > 0;

async function subscribeAndRaise(events: string[], name: string) {
  const sub = (await admin.post('/api/v1/webhooks', { name, url: receiver.url, events })).body;
  const account = await admin.post('/api/v1/accounts', { name });
  expect(account.status).toBe(201);
  const [row] = await t.db.select().from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId()), eq(webhookDeliveries.subscriptionId, sub.webhook.id)));
  expect(row).toMatchObject({ status: 'pending', attempts: 0, event: 'account.created' });
  expect(await dispatcherQueuedSoon()).toBe(true);
  return { sub, deliveryId: row.id };
}

describe('retries', () => {
  it('follow 1 min, 5 min, 30 min, 2 h, 12 h, then the delivery is failed', async () => {
    receiver.respondWith(503);
    const { sub, deliveryId } = await subscribeAndRaise(['account.created'], '重试测试有限公司');
    const before = receiver.received.length;
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const result = await attemptDelivery(t.db, tenantId(), deliveryId);
      const d = await delivery(deliveryId);
      expect(d.attempts).toBe(i);
      if (i < MAX_ATTEMPTS) {
        expect(result).toBe('retrying');
        expect(d.status).toBe('pending');
        const wait = (d.nextAttemptAt!.getTime() - d.lastAttemptAt!.getTime()) / 1000;
        waits.push(Math.round(wait / 10) * 10);
        // the dispatcher is queued for the slot in which the retry falls due
        expect(await dispatcherQueuedAt(d.nextAttemptAt!)).toBe(true);
        // not due yet: a job that fires early (or twice) does nothing
        expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('skipped');
        await makeDueNow(deliveryId);
      } else {
        expect(result).toBe('failed');
        expect(d).toMatchObject({ status: 'failed', nextAttemptAt: null, lastStatusCode: 503, lastError: 'HTTP 503' });
      }
    }
    expect(waits).toEqual([...RETRY_SCHEDULE_SECONDS]);
    expect(receiver.received.length - before).toBe(MAX_ATTEMPTS);
    const log = await admin.get(`/api/v1/webhook-deliveries/${deliveryId}`);
    expect(log.body.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, 503]),
    );
    expect((await admin.get(`/api/v1/webhooks/${sub.webhook.id}`)).body).toMatchObject({ failedDeliveries: 1, pendingDeliveries: 0 });
    // a failed delivery is left alone until someone replays it
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('skipped');
  });

  it('stop at the first 2xx', async () => {
    receiver.respondWith(500);
    const { deliveryId } = await subscribeAndRaise(['account.created'], '二次成功测试有限公司');
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('retrying');
    receiver.respondWith(204);
    await makeDueNow(deliveryId);
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('delivered');
    expect(await delivery(deliveryId)).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
  });
});

describe('replay', () => {
  it('of all failed deliveries of a subscription sends them again with a fresh schedule', async () => {
    receiver.respondWith(500);
    const { sub, deliveryId } = await subscribeAndRaise(['account.created'], '重放测试有限公司');
    await t.db.update(webhookDeliveries).set({ retryStep: RETRY_SCHEDULE_SECONDS.length }).where(eq(webhookDeliveries.id, deliveryId));
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('failed');

    receiver.respondWith(200);
    const replayed = await admin.post(`/api/v1/webhooks/${sub.webhook.id}/replay-failed`);
    expect(replayed.status).toBe(202);
    expect(replayed.body.count).toBeGreaterThanOrEqual(1);
    expect(await delivery(deliveryId)).toMatchObject({ status: 'pending', retryStep: 0 });
    expect(await dispatcherQueuedSoon()).toBe(true);
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('delivered');
    expect(await delivery(deliveryId)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((await admin.post(`/api/v1/webhooks/${sub.webhook.id}/replay-failed`)).body.count).toBe(0);
  });

  it('is refused while the subscription is disabled, and a disabled subscription sends nothing', async () => {
    receiver.respondWith(200);
    const { sub, deliveryId } = await subscribeAndRaise(['account.created'], '停用测试有限公司');
    const off = await admin.patch(`/api/v1/webhooks/${sub.webhook.id}`, { version: sub.webhook.version, active: false });
    expect(off.body.active).toBe(false);
    const before = receiver.received.length;
    expect(await attemptDelivery(t.db, tenantId(), deliveryId)).toBe('failed');
    expect(receiver.received.length).toBe(before);
    expect((await delivery(deliveryId)).lastError).toBe('the subscription is disabled');
    const replay = await admin.post(`/api/v1/webhook-deliveries/${deliveryId}/replay`);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('webhook_disabled');
    // and a disabled subscription gets no new deliveries
    await admin.post('/api/v1/accounts', { name: '停用后新建有限公司' });
    const rows = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId()), eq(webhookDeliveries.subscriptionId, sub.webhook.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('the lease', () => {
  it('lets only one of two simultaneous runs send a delivery', async () => {
    receiver.respondWith(200);
    const { deliveryId } = await subscribeAndRaise(['account.created'], '并发测试有限公司');
    const before = receiver.received.length;
    const results = await Promise.all([attemptDelivery(t.db, tenantId(), deliveryId), attemptDelivery(t.db, tenantId(), deliveryId)]);
    expect(results.sort()).toEqual(['delivered', 'skipped']);
    expect(receiver.received.length - before).toBe(1);
    const attempts = await t.db.select().from(webhookAttempts).where(and(eq(webhookAttempts.tenantId, tenantId()), eq(webhookAttempts.deliveryId, deliveryId)));
    expect(attempts).toHaveLength(1);
  });
});

describe('the dispatcher', () => {
  it('sends every due delivery, across subscriptions, in one run', async () => {
    receiver.respondWith(200);
    await t.database.query(`update webhook_deliveries set status = 'delivered' where status = 'pending'`);
    const subs = [];
    for (const n of [1, 2, 3]) subs.push((await admin.post('/api/v1/webhooks', { name: `批量 ${n}`, url: receiver.url, events: ['contact.created'] })).body.webhook.id);
    for (let i = 0; i < 15; i++) expect((await admin.post('/api/v1/contacts', { name: `批量联系人${i}` })).status).toBe(201);
    const before = receiver.received.length;
    const results = await drainDue(t.db);
    expect(results).toHaveLength(45);
    expect(results.every((r) => r === 'delivered')).toBe(true);
    expect(receiver.received.length - before).toBe(45);
    expect(await drainDue(t.db)).toEqual([]);
    for (const id of subs) await admin.delete(`/api/v1/webhooks/${id}`);
  });
});

describe('the sweep', () => {
  it('queues long-overdue pending deliveries again and removes finished ones after 30 days', async () => {
    receiver.respondWith(200);
    const { deliveryId: overdue } = await subscribeAndRaise(['account.created'], '清理测试有限公司');
    await t.db.update(webhookDeliveries).set({ nextAttemptAt: sql`now() - interval '20 minutes'` }).where(eq(webhookDeliveries.id, overdue));
    const { deliveryId: old } = await subscribeAndRaise(['account.created'], '过期清理测试有限公司');
    await t.db.update(webhookDeliveries).set({ status: 'delivered', nextAttemptAt: null, createdAt: sql`now() - interval '31 days'` }).where(eq(webhookDeliveries.id, old));

    const swept = await sweepDeliveries(t.db);
    expect(swept.overdue).toBe(true);
    expect(swept.removed).toBe(1);
    expect(await dispatcherQueuedSoon()).toBe(true);
    expect(await delivery(old)).toBeUndefined();
    expect(await attemptDelivery(t.db, tenantId(), overdue)).toBe('delivered');
  });
});
