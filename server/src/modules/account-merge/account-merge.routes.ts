import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import './account-merge.objects.ts';
import './merged-history.source.ts';
import { mergeCapability } from './account-merge.objects.ts';
import { presentMerge, presentMergeOutcome } from './account-merge.presenter.ts';
import { getMerge, listMerges } from './account-merge.queries.ts';
import { accountMergeSchema, listMergesQuery, mergeBody, mergeIdParams, mergeQuery, mergeResultSchema } from './account-merge.types.ts';
import { mergeAccounts } from './mergeAccounts.ts';
import { undoMerge } from './undoMerge.ts';

const tags = ['Account merge'];
const permission = { capability: mergeCapability };

export async function accountMergeRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/accounts/merge', {
    config: { permission },
    schema: {
      tags,
      summary: 'Merge accounts into a survivor: every related record moves to it; with dryRun=true, only say what would happen. Any account outside your scope: 404; a stale version: 409',
      querystring: mergeQuery,
      body: mergeBody,
      response: { 200: mergeResultSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const outcome = await mergeAccounts(ctx, req.body, { dryRun: req.query.dryRun === 'true' });
    return presentMergeOutcome(ctx.principal, outcome, await loadCustomFields(ctx.db, ctx.principal.tenantId, 'account'));
  });

  app.get('/account-merges', {
    config: { permission },
    schema: { tags, summary: 'Recent merges whose surviving account is in your scope, newest first', querystring: listMergesQuery, response: { 200: z.object({ items: z.array(accountMergeSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: (await listMerges(ctx.readDb, ctx.principal, req.query)).map((r) => presentMerge(r)) };
  });

  app.get('/account-merges/:id', {
    config: { permission },
    schema: { tags, summary: 'One merge', params: mergeIdParams, response: { 200: accountMergeSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentMerge(await getMerge(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/account-merges/:id/undo', {
    config: { permission },
    schema: {
      tags,
      summary: 'Undo a merge: the merged accounts come back with exactly the rows that moved; refused (409) after 30 days or when records changed since',
      params: mergeIdParams,
      response: { 200: accountMergeSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    await undoMerge(ctx, req.params.id);
    return presentMerge(await getMerge(ctx.db, ctx.principal, req.params.id));
  });
}
