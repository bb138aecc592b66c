import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/http/context.ts';
import { createUnit, deleteUnit, updateUnit } from './units.commands.ts';
import { presentUnit } from './units.presenter.ts';
import { getUnit, listUnits } from './units.queries.ts';
import { createUnitBody, idParams, unitSchema, updateUnitBody } from './units.types.ts';

const tags = ['Organisation'];

export async function unitsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/org-units', {
    config: { permission: { object: 'org_unit', action: 'read' } },
    schema: { tags, summary: 'Units in your scope, parents before children', response: { 200: z.object({ items: z.array(unitSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await listUnits(ctx.readDb, ctx.principal);
    return { items: rows.map((u) => presentUnit(ctx.principal, u)) };
  });

  app.get('/org-units/:id', {
    config: { permission: { object: 'org_unit', action: 'read' } },
    schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentUnit(ctx.principal, await getUnit(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/org-units', {
    config: { permission: { object: 'org_unit', action: 'create' } },
    schema: { tags, summary: 'Create a branch or department under a unit', body: createUnitBody, response: { 201: unitSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    reply.status(201);
    return presentUnit(ctx.principal, await createUnit(ctx, req.body));
  });

  app.patch('/org-units/:id', {
    config: { permission: { object: 'org_unit', action: 'update' } },
    schema: { tags, summary: 'Rename or move a unit (send the version you read)', params: idParams, body: updateUnitBody, response: { 200: unitSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentUnit(ctx.principal, await updateUnit(ctx, req.params.id, req.body));
  });

  app.delete('/org-units/:id', {
    config: { permission: { object: 'org_unit', action: 'delete' } },
    schema: { tags, summary: 'Move an empty unit to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    await deleteUnit(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
