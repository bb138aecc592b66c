import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompany, setupTestApp, signIn, type Client } from '../../../test/factories.ts';
import { audit } from '../../platform/audit/audit.ts';
import { startJobRunner, type JobRunner } from '../../platform/jobs/job-runner.ts';
import { verifySignature } from './signature.ts';
import { startReceiver, type Receiver } from './testing/receiver.ts';
import { webhookJobs } from './webhooks.job.ts';
import { webhookDeliveries } from './webhooks.schema.ts';

/**
 * Webhooks end to end: the API an administrator uses, and deliveries sent by the job runner to a
 * real HTTP server on 127.0.0.1 (allowed here by KEHU_WEBHOOK_TARGETS=any).
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let runner: JobRunner;
let admin: Client;
let receiver: Receiver;
const previousPolicy = process.env.KEHU_WEBHOOK_TARGETS;

beforeAll(async () => {
  process.env.KEHU_WEBHOOK_TARGETS = 'any';
  t = await setupTestApp();
  runner = await startJobRunner(t.database, webhookJobs, { work: true, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} } });
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

async function subscribe(events: string[], url = receiver.url, who = admin) {
  const res = await who.post('/api/v1/webhooks', { name: `hook ${events.join(' ')}`, url, events });
  expect(res.status).toBe(201);
  return res.body as { webhook: { id: string; version: number }; secret: string };
}

async function deliveriesOf(webhookId: string, who = admin) {
  const res = await who.get(`/api/v1/webhooks/${webhookId}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; event: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null; object: { id: string } }[];
}

async function waitForDelivery(webhookId: string, predicate: (d: Awaited<ReturnType<typeof deliveriesOf>>[number]) => boolean, who = admin) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await deliveriesOf(webhookId, who)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching delivery of ${webhookId}: ${JSON.stringify(await deliveriesOf(webhookId, who))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a subscription', () => {
  it('lists the events it can subscribe to, in the caller’s language', async () => {
    const res = await admin.get('/api/v1/webhook-events');
    expect(res.status).toBe(200);
    const names = res.body.items.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining([
      'account.created', 'account.updated', 'account.deleted', 'account.restored', 'contact.created', 'activity.completed',
      'lead.converted', 'opportunity.stage_changed', 'quote.approved', 'order.milestone_changed', 'payment.recorded', 'product.updated',
    ]));
    expect(res.body.items.find((e: { name: string }) => e.name === 'account.created')).toMatchObject({ type: 'account', typeLabel: '客户' });
  });

  it('shows its secret once, at creation; reading it back never does', async () => {
    const { webhook, secret } = await subscribe(['account.created']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const read = await admin.get(`/api/v1/webhooks/${webhook.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ url: receiver.url, events: ['account.created'], active: true, pendingDeliveries: 0 });
    expect(JSON.stringify(read.body)).not.toContain(secret);
    expect(JSON.stringify((await admin.get('/api/v1/webhooks')).body)).not.toContain(secret);
    const history = await admin.get(`/api/v1/history/webhook/${webhook.id}`);
    expect(JSON.stringify(history.body)).not.toContain(secret);
    await admin.delete(`/api/v1/webhooks/${webhook.id}`);
  });

  it('refuses unknown events and URLs that are not http(s), carry credentials, or (by default) point at this machine', async () => {
    const bad = async (body: Record<string, unknown>) => (await admin.post('/api/v1/webhooks', { name: 'x', url: 'https://erp.example.com/hook', events: ['account.created'], ...body })).body;
    expect((await bad({ events: ['account.exploded'] })).error.issues[0]).toMatchObject({ field: 'events' });
    expect((await bad({ url: 'ftp://erp.example.com/hook' })).error.issues[0]).toMatchObject({ field: 'url', reason: 'only http and https URLs' });
    expect((await bad({ url: 'https://user:pw@erp.example.com/hook' })).error.issues[0]).toMatchObject({ field: 'url' });
    expect((await bad({ url: 'not a url' })).error.issues[0]).toMatchObject({ field: 'url', reason: 'not a URL' });
    process.env.KEHU_WEBHOOK_TARGETS = 'lan';
    try {
      expect((await bad({ url: 'http://127.0.0.1:8080/hook' })).error.issues[0].reason).toMatch(/this machine/);
      expect((await bad({ url: 'http://169.254.169.254/latest/meta-data' })).error.issues[0].reason).toMatch(/link-local/);
      expect((await bad({ url: 'http://localhost/hook' })).error.issues[0].reason).toMatch(/this machine/);
      const lanOk = await admin.post('/api/v1/webhooks', { name: 'ERP', url: 'http://192.168.1.20/hook', events: ['*'], active: false });
      expect(lanOk.status).toBe(201);
      process.env.KEHU_WEBHOOK_TARGETS = 'public';
      expect((await bad({ url: 'http://192.168.1.20/hook' })).error.issues[0].reason).toMatch(/private network/);
      await admin.delete(`/api/v1/webhooks/${lanOk.body.webhook.id}`);
    } finally {
      process.env.KEHU_WEBHOOK_TARGETS = 'any';
    }
  });

  it('is managed only with the webhooks.manage capability', async () => {
    const { webhook } = await subscribe(['account.created']);
    const managerB = await t.as('managerB');
    for (const res of [
      await managerB.get('/api/v1/webhooks'),
      await managerB.get(`/api/v1/webhooks/${webhook.id}`),
      await managerB.post('/api/v1/webhooks', { name: 'x', url: receiver.url, events: ['*'] }),
      await managerB.post(`/api/v1/webhooks/${webhook.id}/test`),
    ]) expect(res.status).toBe(403);
    const me = await admin.get('/api/v1/auth/me');
    expect(me.body.capabilities).toContain('webhooks.manage');
    await admin.delete(`/api/v1/webhooks/${webhook.id}`);
  });

  it('changes with its version: a stale one is a 409', async () => {
    const { webhook } = await subscribe(['account.created']);
    const changed = await admin.patch(`/api/v1/webhooks/${webhook.id}`, { version: webhook.version, events: ['account.updated', 'account.created'], name: '客户同步' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: '客户同步', events: ['account.created', 'account.updated'], version: webhook.version + 1 });
    expect((await admin.patch(`/api/v1/webhooks/${webhook.id}`, { version: webhook.version, name: 'stale' })).status).toBe(409);
    expect((await admin.delete(`/api/v1/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/webhooks/${webhook.id}`)).status).toBe(404);
  });
});

describe('a delivery', () => {
  it('reaches a real receiver, signed, after an account is created through the API', async () => {
    const { webhook, secret } = await subscribe(['account.created']);
    const before = receiver.received.length;
    const created = await admin.post('/api/v1/accounts', { name: '上海推送测试物流有限公司' });
    expect(created.status).toBe(201);

    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      event: 'account.created',
      object: { type: 'account', id: created.body.id, label: '上海推送测试物流有限公司' },
      actor: { type: 'user', id: t.company.people.admin.id, name: 'admin' },
      changes: { name: { before: null, after: '上海推送测试物流有限公司' } },
    });
    expect(payload).not.toHaveProperty('tenantId');
    expect(got.body).not.toContain(t.company.tenantId);
    expect(got.headers['x-kehu-event']).toBe('account.created');
    expect(got.headers['content-type']).toBe('application/json');
    const signature = got.headers['x-kehu-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, signature, got.body)).toBe(true);
    expect(verifySignature(secret, signature, got.body.replace('推送', '篡改'))).toBe(false);
    expect(verifySignature('whsec_wrong', signature, got.body)).toBe(false);

    const logged = await waitForDelivery(webhook.id, (d) => d.status === 'delivered');
    expect(logged).toMatchObject({ id: got.headers['x-kehu-delivery'], event: 'account.created', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    const detail = await admin.get(`/api/v1/webhook-deliveries/${logged.id}`);
    expect(detail.body.payload).toEqual(payload);
    expect(detail.body.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, responseBody: 'ok', error: null })]);
    expect(detail.body.attemptLog[0].durationMs).toBeGreaterThanOrEqual(0);
    await admin.patch(`/api/v1/webhooks/${webhook.id}`, { version: webhook.version, active: false });
  });

  it('goes only to subscriptions that asked for its event', async () => {
    const accounts = await subscribe(['account.updated']);
    const contacts = await subscribe(['contact.created']);
    const everything = await subscribe(['*']);
    const account = (await admin.post('/api/v1/accounts', { name: '北京过滤测试有限公司' })).body;
    await admin.patch(`/api/v1/accounts/${account.id}`, { version: account.version, address: '北京市朝阳区' });
    const contact = await admin.post('/api/v1/contacts', { name: '王过滤', accountId: account.id });
    expect(contact.status).toBe(201);

    await waitForDelivery(everything.webhook.id, (d) => d.event === 'contact.created');
    expect((await deliveriesOf(accounts.webhook.id)).map((d) => [d.event, d.object.id])).toEqual([['account.updated', account.id]]);
    expect((await deliveriesOf(contacts.webhook.id)).map((d) => d.event)).toEqual(['contact.created']);
    expect((await deliveriesOf(everything.webhook.id)).map((d) => d.event).sort()).toEqual(['account.created', 'account.updated', 'contact.created']);
    for (const s of [accounts, contacts, everything]) await admin.patch(`/api/v1/webhooks/${s.webhook.id}`, { version: s.webhook.version, active: false });
  });

  it('to a failing endpoint does not fail or slow the request that caused it, and is retried later', async () => {
    const failing = await startReceiver();
    failing.respondWith(500, 'x'.repeat(5000));
    const closed = await startReceiver();
    await closed.close();
    try {
      const broken = await subscribe(['account.created'], failing.url);
      const unreachable = await subscribe(['account.created'], closed.url);
      const started = Date.now();
      const created = await admin.post('/api/v1/accounts', { name: '广州失败推送测试有限公司' });
      expect(created.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(5_000);

      const d = await waitForDelivery(broken.webhook.id, (x) => x.attempts === 1);
      expect(d).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500' });
      const wait = (Date.parse(d.nextAttemptAt!) - Date.now()) / 1000;
      expect(wait).toBeGreaterThan(45);
      expect(wait).toBeLessThanOrEqual(60);
      const detail = (await admin.get(`/api/v1/webhook-deliveries/${d.id}`)).body;
      expect(detail.attemptLog[0].responseBody).toHaveLength(2048);

      const u = await waitForDelivery(unreachable.webhook.id, (x) => x.attempts === 1);
      expect(u).toMatchObject({ status: 'pending', lastStatusCode: null });
      expect(u.lastError).toMatch(/ECONNREFUSED/);
      const list = (await admin.get('/api/v1/webhooks')).body.items.find((w: { id: string }) => w.id === broken.webhook.id);
      expect(list).toMatchObject({ pendingDeliveries: 1, failedDeliveries: 0, lastDelivery: { status: 'pending', statusCode: 500 } });
      for (const s of [broken, unreachable]) await admin.delete(`/api/v1/webhooks/${s.webhook.id}`);
    } finally {
      await failing.close();
    }
  });

  it('can be sent as a test event, and replayed with the same delivery and event id', async () => {
    const { webhook, secret } = await subscribe(['product.created']);
    const before = receiver.received.length;
    const test = await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ event: 'webhook.test', status: 'pending' });
    const [first] = (await receiver.waitFor(before + 1)).slice(before);
    expect(JSON.parse(first.body)).toMatchObject({ event: 'webhook.test', object: { type: 'webhook', id: webhook.id } });
    expect(verifySignature(secret, first.headers['x-kehu-signature'] as string, first.body)).toBe(true);
    await waitForDelivery(webhook.id, (d) => d.id === test.body.id && d.status === 'delivered');

    const replay = await admin.post(`/api/v1/webhook-deliveries/${test.body.id}/replay`);
    expect(replay.status).toBe(202);
    const [again] = (await receiver.waitFor(before + 2)).slice(before + 1);
    expect(again.headers['x-kehu-delivery']).toBe(test.body.id);
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
    const done = await waitForDelivery(webhook.id, (d) => d.id === test.body.id && d.attempts === 2);
    expect(done.status).toBe('delivered');
    await admin.patch(`/api/v1/webhooks/${webhook.id}`, { version: webhook.version, active: false });
  });

  it('is signed with the old secret too while a rotation’s grace period lasts', async () => {
    const { webhook, secret: oldSecret } = await subscribe(['account.deleted']);
    const rotated = await admin.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`, { version: webhook.version, keepPreviousHours: 24 });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body.webhook.previousSecretUntil).not.toBeNull();
    const before = receiver.received.length;
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    const header = got.headers['x-kehu-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(newSecret, header, got.body)).toBe(true);
    expect(verifySignature(oldSecret, header, got.body)).toBe(true);

    const again = await admin.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`, { version: rotated.body.webhook.version, keepPreviousHours: 0 });
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    const [later] = (await receiver.waitFor(before + 2)).slice(before + 1);
    const header2 = later.headers['x-kehu-signature'] as string;
    expect(verifySignature(again.body.secret, header2, later.body)).toBe(true);
    expect(verifySignature(newSecret, header2, later.body)).toBe(false);
    await admin.delete(`/api/v1/webhooks/${webhook.id}`);
  });

  it('names order milestones and payments as their own events, with the records they belong to', async () => {
    const { webhook } = await subscribe(['order.milestone_changed', 'payment.recorded']);
    const account = (await admin.post('/api/v1/accounts', { name: '宁波订单推送测试有限公司' })).body;
    const order = (await admin.post('/api/v1/orders', { accountId: account.id, lines: [{ description: '推送测试', quantity: '2', unitPrice: '500' }] })).body;
    const m = order.milestones[0];
    expect((await admin.patch(`/api/v1/orders/${order.id}/milestones/${m.id}`, { version: m.version, done: true })).status).toBe(200);
    const paid = await admin.post(`/api/v1/orders/${order.id}/payments`, { amount: '300' });
    expect(paid.status).toBe(201);

    await waitForDelivery(webhook.id, (d) => d.event === 'payment.recorded' && d.status === 'delivered');
    const items = await deliveriesOf(webhook.id);
    expect(items.map((d) => d.event).sort()).toEqual(['order.milestone_changed', 'payment.recorded']);
    const payment = (await admin.get(`/api/v1/webhook-deliveries/${items.find((d) => d.event === 'payment.recorded')!.id}`)).body.payload;
    expect(payment).toMatchObject({ object: { type: 'payment', id: paid.body.payments[0].id }, related: { orderId: order.id, accountId: account.id } });
    const milestone = (await admin.get(`/api/v1/webhook-deliveries/${items.find((d) => d.event === 'order.milestone_changed')!.id}`)).body.payload;
    expect(milestone).toMatchObject({ object: { type: 'order', id: order.id }, related: { accountId: account.id, milestoneId: m.id } });
    await admin.patch(`/api/v1/webhooks/${webhook.id}`, { version: webhook.version, active: false });
  });

  it('is not written when the change rolls back', async () => {
    const { webhook } = await subscribe(['account.created']);
    const actor = { tenantId: t.company.tenantId, userId: t.company.people.admin.id };
    await expect(t.db.transaction(async (tx) => {
      await audit(tx, actor, { action: 'create', objectType: 'account', objectId: t.company.people.admin.id, objectLabel: 'never' });
      throw new Error('the command failed after auditing');
    })).rejects.toThrow('the command failed');
    const rows = await t.db.select().from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, t.company.tenantId), eq(webhookDeliveries.subscriptionId, webhook.id)));
    expect(rows).toEqual([]);
    await admin.delete(`/api/v1/webhooks/${webhook.id}`);
  });
});

describe('tenancy', () => {
  it('keeps subscriptions, deliveries and events of one company away from another', async () => {
    const other = await makeCompany(t.db);
    const otherAdmin = await signIn(t.app, other.people.admin.login, other.slug);
    const mine = await subscribe(['*']);
    const theirs = await subscribe(['*'], receiver.url, otherAdmin);

    const test = (await admin.post(`/api/v1/webhooks/${mine.webhook.id}/test`)).body;
    await waitForDelivery(mine.webhook.id, (d) => d.id === test.id && d.status === 'delivered');
    expect((await otherAdmin.get(`/api/v1/webhooks/${mine.webhook.id}`)).status).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/webhooks/${mine.webhook.id}`, { version: 1, name: 'leaked' })).status).toBe(404);
    expect((await otherAdmin.get(`/api/v1/webhooks/${mine.webhook.id}/deliveries`)).status).toBe(404);
    expect((await otherAdmin.get(`/api/v1/webhook-deliveries/${test.id}`)).status).toBe(404);
    expect((await otherAdmin.post(`/api/v1/webhook-deliveries/${test.id}/replay`)).status).toBe(404);
    expect((await otherAdmin.post(`/api/v1/webhooks/${mine.webhook.id}/replay-failed`)).status).toBe(404);
    expect((await otherAdmin.get('/api/v1/webhooks')).body.items.map((w: { id: string }) => w.id)).toEqual([theirs.webhook.id]);

    const account = await otherAdmin.post('/api/v1/accounts', { name: '深圳租户隔离测试有限公司' });
    await waitForDelivery(theirs.webhook.id, (d) => d.object.id === account.body.id, otherAdmin);
    expect((await deliveriesOf(mine.webhook.id)).map((d) => d.object.id)).not.toContain(account.body.id);
  });
});
