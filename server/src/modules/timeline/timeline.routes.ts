import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { findAccount } from '../accounts/accounts.queries.ts';
import './changes.source.ts';
import { readTimeline } from './timeline.merge.ts';
import { accountParams, timelineSchemas } from './timeline.types.ts';

export async function timelineRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const schemas = timelineSchemas();

  app.get('/accounts/:id/timeline', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: {
      tags: ['Accounts'],
      summary: "The account's timeline, newest first: activities, record changes and what later modules add, one page at a time",
      params: accountParams,
      querystring: schemas.query,
      response: { 200: schemas.page },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    if (!(await findAccount(ctx.readDb, ctx.principal, req.params.id))) throw notFound();
    return readTimeline(ctx, req.params.id, { limit: req.query.limit, cursor: req.query.cursor, types: req.query.type });
  });
}
