import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../../platform/files/content-disposition.ts';
import { contextOf } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { contactPhotos, getContact } from '../contacts.queries.ts';
import { idParams } from '../contacts.types.ts';
import { readVCardUpload } from './read-upload.ts';
import { exportVCardContacts } from './vcard-export.ts';
import { importVCardContacts } from './vcard-import.commands.ts';
import { exportQuery, importQuery, importResultSchema } from './vcard-transfer.types.ts';

const tags = ['Contacts'];

/** vCard export and contact photos; the import is its own plugin below, because it replaces the body parsers. */
export async function vcardRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/contacts/export/vcard', {
    config: { permission: { object: 'contact', action: 'export' } },
    schema: {
      tags,
      summary: 'Download contacts as a vCard file (3.0 or 4.0); fields your role masks or hides are left out',
      description: 'Send `ids` or `accountId`. An id outside your data scope fails the whole export with 404. '
        + 'The header X-Kehu-Omitted-Fields names the fields left out for your role (phones, emails, birthday).',
      querystring: exportQuery,
      // Documentation only: the file is sent as text, never through the serializer.
      response: { 200: z.any().describe('text/vcard; charset=utf-8') },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const file = await exportVCardContacts(ctx, req.query);
    return reply
      .type('text/vcard; charset=utf-8')
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('x-kehu-omitted-fields', file.omitted.join(','))
      .send(file.text);
  });

  app.get('/contacts/:id/photo', {
    config: { permission: { object: 'contact', action: 'read' } },
    schema: { tags, summary: "A contact's photo", params: idParams, response: { 200: z.any().describe('the image, with its Content-Type') } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const contact = await getContact(ctx.readDb, ctx.principal, req.params.id);
    const photo = (await contactPhotos(ctx.readDb, ctx.principal, [contact.id])).get(contact.id);
    if (!photo) throw notFound();
    // Only image types are stored (see photoTypes); nosniff and the sandbox keep it from ever running as a page.
    return reply
      .type(photo.mediaType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-cache')
      .send(photo.bytes);
  });

  await app.register(importRoute);
}

/**
 * The body is the .vcf file itself (what fetch(url, { method: 'POST', body: file }) sends), handed
 * over as the unread request stream like an attachment upload; nothing is read before the caller's
 * permission has been checked.
 */
async function importRoute(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.post('/contacts/import/vcard', {
    config: { permission: { object: 'contact', action: 'import' } },
    schema: {
      tags,
      summary: 'Create contacts from a vCard file (2.1, 3.0, 4.0; up to 10 MB), all in one transaction',
      description: 'Send the raw file as the request body with Content-Type text/vcard or application/octet-stream. '
        + 'The contacts are yours, in your unit; `accountId` links every one of them to that account.',
      querystring: importQuery,
      response: { 201: importResultSchema },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const file = await readVCardUpload(req, reply);
    const result = await importVCardContacts(ctx, file, req.query);
    return reply.status(201).send(result);
  });
}
