import { sql } from 'drizzle-orm';
import { doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customColumn, customGinIndex } from '../custom-fields/index.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';

export const activityKinds = ['visit', 'call', 'email', 'meeting', 'task', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Kinds that take place at a time with people: they go to calendars and "my day". */
export const eventKinds = ['visit', 'meeting', 'call'] as const satisfies readonly ActivityKind[];
/** Kinds that may carry a place. */
export const locatedKinds = ['visit', 'meeting'] as const satisfies readonly ActivityKind[];

const uuidArray = (name: string) => uuid(name).array().notNull().default(sql`'{}'::uuid[]`);

/**
 * Follow-ups (跟进记录): visits, calls, e-mails, meetings, tasks and notes about customers. Visible
 * by their own owner and unit, like every owned record. A task's owner is its assignee: the person
 * who must do it sees it, in their day and calendar, and receives its reminder.
 */
export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    ...ownedColumns(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    subject: text('subject').notNull(),
    content: text('content'),
    /** when it happened: a call made, an e-mail sent, a visit paid */
    occurredAt: ts('occurred_at'),
    /** when it is planned to start, and for how long */
    startsAt: ts('starts_at'),
    durationMinutes: integer('duration_minutes'),
    /** the one time lists, the timeline and calendars sort and filter by: starts_at, occurred_at, due_at or created_at */
    at: ts('at').notNull(),
    locationAddress: text('location_address'),
    locationLat: doublePrecision('location_lat'),
    locationLng: doublePrecision('location_lng'),
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    opportunityId: uuid('opportunity_id'),
    participantUserIds: uuidArray('participant_user_ids'),
    participantContactIds: uuidArray('participant_contact_ids'),
    result: text('result'),
    nextStep: text('next_step'),
    dueAt: ts('due_at'),
    reminderAt: ts('reminder_at'),
    /** the reminder time a notification went out for: a repeated or late job does not notify twice */
    reminderSentFor: ts('reminder_sent_for'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by'),
    custom: customColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }),
    index('activities_opportunity_idx').on(t.tenantId, t.opportunityId, t.at).where(sql`${t.opportunityId} is not null`),
    index('activities_at_idx').on(t.tenantId, t.at, t.id),
    index('activities_account_idx').on(t.tenantId, t.accountId, t.at, t.id),
    index('activities_contact_idx').on(t.tenantId, t.contactId, t.at),
    index('activities_owner_idx').on(t.tenantId, t.ownerId, t.at),
    index('activities_unit_idx').on(t.tenantId, t.unitId, t.at),
    // "My open tasks" and "overdue" read only this small slice of the table.
    index('activities_open_tasks_idx').on(t.tenantId, t.ownerId, t.dueAt).where(sql`${t.kind} = 'task' and ${t.completedAt} is null and ${t.deletedAt} is null`),
    index('activities_participant_contacts_idx').using('gin', t.participantContactIds),
    customGinIndex('activities', t.custom),
  ],
);

/**
 * One secret calendar-feed URL per user. Only a SHA-256 of the token is kept; rotating replaces the
 * hash, so the old URL stops working at once. The hash index is not unique: 256-bit random tokens
 * do not collide, and tenant_id must lead every unique index (test/security/tenancy.test.ts).
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('calendar_feeds_token_idx').on(t.tokenHash),
  ],
);
