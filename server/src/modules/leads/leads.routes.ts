import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { pageSchema, selectFields } from '../../platform/http/pagination.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import { convertLead, leadDuplicates } from './convert-lead.ts';
import './leads.objects.ts';
import './leads.records.ts';
import './leads.search.ts';
import { createLead, deleteLead, updateLead } from './leads.commands.ts';
import { presentLead } from './leads.presenter.ts';
import { getLead, listLeads } from './leads.queries.ts';
import {
  convertLeadBody, convertResultSchema, createLeadBody, idParams, leadDuplicatesSchema, leadSchema, listLeadsQuery, updateLeadBody,
} from './leads.types.ts';

const tags = ['Leads'];

export async function leadsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const fieldsOf = (ctx: Ctx) => loadCustomFields(ctx.readDb, ctx.principal.tenantId, 'lead');

  app.get('/leads', {
    config: { permission: { object: 'lead', action: 'read' } },
    schema: { tags, summary: 'Leads in your data scope, newest first, filtered, one page at a time', querystring: listLeadsQuery, response: { 200: pageSchema(leadSchema.partial()) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await fieldsOf(ctx);
    const page = await listLeads(ctx.readDb, ctx.principal, req.query, defs);
    return { items: page.items.map((l) => selectFields(presentLead(ctx.principal, l, defs), req.query.fields)), nextCursor: page.nextCursor };
  });

  app.get('/leads/:id', {
    config: { permission: { object: 'lead', action: 'read' } },
    schema: { tags, summary: 'One lead, with what it was converted into', params: idParams, response: { 200: leadSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const [lead, defs] = await Promise.all([getLead(ctx.readDb, ctx.principal, req.params.id), fieldsOf(ctx)]);
    return presentLead(ctx.principal, lead, defs);
  });

  app.post('/leads', {
    config: { permission: { object: 'lead', action: 'create' } },
    schema: { tags, summary: 'Create a lead', body: createLeadBody, response: { 201: leadSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const lead = await createLead(ctx, req.body);
    reply.status(201);
    return presentLead(ctx.principal, lead, await fieldsOf(ctx));
  });

  app.patch('/leads/:id', {
    config: { permission: { object: 'lead', action: 'update' } },
    schema: { tags, summary: 'Update a lead (send the version you read); a converted lead is read-only', params: idParams, body: updateLeadBody, response: { 200: leadSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentLead(ctx.principal, await updateLead(ctx, req.params.id, req.body), await fieldsOf(ctx));
  });

  app.delete('/leads/:id', {
    config: { permission: { object: 'lead', action: 'delete' } },
    schema: { tags, summary: 'Move a lead to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteLead(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/leads/:id/duplicate-check', {
    config: { permission: { object: 'lead', action: 'read' } },
    schema: {
      tags, summary: 'Existing accounts the lead may already be (by company name, phones, e-mails), to pick one when converting',
      params: idParams, body: z.object({ accountName: z.string().trim().min(1).max(200).optional() }), response: { 200: leadDuplicatesSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const lead = await getLead(ctx.readDb, ctx.principal, req.params.id);
    return { candidates: await leadDuplicates(ctx, lead, req.body.accountName) };
  });

  app.post('/leads/:id/convert', {
    config: { permission: { object: 'lead', action: 'update' } },
    schema: {
      tags, summary: 'Convert a lead in one step into an account (new or existing), a contact and an opportunity; 409 possible_duplicate_account lists candidates',
      params: idParams, body: convertLeadBody, response: { 200: convertResultSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const result = await convertLead(ctx, req.params.id, req.body);
    return { ...result, lead: presentLead(ctx.principal, result.lead, await fieldsOf(ctx)) };
  });
}
