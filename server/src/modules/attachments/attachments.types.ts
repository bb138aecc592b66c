import { z } from 'zod';

/** Large enough for scanned contracts and photos; a bigger file belongs in a document system. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const recordParams = z.object({
  recordType: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).describe('a record type: account, contact, user, …'),
  recordId: z.uuid(),
});
export const attachmentParams = recordParams.extend({ id: z.uuid() });

/** Path separators and control characters are dropped: the name is only ever shown and offered back. */
export const cleanFileName = (raw: string) =>
  raw
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex -- removing them is the point
    .trim()
    .slice(0, 255);

export const uploadQuery = z.object({
  fileName: z
    .string()
    .transform(cleanFileName)
    .pipe(z.string().min(1, 'a file name is required'))
    .describe('the file name shown and offered on download (up to 255 characters)'),
});

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    recordType: z.string(),
    recordId: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.uuid(),
    uploadedByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    permissions: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'Attachment' });
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
