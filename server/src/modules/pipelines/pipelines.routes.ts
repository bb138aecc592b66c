import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import './pipelines.defaults.ts';
import { pipelineCaps } from './pipelines.objects.ts';
import { createPipeline, updatePipeline } from './pipelines.commands.ts';
import { presentPipeline } from './pipelines.presenter.ts';
import { listPipelines } from './pipelines.queries.ts';
import { createPipelineBody, idParams, pipelineSchema, updatePipelineBody } from './pipelines.types.ts';

const tags = ['Pipelines'];

export async function pipelinesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/pipelines', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'The sales pipelines of the company with their stages (default first among equals)', response: { 200: z.object({ items: z.array(pipelineSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const items = await listPipelines(ctx.readDb, ctx.principal.tenantId);
    return { items: items.map((r) => presentPipeline(ctx.principal, r)) };
  });

  app.post('/pipelines', {
    config: { permission: { capability: pipelineCaps.manage } },
    schema: { tags, summary: 'Create a pipeline with its stages', body: createPipelineBody, response: { 201: pipelineSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const created = await createPipeline(ctx, req.body);
    reply.status(201);
    return presentPipeline(ctx.principal, created);
  });

  app.patch('/pipelines/:id', {
    config: { permission: { capability: pipelineCaps.manage } },
    schema: { tags, summary: 'Rename, (de)activate, make default or re-stage a pipeline (send the version you read)', params: idParams, body: updatePipelineBody, response: { 200: pipelineSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentPipeline(ctx.principal, await updatePipeline(ctx, req.params.id, req.body));
  });
}
