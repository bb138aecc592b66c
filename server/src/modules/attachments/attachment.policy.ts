import { can, type Principal } from '../../platform/access/principal.ts';
import { getRecordType } from '../../platform/access/records.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';

/**
 * Attachments have no permissions of their own: they take those of the record they hang on.
 *  - read (list, download): the record is visible to the caller, i.e. its type's findVisible finds
 *    it within their data scope. Otherwise 404, exactly as for the record itself: a branch-B user
 *    cannot even learn that a branch-A record has files.
 *  - change (upload, delete): additionally `update` on the record's object type; 403, since the
 *    record is visible and the refusal tells nothing new.
 * An unknown record type is 404 too.
 */
export interface AttachableRecord {
  type: string;
  id: string;
  label: string;
}

export async function visibleRecord(ctx: Ctx, recordType: string, recordId: string): Promise<AttachableRecord> {
  const type = getRecordType(recordType);
  const record = type ? await type.findVisible(ctx, recordId) : null;
  if (!record) throw notFound();
  return { type: recordType, id: record.id, label: record.label };
}

export const mayChangeAttachments = (p: Principal, recordType: string) => can(p, recordType, 'update');

export async function changeableRecord(ctx: Ctx, recordType: string, recordId: string): Promise<AttachableRecord> {
  const record = await visibleRecord(ctx, recordType, recordId);
  if (!mayChangeAttachments(ctx.principal, recordType)) throw forbidden();
  return record;
}
