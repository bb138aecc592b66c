import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/access/principal.ts';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { amountsVisible } from '../opportunities/opportunities.presenter.ts';
import { defaultPipeline, getPipeline } from '../pipelines/pipelines.queries.ts';
import { forecast } from './forecast.queries.ts';
import { funnel, stageTimes } from './funnel.queries.ts';
import { forecastQuery, forecastSchema, funnelSchema, reportFilters, stageTimesSchema, winLossQuery, winLossSchema } from './reports.types.ts';
import './sales-targets.objects.ts';
import './sales-targets.records.ts';
import { createSalesTarget, deleteSalesTarget, updateSalesTarget } from './sales-targets.commands.ts';
import { presentSalesTarget } from './sales-targets.presenter.ts';
import { getSalesTarget, listSalesTargets } from './sales-targets.queries.ts';
import { createSalesTargetBody, idParams, listSalesTargetsQuery, salesTargetSchema, updateSalesTargetBody } from './sales-targets.types.ts';
import { winLoss } from './win-loss.queries.ts';

const tags = ['Sales reports'];
const readDeals = { permission: { object: 'opportunity', action: 'read' } } as const;

const pipelineOf = (ctx: Ctx, id: string | undefined) =>
  id ? getPipeline(ctx.readDb, ctx.principal.tenantId, id) : defaultPipeline(ctx.readDb, ctx.principal.tenantId);

/** Amounts in reports follow the rule on a deal's amount: whoever may not see one may not see sums of them. */
function money<T extends Record<string, unknown>>(p: Principal, row: T, keys: (keyof T)[]): T {
  if (amountsVisible(p)) return row;
  return { ...row, ...Object.fromEntries(keys.map((k) => [k, null])) };
}

export async function forecastRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/reports/funnel', {
    config: readDeals,
    schema: { tags, summary: 'Funnel of the deals created in a period: reached per stage, now per stage, conversion, won and lost', querystring: reportFilters, response: { 200: funnelSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const result = await funnel(ctx.readDb, ctx.principal, await pipelineOf(ctx, req.query.pipelineId), req.query);
    const p = ctx.principal;
    return {
      ...result,
      total: money(p, result.total, ['amount']),
      won: money(p, result.won, ['amount']),
      lost: money(p, result.lost, ['amount']),
      stages: result.stages.map((s) => money(p, s, ['reachedAmount', 'currentAmount'])),
    };
  });

  app.get('/reports/stage-times', {
    config: readDeals,
    schema: { tags, summary: 'Days spent in each stage by the stays that began in a period: average, median, still in', querystring: reportFilters, response: { 200: stageTimesSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return stageTimes(ctx.readDb, ctx.principal, await pipelineOf(ctx, req.query.pipelineId), req.query);
  });

  app.get('/reports/win-loss', {
    config: readDeals,
    schema: { tags, summary: 'Deals won and lost in a period by reason, competitor, source or rep', querystring: winLossQuery, response: { 200: winLossSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await winLoss(ctx.readDb, ctx.principal, req.query);
    return { by: req.query.by, rows: rows.map((r) => money(ctx.principal, r, ['wonAmount', 'lostAmount'])) };
  });

  app.get('/reports/forecast', {
    config: readDeals,
    schema: { tags, summary: 'Pipeline, weighted, committed and won per month or quarter by rep or unit, against their targets', querystring: forecastQuery, response: { 200: forecastSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await forecast(ctx.readDb, ctx.principal, req.query);
    return { period: req.query.period, by: req.query.by, rows: rows.map((r) => money(ctx.principal, r, ['pipeline', 'weighted', 'committed', 'won'])) };
  });

  app.get('/sales-targets', {
    config: { permission: { object: 'sales_target', action: 'read' } },
    schema: { tags, summary: 'Sales targets in your data scope', querystring: listSalesTargetsQuery, response: { 200: z.object({ items: z.array(salesTargetSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: (await listSalesTargets(ctx.readDb, ctx.principal, req.query)).map((t) => presentSalesTarget(ctx.principal, t)) };
  });

  app.get('/sales-targets/:id', {
    config: { permission: { object: 'sales_target', action: 'read' } },
    schema: { tags, summary: 'One sales target', params: idParams, response: { 200: salesTargetSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentSalesTarget(ctx.principal, await getSalesTarget(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/sales-targets', {
    config: { permission: { object: 'sales_target', action: 'create' } },
    schema: { tags, summary: 'Set the target of a rep or a unit for a month, quarter or year', body: createSalesTargetBody, response: { 201: salesTargetSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const created = await createSalesTarget(ctx, req.body);
    reply.status(201);
    return presentSalesTarget(ctx.principal, created);
  });

  app.patch('/sales-targets/:id', {
    config: { permission: { object: 'sales_target', action: 'update' } },
    schema: { tags, summary: 'Change a target (send the version you read)', params: idParams, body: updateSalesTargetBody, response: { 200: salesTargetSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentSalesTarget(ctx.principal, await updateSalesTarget(ctx, req.params.id, req.body));
  });

  app.delete('/sales-targets/:id', {
    config: { permission: { object: 'sales_target', action: 'delete' } },
    schema: { tags, summary: 'Remove a target', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteSalesTarget(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
