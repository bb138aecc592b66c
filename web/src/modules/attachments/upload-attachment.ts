import { sendFile } from '../../app/api/client';
import type { Attachment } from '../../app/api/schemas';

/** Where a record's attachments live in the API. */
export const attachmentsUrl = (recordType: string, recordId: string) =>
  `/api/v1/attachments/${encodeURIComponent(recordType)}/${encodeURIComponent(recordId)}`;

/** Uploads one file as the raw request body (the endpoint takes the bytes and the name, no form encoding). */
export async function uploadAttachment(recordType: string, recordId: string, file: File): Promise<Attachment> {
  const url = `${attachmentsUrl(recordType, recordId)}?fileName=${encodeURIComponent(file.name)}`;
  // The endpoint answers 201 with the Attachment it stored (see PUT /attachments/{recordType}/{recordId}).
  return (await sendFile('PUT', url, file)) as Attachment;
}
