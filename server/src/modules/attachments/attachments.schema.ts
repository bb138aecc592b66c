import { bigint, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, ts } from '../../platform/db/columns.ts';
import { users } from '../org/org.schema.ts';

/**
 * Files attached to any registered record type (account, contact, user…). The bytes live in the file
 * store under `storage_key`; this row says what they are. A deleted attachment keeps its bytes until
 * a purge, so a deletion can be investigated from the audit log.
 */
export const attachments = pgTable(
  'attachments',
  {
    ...tenantColumns(),
    /** a type of the record-type registry (platform/access/records.ts) */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** the name the user gave it, shown and offered on download; never used as a path */
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** hex SHA-256 of the bytes, measured while they were stored */
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.uploadedBy], foreignColumns: [users.tenantId, users.id] }),
    index('attachments_record_idx').on(t.tenantId, t.recordType, t.recordId, t.createdAt),
  ],
);
