import type { Principal } from '../../platform/access/principal.ts';
import { mayChangeAttachments } from './attachment.policy.ts';
import type { AttachmentRow } from './attachments.queries.ts';
import type { AttachmentDto } from './attachments.types.ts';

/** The storage key never leaves the server: downloads go through the permission check, not to the store. */
export function presentAttachment(p: Principal, a: AttachmentRow): AttachmentDto {
  return {
    id: a.id,
    recordType: a.recordType,
    recordId: a.recordId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedByName: a.uploadedByName,
    createdAt: a.createdAt.toISOString(),
    permissions: { delete: mayChangeAttachments(p, a.recordType) },
  };
}
