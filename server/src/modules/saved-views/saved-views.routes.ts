import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import './saved-views.objects.ts';
import { clearDefaultView, createView, deleteView, setDefaultView, updateView } from './saved-views.commands.ts';
import { presentView } from './saved-views.presenter.ts';
import { getView, listViews } from './saved-views.queries.ts';
import { createViewBody, idParams, listViewsQuery, objectTypeParams, updateViewBody, viewSchema } from './saved-views.types.ts';

const tags = ['Saved views'];
// Views are per user: the queries show each caller only their own views and those shared with them,
// and the policy decides who may change one.
const signedIn = { signedIn: true } as const;

export async function savedViewsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/saved-views', {
    config: { permission: signedIn },
    schema: { tags, summary: "Your views of an object type's list and those shared with you", querystring: listViewsQuery, response: { 200: z.object({ items: z.array(viewSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await listViews(ctx.readDb, ctx.principal, req.query.objectType);
    return { items: rows.map((v) => presentView(ctx.principal, v)) };
  });

  app.get('/saved-views/:id', {
    config: { permission: signedIn },
    schema: { tags, summary: 'One saved view', params: idParams, response: { 200: viewSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentView(ctx.principal, await getView(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/saved-views', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Save a list view (sharing with everyone needs views.manage_shared)', body: createViewBody, response: { 201: viewSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    reply.status(201);
    return presentView(ctx.principal, await createView(ctx, req.body));
  });

  app.patch('/saved-views/:id', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Change a view you own, or a shared view with views.manage_shared (send the version you read)', params: idParams, body: updateViewBody, response: { 200: viewSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentView(ctx.principal, await updateView(ctx, req.params.id, req.body));
  });

  app.delete('/saved-views/:id', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Delete a view you own, or a shared view with views.manage_shared', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteView(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/saved-views/:id/default', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Make a view you can see your default for its list', params: idParams, response: { 200: viewSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentView(ctx.principal, await setDefaultView(ctx, req.params.id));
  });

  app.delete('/saved-views/defaults/:objectType', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Go back to the built-in list view for an object type', params: objectTypeParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await clearDefaultView(contextOf(req), req.params.objectType);
    return reply.status(204).send(null);
  });
}
