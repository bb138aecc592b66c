import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { findDuplicates } from './check/duplicate-check.ts';
import './check/first-to-register.ts';
import { dedupCaps } from './dedup.objects.ts';
import { duplicateCheckBody, duplicateCheckResponse, reportQuery, reportResponse } from './dedup.types.ts';
import { duplicateReport } from './report/duplicate-report.ts';

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
    schema: { tags, summary: 'Groups of likely duplicate accounts across the tenant', querystring: reportQuery, response: { 200: reportResponse } },
  }, async (req) => {
    const ctx = contextOf(req);
    return duplicateReport(ctx.readDb, ctx.principal.tenantId, { limit: req.query.limit });
  });
}
