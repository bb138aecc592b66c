import { and, eq, sql } from 'drizzle-orm';
import { onAudit, type Actor, type AuditedEvent } from '../../platform/audit/audit.ts';
import { apiKeys } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { users } from '../org/org.schema.ts';
import { wakeDispatcher } from './deliver.ts';
import { subscribedTo, webhookEventOf } from './webhook-events.ts';
import { payloadOf, type WebhookPayload } from './webhook-payload.ts';
import { webhookDeliveries, webhookSubscriptions } from './webhooks.schema.ts';

/**
 * The outbox: after a command writes its audit events, and in its transaction, one pending delivery
 * per matching active subscription is written and the dispatcher is woken (deliver.ts). The change and
 * its deliveries commit together or not at all, and nothing is sent before the commit; the request
 * never waits for a receiver. With no subscription in the company this costs one indexed query.
 */
export async function writeDeliveries(tx: Executor, actor: Actor, events: AuditedEvent[]): Promise<string[]> {
  const raised = events.flatMap((e) => {
    const def = webhookEventOf(e);
    return def ? [{ e, def }] : [];
  });
  if (!raised.length) return [];
  const subs = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, actor.tenantId), eq(webhookSubscriptions.active, true)));
  const wanted = raised.flatMap(({ e, def }) => subs.filter((s) => subscribedTo(s.events, def.name)).map((s) => ({ e, def, subscriptionId: s.id })));
  if (!wanted.length) return [];

  const who = await actorOf(tx, actor);
  const rows = wanted.map(({ e, def, subscriptionId }) => ({
    tenantId: actor.tenantId,
    id: newId(),
    subscriptionId,
    eventId: e.id,
    event: def.name,
    payload: payloadOf(e, def, who),
    nextAttemptAt: sql`now()`,
  }));
  await tx.insert(webhookDeliveries).values(rows);
  await wakeDispatcher(tx);
  return rows.map((r) => r.id);
}

export async function actorOf(tx: Executor, actor: Pick<Actor, 'tenantId' | 'userId' | 'apiKeyId'>): Promise<WebhookPayload['actor']> {
  if (actor.apiKeyId) {
    const [key] = await tx.select({ name: apiKeys.name }).from(apiKeys).where(and(eq(apiKeys.tenantId, actor.tenantId), eq(apiKeys.id, actor.apiKeyId)));
    return { type: 'api_key', id: actor.apiKeyId, name: key?.name ?? null };
  }
  if (actor.userId) {
    const [user] = await tx.select({ name: users.name }).from(users).where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    return { type: 'user', id: actor.userId, name: user?.name ?? null };
  }
  return { type: 'system', id: null, name: null };
}

onAudit(async (tx, actor, events) => void (await writeDeliveries(tx, actor, events)));
