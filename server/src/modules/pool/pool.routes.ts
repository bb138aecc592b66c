import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit, diff } from '../../platform/audit/audit.ts';
import { contextOf } from '../../platform/http/context.ts';
import { assignFromPool, claimAccount, releaseAccount, transferBook } from './pool.commands.ts';
import './pool-account-hooks.ts';
import { poolCaps } from './pool.objects.ts';
import { presentHistory, presentPoolItem, presentRule } from './pool.presenter.ts';
import { accountOwnerHistory, listPool } from './pool.queries.ts';
import { listRules, putRule } from './pool-rules.ts';
import {
  accountIdParams, assignBody, historyItemSchema, poolListQuery, poolPageSchema, releaseBody, ruleBody, ruleSchema, transferBody,
  poolSummarySchema, transferResultSchema,
} from './pool.types.ts';
import { poolSummary } from './pool-summary.ts';

const tags = ['Public pool'];
const ruleFields = ['maxPrivate', 'idleDays', 'noWonDealDays', 'warnDays', 'reclaimCooldownDays'] as const;

export async function poolRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/pool', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Customers in the public pools of your units (公海)', querystring: poolListQuery, response: { 200: poolPageSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const page = await listPool(ctx.readDb, ctx.principal, req.query);
    return { items: page.items.map(presentPoolItem), nextCursor: page.nextCursor };
  });

  app.get('/pool/summary', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Your private customers against your cap, and the pools you may pick', response: { 200: poolSummarySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return poolSummary(ctx.readDb, ctx.principal);
  });

  app.post('/pool/:id/claim', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: {
      tags, summary: 'Claim a pool customer (409 pool_cap_reached, pool_already_claimed, pool_reclaim_cooldown)',
      params: accountIdParams, response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await claimAccount(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/pool/:id/assign', {
    config: { permission: { object: 'account', action: 'assign' } },
    schema: { tags, summary: 'Hand a pool customer to someone you manage', params: accountIdParams, body: assignBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await assignFromPool(contextOf(req), req.params.id, req.body.userId);
    return reply.status(204).send(null);
  });

  app.post('/accounts/:id/release', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Put a customer back into its unit\'s public pool', params: accountIdParams, body: releaseBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await releaseAccount(contextOf(req), req.params.id, req.body.note);
    return reply.status(204).send(null);
  });

  app.get('/accounts/:id/owner-history', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Who owned a customer and why it changed hands, newest first', params: accountIdParams, response: { 200: z.object({ items: z.array(historyItemSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: (await accountOwnerHistory(ctx.readDb, ctx.principal, req.params.id)).map(presentHistory) };
  });

  app.post('/pool/transfer', {
    config: { permission: { object: 'account', action: 'assign' } },
    schema: { tags, summary: 'Move every customer and open task of a departing rep to others, in one transaction', body: transferBody, response: { 200: transferResultSchema } },
  }, async (req) => {
    const { fromUserId, toUserId, distribution } = req.body;
    return transferBook(contextOf(req), fromUserId, toUserId ? [toUserId] : distribution!);
  });

  app.get('/pool/rules', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Pool rules: the tenant default and per-unit overrides', response: { 200: z.object({ items: z.array(ruleSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: (await listRules(ctx.readDb, ctx.principal.tenantId)).map(presentRule) };
  });

  app.post('/pool/rules', {
    config: { permission: { capability: poolCaps.rulesManage } },
    schema: { tags, summary: 'Set the pool rule of the tenant (unitId null) or of one unit', body: ruleBody, response: { 200: ruleSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rule = await ctx.db.transaction(async (tx) => {
      const { before, after } = await putRule(tx, ctx.principal.tenantId, req.body);
      await audit(tx, ctx.actor, {
        action: before ? 'update' : 'create', objectType: 'pool_rule', objectId: after.id, changes: diff(before, after, ruleFields),
      });
      return after;
    });
    return presentRule(rule);
  });
}
