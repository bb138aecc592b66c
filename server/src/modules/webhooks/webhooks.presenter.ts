import type { z } from 'zod';
import type { Locale } from '../../platform/access/principal.ts';
import { objectLabels, webhookEvents } from './webhook-events.ts';
import type { DeliveryRow, WebhookRow, WebhookStats } from './webhooks.queries.ts';
import type { attemptSchema, deliveryDetailSchema, deliverySchema, webhookEventSchema, webhookSchema } from './webhooks.types.ts';
import type { webhookAttempts } from './webhooks.schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Never the secret: it leaves the server only in the answers that create or rotate it. */
export function presentWebhook(w: WebhookRow, stats: WebhookStats | undefined): z.infer<typeof webhookSchema> {
  return {
    id: w.id,
    version: w.version,
    name: w.name,
    url: w.url,
    events: w.events,
    active: w.active,
    secretRotatedAt: iso(w.secretRotatedAt),
    previousSecretUntil: w.previousSecretUntil && w.previousSecretUntil > new Date() ? w.previousSecretUntil.toISOString() : null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    pendingDeliveries: stats?.pending ?? 0,
    failedDeliveries: stats?.failed ?? 0,
    lastDelivery: stats?.last ? { status: stats.last.status, at: stats.last.at.toISOString(), statusCode: stats.last.statusCode } : null,
  };
}

export function presentDelivery(d: DeliveryRow): z.infer<typeof deliverySchema> {
  return {
    id: d.id,
    webhookId: d.subscriptionId,
    event: d.event,
    eventId: d.payload.id,
    object: d.payload.object,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastDurationMs: d.lastDurationMs,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

export function presentAttempt(a: typeof webhookAttempts.$inferSelect): z.infer<typeof attemptSchema> {
  return { attempt: a.attempt, startedAt: a.startedAt.toISOString(), durationMs: a.durationMs, statusCode: a.statusCode, responseBody: a.responseBody, error: a.error };
}

export function presentDeliveryDetail(d: DeliveryRow, attempts: (typeof webhookAttempts.$inferSelect)[]): z.infer<typeof deliveryDetailSchema> {
  return { ...presentDelivery(d), payload: d.payload as unknown as Record<string, unknown>, attemptLog: attempts.map(presentAttempt) };
}

export function presentEvents(locale: Locale): z.infer<typeof webhookEventSchema>[] {
  return webhookEvents.map((e) => ({ name: e.name, type: e.type, typeLabel: objectLabels[e.type][locale], label: e.label[locale] }));
}
