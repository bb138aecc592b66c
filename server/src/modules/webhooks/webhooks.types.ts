import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { deliveryStatuses } from './webhooks.schema.ts';

const iso = z.iso.datetime();

export const webhookEventSchema = z
  .object({
    name: z.string().describe("e.g. 'account.created'"),
    type: z.string().describe("the object it reports: 'account', 'payment'…"),
    typeLabel: z.string(),
    label: z.string(),
  })
  .meta({ id: 'WebhookEvent' });

export const webhookSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.string()).describe("event names; ['*'] is every event"),
    active: z.boolean(),
    secretRotatedAt: iso.nullable(),
    previousSecretUntil: iso.nullable().describe('until then the previous secret also signs (a second v1=)'),
    createdAt: iso,
    updatedAt: iso,
    pendingDeliveries: z.number().int(),
    failedDeliveries: z.number().int(),
    lastDelivery: z.object({ status: z.enum(deliveryStatuses), at: iso, statusCode: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: 'Webhook' });

const eventsField = z.array(z.string().trim().min(1).max(80)).min(1).max(200).describe("event names from GET /webhook-events, or ['*'] for every event");

export const createWebhookBody = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().min(1).max(2000),
  events: eventsField,
  active: z.boolean().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(100).optional(),
  url: z.string().trim().min(1).max(2000).optional(),
  events: eventsField.optional(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;

export const rotateSecretBody = z.object({
  version: z.number().int(),
  keepPreviousHours: z.number().int().min(0).max(168).default(24).describe('how long the old secret still signs alongside the new one; 0 ends it at once'),
});

export const withSecretSchema = z
  .object({ webhook: webhookSchema, secret: z.string().describe('shown only in this answer: store it where the receiver verifies signatures') })
  .meta({ id: 'WebhookWithSecret' });

export const idParams = z.object({ id: z.uuid() });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    webhookId: z.uuid(),
    event: z.string(),
    eventId: z.string(),
    object: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: iso.nullable().describe('pending: when the next try is due'),
    lastAttemptAt: iso.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: iso.nullable(),
    createdAt: iso,
  })
  .meta({ id: 'WebhookDelivery' });

export const attemptSchema = z
  .object({
    attempt: z.number().int(),
    startedAt: iso,
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    responseBody: z.string().nullable().describe('the first 2 KB of the answer'),
    error: z.string().nullable(),
  })
  .meta({ id: 'WebhookAttempt' });

export const deliveryDetailSchema = deliverySchema
  .extend({ payload: z.record(z.string(), z.unknown()).describe('the JSON body as sent'), attemptLog: z.array(attemptSchema) })
  .meta({ id: 'WebhookDeliveryDetail' });

export const listDeliveriesQuery = listQuery.pick({ limit: true, cursor: true }).extend({
  status: z.enum(deliveryStatuses).optional(),
});
