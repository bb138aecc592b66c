import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { webhooksCapability } from './webhooks.objects.ts';
import { createWebhook, deleteWebhook, replayDelivery, replayFailed, rotateSecret, sendTestEvent, updateWebhook } from './webhooks.commands.ts';
import { presentDelivery, presentDeliveryDetail, presentEvents, presentWebhook } from './webhooks.presenter.ts';
import { getDelivery, getWebhook, listAttempts, listDeliveries, listWebhooks, webhookStats } from './webhooks.queries.ts';
import {
  createWebhookBody, deliveryDetailSchema, deliverySchema, idParams, listDeliveriesQuery, rotateSecretBody, updateWebhookBody,
  webhookEventSchema, webhookSchema, withSecretSchema,
} from './webhooks.types.ts';

const tags = ['Webhooks'];
const permission = { capability: webhooksCapability };

export async function webhooksRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  const present = async (ctx: ReturnType<typeof contextOf>, id: string) => {
    const row = await getWebhook(ctx.db, ctx.principal.tenantId, id);
    return presentWebhook(row, (await webhookStats(ctx.db, ctx.principal.tenantId, [id])).get(id));
  };

  app.get('/webhook-events', {
    config: { permission },
    schema: { tags, summary: 'The events a webhook can subscribe to, in your language', response: { 200: z.object({ items: z.array(webhookEventSchema) }) } },
  }, async (req) => ({ items: presentEvents(req.locale) }));

  app.get('/webhooks', {
    config: { permission },
    schema: { tags, summary: "The company's webhook subscriptions with their delivery counts (never the secret)", response: { 200: z.object({ items: z.array(webhookSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await listWebhooks(ctx.readDb, ctx.principal.tenantId);
    const stats = await webhookStats(ctx.readDb, ctx.principal.tenantId, rows.map((r) => r.id));
    return { items: rows.map((r) => presentWebhook(r, stats.get(r.id))) };
  });

  app.post('/webhooks', {
    config: { permission },
    schema: {
      tags,
      summary: 'Subscribe a URL (http or https) to events; the signing secret is in this answer only',
      body: createWebhookBody,
      response: { 201: withSecretSchema },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const { webhook, secret } = await createWebhook(ctx, req.body);
    reply.status(201);
    return { webhook: presentWebhook(webhook, undefined), secret };
  });

  app.get('/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: 'One webhook subscription', params: idParams, response: { 200: webhookSchema } },
  }, async (req) => present(contextOf(req), req.params.id));

  app.patch('/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: 'Change the name, URL or events, or disable/enable (active); a stale version is a 409', params: idParams, body: updateWebhookBody, response: { 200: webhookSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await updateWebhook(ctx, req.params.id, req.body);
    return present(ctx, req.params.id);
  });

  app.delete('/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: 'Delete a subscription and its delivery log', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteWebhook(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/webhooks/:id/rotate-secret', {
    config: { permission },
    schema: {
      tags,
      summary: 'Issue a new signing secret (in this answer only); the old one also signs for keepPreviousHours',
      params: idParams,
      body: rotateSecretBody,
      response: { 200: withSecretSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const { secret } = await rotateSecret(ctx, req.params.id, req.body);
    return { webhook: await present(ctx, req.params.id), secret };
  });

  app.post('/webhooks/:id/test', {
    config: { permission },
    schema: { tags, summary: 'Queue a webhook.test delivery to the URL; watch its outcome in the delivery log', params: idParams, response: { 202: deliverySchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const id = await sendTestEvent(ctx, req.params.id);
    reply.status(202);
    return presentDelivery(await getDelivery(ctx.db, ctx.principal.tenantId, id));
  });

  app.post('/webhooks/:id/replay-failed', {
    config: { permission },
    schema: { tags, summary: 'Send every failed delivery of the subscription again', params: idParams, response: { 202: z.object({ count: z.number().int() }) } },
  }, async (req, reply) => {
    const count = await replayFailed(contextOf(req), req.params.id);
    reply.status(202);
    return { count };
  });

  app.get('/webhooks/:id/deliveries', {
    config: { permission },
    schema: { tags, summary: 'Delivery log of a subscription, newest first (kept 30 days)', params: idParams, querystring: listDeliveriesQuery, response: { 200: pageSchema(deliverySchema) } },
  }, async (req) => {
    const ctx = contextOf(req);
    await getWebhook(ctx.readDb, ctx.principal.tenantId, req.params.id);
    const { rows, nextCursor } = await listDeliveries(ctx.readDb, ctx.principal.tenantId, req.params.id, req.query);
    return { items: rows.map(presentDelivery), nextCursor };
  });

  app.get('/webhook-deliveries/:id', {
    config: { permission },
    schema: { tags, summary: 'One delivery: the payload as sent and every attempt with its answer', params: idParams, response: { 200: deliveryDetailSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const d = await getDelivery(ctx.readDb, ctx.principal.tenantId, req.params.id);
    return presentDeliveryDetail(d, await listAttempts(ctx.readDb, ctx.principal.tenantId, d.id));
  });

  app.post('/webhook-deliveries/:id/replay', {
    config: { permission },
    schema: { tags, summary: 'Send a delivery again now (same delivery and event id), with a fresh retry schedule', params: idParams, response: { 202: deliverySchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    await replayDelivery(ctx, req.params.id);
    reply.status(202);
    return presentDelivery(await getDelivery(ctx.db, ctx.principal.tenantId, req.params.id));
  });
}
