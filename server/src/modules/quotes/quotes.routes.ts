import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { tenants } from '../../platform/tenancy/tenant.table.ts';
import { getSalesSettings } from '../orders/order-types.ts';
import { quotePdf } from './quote-pdf.ts';
import { createQuote, decideQuote, reviseQuote, sendQuote, submitQuote, updateQuote } from './quotes.commands.ts';
import './quotes.objects.ts';
import './quotes.records.ts';
import { presentFullQuote, presentQuote } from './quotes.presenter.ts';
import { getQuote, listQuotes, quoteLinesOf } from './quotes.queries.ts';
import {
  createQuoteBody, decisionBody, idParams, listQuotesQuery, pdfQuery, quoteSchema, quoteSummarySchema, updateQuoteBody, versionBody,
} from './quotes.types.ts';

const tags = ['Quotes'];

async function full(ctx: Ctx, id: string) {
  const db = ctx.db;
  const [q, lines, settings] = await Promise.all([getQuote(db, ctx.principal, id), quoteLinesOf(db, ctx.principal.tenantId, id), getSalesSettings(db, ctx.principal.tenantId)]);
  return presentFullQuote(ctx.principal, q, lines, settings.quoteDiscountLimitPct);
}

export async function quotesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/quotes', {
    config: { permission: { object: 'quote', action: 'read' } },
    schema: { tags, summary: 'Quotes in your data scope, newest first (current versions unless asked)', querystring: listQuotesQuery, response: { 200: pageSchema(quoteSummarySchema) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const [page, settings] = await Promise.all([listQuotes(ctx.readDb, ctx.principal, req.query), getSalesSettings(ctx.readDb, ctx.principal.tenantId)]);
    return { items: page.items.map((q) => presentQuote(ctx.principal, q, settings.quoteDiscountLimitPct)), nextCursor: page.nextCursor };
  });

  app.get('/quotes/:id', {
    config: { permission: { object: 'quote', action: 'read' } },
    schema: { tags, summary: 'One quote with its lines', params: idParams, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return full({ ...ctx, db: ctx.readDb }, req.params.id);
  });

  app.post('/quotes', {
    config: { permission: { object: 'quote', action: 'create' } },
    schema: { tags, summary: 'Draft a quote for an account you see, optionally for one of its opportunities; unpriced lines get the account\'s price', body: createQuoteBody, response: { 201: quoteSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const id = await createQuote(ctx, req.body);
    reply.status(201);
    return full(ctx, id);
  });

  app.patch('/quotes/:id', {
    config: { permission: { object: 'quote', action: 'update' } },
    schema: { tags, summary: 'Edit a draft or rejected quote (send the version you read)', params: idParams, body: updateQuoteBody, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await updateQuote(ctx, req.params.id, req.body);
    return full(ctx, req.params.id);
  });

  app.post('/quotes/:id/submit', {
    config: { permission: { object: 'quote', action: 'update' } },
    schema: { tags, summary: "Submit a draft: approved at once, or held for a manager when a discount is above the tenant's limit", params: idParams, body: versionBody, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await submitQuote(ctx, req.params.id, req.body.version);
    return full(ctx, req.params.id);
  });

  app.post('/quotes/:id/approve', {
    config: { permission: { object: 'quote', action: 'approve' } },
    schema: { tags, summary: 'Approve a quote held for its discount', params: idParams, body: decisionBody, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await decideQuote(ctx, req.params.id, req.body.version, true, req.body.note);
    return full(ctx, req.params.id);
  });

  app.post('/quotes/:id/reject', {
    config: { permission: { object: 'quote', action: 'approve' } },
    schema: { tags, summary: 'Reject a quote held for its discount; the rep may edit and resubmit it', params: idParams, body: decisionBody, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await decideQuote(ctx, req.params.id, req.body.version, false, req.body.note);
    return full(ctx, req.params.id);
  });

  app.post('/quotes/:id/send', {
    config: { permission: { object: 'quote', action: 'update' } },
    schema: { tags, summary: 'Mark an approved quote as sent to the customer', params: idParams, body: versionBody, response: { 200: quoteSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await sendQuote(ctx, req.params.id, req.body.version);
    return full(ctx, req.params.id);
  });

  app.post('/quotes/:id/revise', {
    config: { permission: { object: 'quote', action: 'update' } },
    schema: { tags, summary: 'Start the next version of a quote (a draft copy); the old version is superseded', params: idParams, body: versionBody, response: { 201: quoteSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const id = await reviseQuote(ctx, req.params.id, req.body.version);
    reply.status(201);
    return full(ctx, id);
  });

  app.get('/quotes/:id/pdf', {
    config: { permission: { object: 'quote', action: 'read' } },
    schema: { tags, summary: 'The printable quote as PDF, in Chinese or English', params: idParams, querystring: pdfQuery, response: { 200: z.any().describe('application/pdf') } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const q = await getQuote(ctx.readDb, ctx.principal, req.params.id);
    const [lines, [tenant]] = await Promise.all([
      quoteLinesOf(ctx.readDb, ctx.principal.tenantId, q.id),
      ctx.readDb.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.principal.tenantId)),
    ]);
    const pdf = await quotePdf(q, lines, req.query.lang, tenant?.name ?? '');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${q.number}-v${q.revision}.pdf"`)
      .send(pdf);
  });
}
