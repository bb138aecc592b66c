import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { selectFields } from '../../platform/http/pagination.ts';
import { getAccount } from '../accounts/accounts.queries.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import './contacts.objects.ts';
import './contacts.records.ts';
import './contacts.search.ts';
import { linkContactToAccount, unlinkContact } from './contact-links.commands.ts';
import { createContact, deleteContact, updateContact } from './contacts.commands.ts';
import { presentContact } from './contacts.presenter.ts';
import { getContact, listAccountContacts, listContacts } from './contacts.queries.ts';
import {
  accountContactSchema, contactPageSchema, contactSchema, createContactBody, idParams, linkBody, linkParams, listContactsQuery,
  updateContactBody,
} from './contacts.types.ts';
import { vcardRoutes } from './vcard/vcard.routes.ts';

const tags = ['Contacts'];

/** The tenant's contact custom fields, once per request (see accountFieldDefs). */
const contactFieldDefs = (ctx: Ctx) => loadCustomFields(ctx.readDb, ctx.principal.tenantId, 'contact');

export async function contactsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  await app.register(vcardRoutes);

  app.get('/contacts', {
    config: { permission: { object: 'contact', action: 'read' } },
    schema: { tags, summary: 'Contacts in your data scope, filtered and sorted, one page at a time', querystring: listContactsQuery, response: { 200: contactPageSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await contactFieldDefs(ctx);
    const page = await listContacts(ctx.readDb, ctx.principal, req.query, defs);
    return {
      items: page.items.map((c) => selectFields(presentContact(ctx.principal, c, defs), req.query.fields)),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  });

  app.get('/contacts/:id', {
    config: { permission: { object: 'contact', action: 'read' } },
    schema: { tags, summary: 'One contact with the accounts they work with', params: idParams, response: { 200: contactSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const contact = await getContact(ctx.readDb, ctx.principal, req.params.id);
    return presentContact(ctx.principal, contact, await contactFieldDefs(ctx));
  });

  app.post('/contacts', {
    config: { permission: { object: 'contact', action: 'create' } },
    schema: { tags, summary: 'Create a contact, optionally linked to an account', body: createContactBody, response: { 201: contactSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const contact = await createContact(ctx, req.body);
    reply.status(201);
    return presentContact(ctx.principal, contact, await contactFieldDefs(ctx));
  });

  app.patch('/contacts/:id', {
    config: { permission: { object: 'contact', action: 'update' } },
    schema: { tags, summary: 'Update a contact (send the version you read)', params: idParams, body: updateContactBody, response: { 200: contactSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const contact = await updateContact(ctx, req.params.id, req.body);
    return presentContact(ctx.principal, contact, await contactFieldDefs(ctx));
  });

  app.delete('/contacts/:id', {
    config: { permission: { object: 'contact', action: 'delete' } },
    schema: { tags, summary: 'Move a contact to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteContact(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/accounts/:id/contacts', {
    config: { permission: { object: 'contact', action: 'read' } },
    schema: { tags, summary: "An account's contacts that you may see, primary first", params: idParams, response: { 200: z.object({ items: z.array(accountContactSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    await getAccount(ctx.readDb, ctx.principal, req.params.id);
    const rows = await listAccountContacts(ctx.readDb, ctx.principal, req.params.id);
    const defs = await contactFieldDefs(ctx);
    return { items: rows.map((r) => ({ contact: presentContact(ctx.principal, r.contact, defs), role: r.role, isPrimary: r.isPrimary })) };
  });

  app.post('/accounts/:id/contacts', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Link a contact to an account, or change their role there', params: idParams, body: linkBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await linkContactToAccount(contextOf(req), req.params.id, req.body);
    return reply.status(204).send(null);
  });

  app.delete('/accounts/:id/contacts/:contactId', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Unlink a contact from an account (neither record is deleted)', params: linkParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await unlinkContact(contextOf(req), req.params.id, req.params.contactId);
    return reply.status(204).send(null);
  });
}
