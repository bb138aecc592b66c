import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, ts } from '../db/columns.ts';

export type FieldChanges = Record<string, [before: unknown, after: unknown]>;

/** Append-only log of every change. Record histories and timelines are read from here. */
export const auditEvents = pgTable(
  'audit_events',
  {
    ...tenantColumns(),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id'),
    objectLabel: text('object_label'),
    changes: jsonb('changes').$type<FieldChanges>(),
    context: jsonb('context').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_object_idx').on(t.tenantId, t.objectType, t.objectId, t.occurredAt),
    index('audit_time_idx').on(t.tenantId, t.occurredAt),
    index('audit_actor_idx').on(t.tenantId, t.actorUserId, t.occurredAt),
  ],
);
