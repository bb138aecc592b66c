import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { findDuplicates } from './check/duplicate-check.ts';
import './check/first-to-register.ts';
import { dedupCaps } from './dedup.objects.ts';
import { duplicateCheckBody, duplicateCheckResponse, reportQuery, reportResponse, reportRunSchema, reportStatusResponse } from './dedup.types.ts';
import { requestReportRun } from './report/report.commands.ts';
import { presentRun } from './report/report.presenter.ts';
import { reportGroups, reportRuns } from './report/report.queries.ts';

const tags = ['Duplicates'];

export async function dedupRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  // account:read, not create: editing checks too. What leaves the caller's scope is minimal (see findDuplicates).
  app.post('/accounts/duplicate-check', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Possible duplicates of an account being entered, across the tenant, with score, reasons and who holds them', body: duplicateCheckBody, response: { 200: duplicateCheckResponse } },
  }, async (req) => {
    const ctx = contextOf(req);
    const { excludeId, ...input } = req.body;
    return { candidates: await findDuplicates(ctx.db, ctx.principal, input, excludeId) };
  });

  app.get('/duplicates/report', {
    config: { permission: { capability: dedupCaps.manage } },
    schema: {
      tags,
      summary: 'Groups of likely duplicate accounts from the latest computed run, paged; members outside your data scope are left out',
      querystring: reportQuery,
      response: { 200: reportResponse },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const runs = await reportRuns(ctx.readDb, ctx.principal.tenantId);
    const page = runs.latest ? await reportGroups(ctx.readDb, ctx.principal, runs.latest.id, req.query) : { total: 0, groups: [] };
    return { ...presentRuns(runs), ...page };
  });

  // The primary, not a replica: the page polls this for the progress of a run it just started.
  app.get('/duplicates/report/status', {
    config: { permission: { capability: dedupCaps.manage } },
    schema: { tags, summary: 'The latest finished run of the duplicate report and the one being computed', response: { 200: reportStatusResponse } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentRuns(await reportRuns(ctx.db, ctx.principal.tenantId));
  });

  app.post('/duplicates/report/runs', {
    config: { permission: { capability: dedupCaps.manage } },
    schema: { tags, summary: 'Recompute the duplicate report in the background (409 while a run is queued or running)', response: { 202: reportRunSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const run = await requestReportRun(ctx);
    return reply.code(202).send(presentRun(run));
  });
}

function presentRuns(runs: Awaited<ReturnType<typeof reportRuns>>) {
  return {
    latest: runs.latest ? presentRun(runs.latest) : null,
    active: runs.active ? presentRun(runs.active) : null,
    failed: runs.failed ? presentRun(runs.failed) : null,
  };
}
