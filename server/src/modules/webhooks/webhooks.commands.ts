import { and, eq, sql } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { makeDue, wakeDispatcher } from './deliver.ts';
import { actorOf } from './outbox.ts';
import { ALL_EVENTS, isWebhookEvent, TEST_EVENT } from './webhook-events.ts';
import type { WebhookPayload } from './webhook-payload.ts';
import { getDelivery, getWebhook, type WebhookRow } from './webhooks.queries.ts';
import { webhookDeliveries, webhookSubscriptions } from './webhooks.schema.ts';
import type { CreateWebhookInput, UpdateWebhookInput } from './webhooks.types.ts';
import { newWebhookSecret } from './signature.ts';
import { checkTargetUrl } from './target-guard.ts';

const audited = ['name', 'url', 'events', 'active'] as const;

function checkEvents(events: string[]): string[] {
  const unique = [...new Set(events)];
  const unknown = unique.filter((e) => e !== ALL_EVENTS && !isWebhookEvent(e));
  if (unknown.length) throw invalid('events', `unknown events: ${unknown.join(', ')} (see GET /webhook-events)`);
  return unique.includes(ALL_EVENTS) ? [ALL_EVENTS] : unique.sort();
}

export async function createWebhook(ctx: Ctx, input: CreateWebhookInput): Promise<{ webhook: WebhookRow; secret: string }> {
  const p = ctx.principal;
  const values = { name: input.name, url: checkTargetUrl(input.url), events: checkEvents(input.events), active: input.active };
  const secret = newWebhookSecret();
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(webhookSubscriptions).values({ tenantId: p.tenantId, id, ...values, secret, createdBy: p.userId, updatedBy: p.userId });
    await audit(tx, ctx.actor, { action: 'create', objectType: 'webhook', objectId: id, objectLabel: values.name, changes: diff(null, values, audited) });
    return { webhook: await getWebhook(tx, p.tenantId, id), secret };
  });
}

export async function updateWebhook(ctx: Ctx, id: string, input: UpdateWebhookInput): Promise<WebhookRow> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getWebhook(tx, p.tenantId, id);
    const values = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: checkTargetUrl(input.url) } : {}),
      ...(input.events !== undefined ? { events: checkEvents(input.events) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const [row] = await tx.update(webhookSubscriptions)
      .set({ ...values, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(webhookSubscriptions.tenantId, p.tenantId), eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, input.version)))
      .returning();
    if (!row) throw new AppError('version_conflict');
    const action = input.active === false && before.active ? 'disable' : input.active === true && !before.active ? 'enable' : 'update';
    await audit(tx, ctx.actor, { action, objectType: 'webhook', objectId: id, objectLabel: row.name, changes: diff(before, row, audited) });
    return row;
  });
}

/** Removes the subscription with its delivery log; the audit log keeps that it existed. */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const before = await getWebhook(tx, p.tenantId, id);
    await tx.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.tenantId, p.tenantId), eq(webhookSubscriptions.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'webhook', objectId: id, objectLabel: before.name, changes: diff(before, null, audited) });
  });
}

/** A new secret, shown once; the old one keeps signing alongside it for `keepPreviousHours`. */
export async function rotateSecret(ctx: Ctx, id: string, input: { version: number; keepPreviousHours: number }): Promise<{ webhook: WebhookRow; secret: string }> {
  const p = ctx.principal;
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const before = await getWebhook(tx, p.tenantId, id);
    const now = new Date();
    const keep = input.keepPreviousHours > 0;
    const [row] = await tx.update(webhookSubscriptions)
      .set({
        secret,
        previousSecret: keep ? before.secret : null,
        previousSecretUntil: keep ? new Date(now.getTime() + input.keepPreviousHours * 3_600_000) : null,
        secretRotatedAt: now,
        version: before.version + 1, updatedAt: now, updatedBy: p.userId,
      })
      .where(and(eq(webhookSubscriptions.tenantId, p.tenantId), eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, input.version)))
      .returning();
    if (!row) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'rotate_secret', objectType: 'webhook', objectId: id, objectLabel: row.name, context: { keepPreviousHours: input.keepPreviousHours } });
    return { webhook: row, secret };
  });
}

/** Queues a `webhook.test` delivery to the subscription, whatever events it asks for. */
export async function sendTestEvent(ctx: Ctx, id: string): Promise<string> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const sub = await getWebhook(tx, p.tenantId, id);
    if (!sub.active) throw new AppError('webhook_disabled');
    const payload: WebhookPayload = {
      id: newId(),
      event: TEST_EVENT,
      occurredAt: new Date().toISOString(),
      object: { type: 'webhook', id: sub.id, label: sub.name },
      changes: {},
      related: {},
      actor: await actorOf(tx, ctx.actor),
    };
    const deliveryId = newId();
    await tx.insert(webhookDeliveries).values({
      tenantId: p.tenantId, id: deliveryId, subscriptionId: sub.id, eventId: null, event: TEST_EVENT, payload, nextAttemptAt: sql`now()`,
    });
    await wakeDispatcher(tx);
    return deliveryId;
  });
}

/** Sends one delivery again now, with a fresh retry schedule. */
export async function replayDelivery(ctx: Ctx, deliveryId: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const d = await getDelivery(tx, p.tenantId, deliveryId);
    const sub = await getWebhook(tx, p.tenantId, d.subscriptionId);
    if (!sub.active) throw new AppError('webhook_disabled');
    await makeDue(tx, p.tenantId, [d.id]);
    await audit(tx, ctx.actor, { action: 'replay', objectType: 'webhook', objectId: sub.id, objectLabel: sub.name, context: { deliveryId: d.id, event: d.event } });
  });
}

/** Sends every failed delivery of a subscription again; returns how many. */
export async function replayFailed(ctx: Ctx, webhookId: string): Promise<number> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const sub = await getWebhook(tx, p.tenantId, webhookId);
    if (!sub.active) throw new AppError('webhook_disabled');
    const failed = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, p.tenantId), eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.status, 'failed')));
    await makeDue(tx, p.tenantId, failed.map((f) => f.id));
    if (failed.length) {
      await audit(tx, ctx.actor, { action: 'replay', objectType: 'webhook', objectId: sub.id, objectLabel: sub.name, context: { deliveries: failed.length } });
    }
    return failed.length;
  });
}
