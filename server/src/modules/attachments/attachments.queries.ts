import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { users } from '../org/org.schema.ts';
import type { AttachableRecord } from './attachment.policy.ts';
import { attachments } from './attachments.schema.ts';

/**
 * Attachments carry no owner or unit: the data scope is the record's, checked by attachment.policy.ts
 * before any of these run. Every query is pinned to that one record, so an attachment id taken from
 * another record (or tenant) is not found through a record the caller may see.
 */
export type AttachmentRow = typeof attachments.$inferSelect & { uploadedByName: string | null };

/** A record keeps its files for years, but not thousands of them: the newest 500 are one page. */
const LIST_LIMIT = 500;

const ofRecord = (tenantId: string, record: AttachableRecord): SQL =>
  and(eq(attachments.tenantId, tenantId), eq(attachments.recordType, record.type), eq(attachments.recordId, record.id), isNull(attachments.deletedAt))!;

async function select(db: Executor, where: SQL, limit: number): Promise<AttachmentRow[]> {
  const rows = await db
    .select({ a: attachments, uploadedByName: users.name })
    .from(attachments)
    .leftJoin(users, and(eq(users.tenantId, attachments.tenantId), eq(users.id, attachments.uploadedBy)))
    .where(where)
    .orderBy(desc(attachments.createdAt), desc(attachments.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.a, uploadedByName: r.uploadedByName }));
}

export const listAttachments = (db: Executor, tenantId: string, record: AttachableRecord) => select(db, ofRecord(tenantId, record), LIST_LIMIT);

export async function findAttachment(db: Executor, tenantId: string, record: AttachableRecord, id: string): Promise<AttachmentRow | null> {
  const [row] = await select(db, and(ofRecord(tenantId, record), eq(attachments.id, id))!, 1);
  return row ?? null;
}
