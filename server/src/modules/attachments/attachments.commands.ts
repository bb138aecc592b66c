import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { fileStore } from '../../platform/files/current-file-store.ts';
import { tenantFileKey } from '../../platform/files/file-keys.ts';
import { FileTooLargeError } from '../../platform/files/file-store.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { AttachableRecord } from './attachment.policy.ts';
import { findAttachment, type AttachmentRow } from './attachments.queries.ts';
import { attachments } from './attachments.schema.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.types.ts';
import { meteredBody } from './upload-body.ts';

export interface UploadInput {
  fileName: string;
  contentType: string;
  /** the raw request body */
  body: unknown;
}

/**
 * Bytes first, row second. The store is not part of the database transaction, so the order decides
 * what a failure leaves: stored bytes without a row (an orphan a purge can remove, invisible to
 * users) rather than a row whose download fails. A failed insert removes the bytes it just stored.
 */
export async function uploadAttachment(ctx: Ctx, record: AttachableRecord, input: UploadInput): Promise<AttachmentRow> {
  const { principal: p } = ctx;
  const id = newId();
  const key = tenantFileKey(p.tenantId, 'attachments', id);
  const store = await fileStore();
  const meter = meteredBody(input.body, MAX_ATTACHMENT_BYTES);
  try {
    await store.put(key, meter, { contentType: input.contentType });
  } catch (err) {
    if (err instanceof FileTooLargeError) throw new AppError('payload_too_large', { maxBytes: MAX_ATTACHMENT_BYTES });
    throw err;
  }
  try {
    if (meter.bytes === 0) throw invalid('body', 'the file is empty');
    return await ctx.db.transaction(async (tx) => {
      const row = {
        tenantId: p.tenantId, id, recordType: record.type, recordId: record.id, fileName: input.fileName,
        contentType: input.contentType, size: meter.bytes, sha256: meter.sha256(), storageKey: key, uploadedBy: p.userId,
      };
      await tx.insert(attachments).values(row);
      await audit(tx, ctx.actor, {
        action: 'attachment_upload', objectType: record.type, objectId: record.id, objectLabel: record.label,
        changes: { attachment: [null, input.fileName] },
        context: { attachmentId: id, size: row.size, sha256: row.sha256, contentType: row.contentType },
      });
      return (await findAttachment(tx, p.tenantId, record, id))!;
    });
  } catch (err) {
    // The original error is the one to report; a failed clean-up only leaves an orphan file.
    await store.delete(key).catch(() => undefined);
    throw err;
  }
}

/** A soft delete: the row stays (with who and when) and so do the bytes, for the audit trail. */
export async function deleteAttachment(ctx: Ctx, record: AttachableRecord, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const row = await findAttachment(tx, p.tenantId, record, id);
    if (!row) throw notFound();
    const [deleted] = await tx
      .update(attachments)
      .set({ deletedAt: new Date(), deletedBy: p.userId })
      .where(and(eq(attachments.tenantId, p.tenantId), eq(attachments.id, id), isNull(attachments.deletedAt)))
      .returning({ id: attachments.id });
    // Someone else deleted it between the read and the update.
    if (!deleted) throw notFound();
    await audit(tx, ctx.actor, {
      action: 'attachment_delete', objectType: record.type, objectId: record.id, objectLabel: record.label,
      changes: { attachment: [row.fileName, null] },
      context: { attachmentId: id, size: row.size, sha256: row.sha256 },
    });
  });
}
