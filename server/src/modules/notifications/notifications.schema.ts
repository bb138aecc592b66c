import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, ts } from '../../platform/db/columns.ts';
import { users } from '../org/org.schema.ts';

/**
 * In-app notifications: one row per recipient. Title and body are written in the recipient's
 * language when the notification is made; `link` points at the record it is about.
 */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    /** what happened, for icons and filters: 'task_reminder', … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** record type and id the notification opens, e.g. 'activity' */
    linkType: text('link_type'),
    linkId: uuid('link_id'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt, t.id),
    // The bell's count and the unread-first list read only unread rows.
    index('notifications_unread_idx').on(t.tenantId, t.userId, t.createdAt, t.id).where(sql`${t.readAt} is null`),
  ],
);
