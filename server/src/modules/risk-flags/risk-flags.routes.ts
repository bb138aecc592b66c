import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { clearFlag, flagAccount } from './risk-flags.commands.ts';
import { riskWarningsForQuery } from './risk-flags.lookup.ts';
import './risk-flags.objects.ts';
import { listAccountFlags } from './risk-flags.queries.ts';
import './risk-flags.search.ts';
import { accountIdParams, createFlagBody, flagIdParams, lookupQuery, riskFlagSchema, riskWarningSchema } from './risk-flags.types.ts';

const tags = ['Risk flags'];

export async function riskFlagsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/accounts/:id/risk-flags', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Flag a customer you see as bad debt, fraud or malicious; every branch will see the warning', params: accountIdParams, body: createFlagBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (req, reply) => {
    const id = await flagAccount(contextOf(req), req.params.id, req.body);
    reply.status(201);
    return { id };
  });

  app.get('/accounts/:id/risk-flags', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Risk flags of a customer you see, cleared ones included', params: accountIdParams, response: { 200: z.object({ items: z.array(riskFlagSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: await listAccountFlags(ctx.readDb, ctx.principal, req.params.id) };
  });

  app.post('/risk-flags/:id/clear', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Clear a flag (the flagging unit\'s manager or an administrator)', params: flagIdParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await clearFlag(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  // Deliberately scope-free: the warning, not the customer, is what every user of the tenant may see.
  app.get('/risk-flags/lookup', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Active risk warnings for a name or credit code, across all branches', querystring: lookupQuery, response: { 200: z.object({ items: z.array(riskWarningSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: await riskWarningsForQuery(ctx.readDb, ctx.principal.tenantId, parseSearchQuery(req.query.q)) };
  });
}
