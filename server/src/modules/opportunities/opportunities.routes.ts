import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { pageSchema, selectFields } from '../../platform/http/pagination.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import { defaultPipeline, getPipeline } from '../pipelines/pipelines.queries.ts';
import { loadBoard, loadCoaching } from './board.queries.ts';
import './opportunities.objects.ts';
import './opportunities.records.ts';
import './opportunities.search.ts';
import './opportunities.timeline.ts';
import { createOpportunity, deleteOpportunity, moveOpportunity, updateOpportunity } from './opportunities.commands.ts';
import { amountsVisible, presentCard, presentOpportunity } from './opportunities.presenter.ts';
import { getOpportunity, listOpportunities } from './opportunities.queries.ts';
import {
  boardQuery, boardSchema, coachingQuery, coachingSchema, createOpportunityBody, idParams, listOpportunitiesQuery, moveOpportunityBody,
  opportunitySchema, stageHistorySchema, updateOpportunityBody,
} from './opportunities.types.ts';
import { stageHistory } from './stage-history.queries.ts';

const tags = ['Opportunities'];
const read = { permission: { object: 'opportunity', action: 'read' } } as const;

export async function opportunitiesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const fieldsOf = (ctx: Ctx) => loadCustomFields(ctx.readDb, ctx.principal.tenantId, 'opportunity');

  app.get('/opportunities', {
    config: read,
    schema: { tags, summary: 'Deals in your data scope, filtered and sorted, one page at a time', querystring: listOpportunitiesQuery, response: { 200: pageSchema(opportunitySchema.partial()) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await fieldsOf(ctx);
    const page = await listOpportunities(ctx.readDb, ctx.principal, req.query, defs);
    const now = new Date();
    return { items: page.items.map((o) => selectFields(presentOpportunity(ctx.principal, o, defs, now), req.query.fields)), nextCursor: page.nextCursor };
  });

  app.get('/opportunities/board', {
    config: read,
    schema: { tags, summary: 'The kanban of a pipeline: per stage the count, sum, weighted sum and the first deals by close date', querystring: boardQuery, response: { 200: boardSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const pipeline = req.query.pipelineId
      ? await getPipeline(ctx.readDb, ctx.principal.tenantId, req.query.pipelineId)
      : await defaultPipeline(ctx.readDb, ctx.principal.tenantId);
    const columns = await loadBoard(ctx.readDb, ctx.principal, pipeline, req.query);
    const now = new Date();
    return {
      pipelineId: pipeline.id,
      columns: columns.map((c) => {
        const amountVisible = amountsVisible(ctx.principal);
        return {
          stageId: c.stage.id, name: c.stage.name, kind: c.stage.kind, probability: c.stage.probability, count: c.count,
          amount: amountVisible ? c.amount : null,
          weightedAmount: amountVisible ? c.weighted : null,
          items: c.items.map((o) => presentCard(ctx.principal, o, now)),
        };
      }),
    };
  });

  app.get('/opportunities/coaching', {
    config: read,
    schema: { tags, summary: "Each rep's open deals with stale ones, ones past their close date and ones without a next step", querystring: coachingQuery, response: { 200: coachingSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const { reps, deals } = await loadCoaching(ctx.readDb, ctx.principal, req.query);
    const now = new Date();
    const hideAmounts = !amountsVisible(ctx.principal);
    return {
      reps: reps.map((r) => ({ ...r, openAmount: hideAmounts ? null : r.openAmount, weightedAmount: hideAmounts ? null : r.weightedAmount })),
      deals: deals.map((d) => ({
        ...presentCard(ctx.principal, d, now),
        stageName: d.stageName,
        flags: [
          ...(d.isStale ? (['stale'] as const) : []),
          ...(d.isPastClose ? (['past_close'] as const) : []),
          ...(d.isNoNextStep ? (['no_next_step'] as const) : []),
        ],
      })),
    };
  });

  app.get('/opportunities/:id', {
    config: read,
    schema: { tags, summary: 'One deal with its contacts and lines', params: idParams, response: { 200: opportunitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const [opp, defs] = await Promise.all([getOpportunity(ctx.readDb, ctx.principal, req.params.id), fieldsOf(ctx)]);
    return presentOpportunity(ctx.principal, opp, defs);
  });

  app.get('/opportunities/:id/stage-history', {
    config: read,
    schema: { tags, summary: "The deal's stays in each stage: entered, left, days", params: idParams, response: { 200: stageHistorySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await getOpportunity(ctx.readDb, ctx.principal, req.params.id);
    return { items: await stageHistory(ctx.readDb, ctx.principal, req.params.id) };
  });

  app.post('/opportunities', {
    config: { permission: { object: 'opportunity', action: 'create' } },
    schema: { tags, summary: 'Create a deal for an account you can see (in the default pipeline and its first stage unless told)', body: createOpportunityBody, response: { 201: opportunitySchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const created = await createOpportunity(ctx, req.body);
    reply.status(201);
    return presentOpportunity(ctx.principal, created, await fieldsOf(ctx));
  });

  app.patch('/opportunities/:id', {
    config: { permission: { object: 'opportunity', action: 'update' } },
    schema: { tags, summary: 'Update a deal (send the version you read); reassigning needs the assign right; stages change through /move', params: idParams, body: updateOpportunityBody, response: { 200: opportunitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentOpportunity(ctx.principal, await updateOpportunity(ctx, req.params.id, req.body), await fieldsOf(ctx));
  });

  app.post('/opportunities/:id/move', {
    config: { permission: { object: 'opportunity', action: 'update' } },
    schema: { tags, summary: 'Move a deal to another stage of its pipeline (the kanban drag); won and lost stages close it', params: idParams, body: moveOpportunityBody, response: { 200: opportunitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentOpportunity(ctx.principal, await moveOpportunity(ctx, req.params.id, req.body), await fieldsOf(ctx));
  });

  app.delete('/opportunities/:id', {
    config: { permission: { object: 'opportunity', action: 'delete' } },
    schema: { tags, summary: 'Move a deal to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteOpportunity(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}

