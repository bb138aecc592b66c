import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { fileStore } from '../../platform/files/current-file-store.ts';
import { FileNotFoundError } from '../../platform/files/file-store.ts';
import { contextOf } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { changeableRecord, visibleRecord } from './attachment.policy.ts';
import { deleteAttachment, uploadAttachment } from './attachments.commands.ts';
import { presentAttachment } from './attachments.presenter.ts';
import { findAttachment, listAttachments } from './attachments.queries.ts';
import {
  attachmentListSchema, attachmentParams, attachmentSchema, MAX_ATTACHMENT_BYTES, recordParams, uploadQuery,
} from './attachments.types.ts';
import { uploadContentType } from './upload-body.ts';

const tags = ['Attachments'];

/**
 * Why every route here declares `{ signedIn: true }` rather than an object permission: the object is
 * the record's type, which is in the URL (account, contact, user…), so no single `{object, action}`
 * fits. attachment.policy.ts checks inside each handler, before anything is read or written: the
 * record must be visible (else 404) and, to upload or delete, its type must grant `update` (else 403).
 */
export async function attachmentsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/attachments/:recordType/:recordId', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: "A record's attachments, newest first (needs: the record is visible)", params: recordParams, response: { 200: attachmentListSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const record = await visibleRecord(ctx, req.params.recordType, req.params.recordId);
    const rows = await listAttachments(ctx.readDb, ctx.principal.tenantId, record);
    return { items: rows.map((a) => presentAttachment(ctx.principal, a)) };
  });

  app.get('/attachments/:recordType/:recordId/:id', {
    config: { permission: { signedIn: true } },
    schema: {
      tags,
      summary: "Download an attachment's bytes (needs: the record is visible)",
      params: attachmentParams,
      // Documentation only: a stream is sent as it is, never through the serializer.
      response: { 200: z.any().describe('the file, with its Content-Type and a Content-Disposition carrying its name') },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const record = await visibleRecord(ctx, req.params.recordType, req.params.recordId);
    const row = await findAttachment(ctx.readDb, ctx.principal.tenantId, record, req.params.id);
    if (!row) throw notFound();
    let bytes;
    try {
      bytes = await (await fileStore()).get(row.storageKey);
    } catch (err) {
      if (!(err instanceof FileNotFoundError)) throw err;
      req.log.error({ attachmentId: row.id, key: row.storageKey }, 'attachment bytes missing from the file store');
      throw notFound();
    }
    // Always a download, never rendered: an uploaded HTML or SVG file must not run on Kehu's origin.
    return reply
      .type(row.contentType)
      .header('content-length', row.size)
      .header('content-disposition', contentDisposition(row.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-cache')
      .header('etag', `"${row.sha256}"`)
      .send(bytes);
  });

  app.delete('/attachments/:recordType/:recordId/:id', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Delete an attachment (needs: update on the record)', params: attachmentParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const record = await changeableRecord(ctx, req.params.recordType, req.params.recordId);
    await deleteAttachment(ctx, record, req.params.id);
    return reply.status(204).send(null);
  });

  await app.register(uploadRoute);
}

/**
 * Its own plugin, because it replaces the body parsers: the body is the file itself, of any type,
 * handed over as the unread request stream. Nothing is read before the handler has checked the
 * caller, so an anonymous or unauthorised upload never reaches the disk.
 * (Multipart forms would need @fastify/multipart, which is not installed; a raw body is what
 * fetch(url, { method: 'PUT', body: file }) sends, and it streams without buffering.)
 */
async function uploadRoute(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.put('/attachments/:recordType/:recordId', {
    config: { permission: { signedIn: true } },
    schema: {
      tags,
      summary: 'Upload a file to a record (needs: update on the record); the body is the file, up to 20 MB',
      description: 'Send the raw bytes as the request body with their Content-Type, and the file name in `fileName`.',
      params: recordParams,
      querystring: uploadQuery,
      response: { 201: attachmentSchema },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const record = await changeableRecord(ctx, req.params.recordType, req.params.recordId);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_ATTACHMENT_BYTES) {
      // Nothing of the body is read: close the connection rather than drain megabytes nobody wants.
      reply.header('connection', 'close');
      throw new AppError('payload_too_large', { maxBytes: MAX_ATTACHMENT_BYTES });
    }
    try {
      const row = await uploadAttachment(ctx, record, {
        fileName: req.query.fileName,
        contentType: uploadContentType(req.headers['content-type']),
        body: req.body,
      });
      return reply.status(201).send(presentAttachment(ctx.principal, row));
    } catch (err) {
      if (err instanceof AppError && err.code === 'payload_too_large') reply.header('connection', 'close');
      throw err;
    }
  });
}
