import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, ts } from '../../platform/db/columns.ts';
import type { WebhookPayload } from './webhook-payload.ts';

/**
 * An administrator's subscription: where to send which events, and the secret that signs them.
 * The secret has to be readable to sign with, so it is stored as is (like an SMTP password) and
 * leaves the server only in the answer that creates or rotates it. After a rotation the previous
 * secret also signs for a grace period, so a receiver can switch without losing deliveries.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    ...tenantColumns(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** event names ('account.created'); empty means none, ['*'] means every event */
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: ts('previous_secret_until'),
    secretRotatedAt: ts('secret_rotated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * The outbox: one row per event and subscription, written in the transaction of the change. A
 * job sends it; `nextAttemptAt` says when the next try is due (and, while a try runs, holds a lease
 * so that two runners never send it at once). `retryStep` indexes the backoff schedule; a replay
 * sets it back to 0.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    ...tenantColumns(),
    subscriptionId: uuid('subscription_id').notNull(),
    /** the audit event it reports; null for a test event */
    eventId: uuid('event_id'),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<WebhookPayload>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    retryStep: integer('retry_step').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastAttemptAt: ts('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.subscriptionId], foreignColumns: [webhookSubscriptions.tenantId, webhookSubscriptions.id] }).onDelete('cascade'),
    index('webhook_deliveries_subscription_idx').on(t.tenantId, t.subscriptionId, t.createdAt),
    // the sweeper's question across tenants: which pending deliveries are overdue?
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Every try of a delivery: what the receiver answered (body cut to 2 KB), how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    ...tenantColumns(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: ts('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.deliveryId], foreignColumns: [webhookDeliveries.tenantId, webhookDeliveries.id] }).onDelete('cascade'),
    index('webhook_attempts_delivery_idx').on(t.tenantId, t.deliveryId, t.attempt),
  ],
);
