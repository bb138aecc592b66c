import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { pageSchema, selectFields } from '../../platform/http/pagination.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import './activities.objects.ts';
import './activities.records.ts';
import './activities.timeline.ts';
import { completeTask, createActivity, deleteActivity, reopenTask, updateActivity } from './activities.commands.ts';
import { presentActivity } from './activities.presenter.ts';
import { getActivity, listActivities } from './activities.queries.ts';
import { activitySchema, createActivityBody, idParams, listActivitiesQuery, updateActivityBody, versionBody } from './activities.types.ts';
import { calendarRoutes } from './calendar.routes.ts';

const tags = ['Activities'];

export async function activitiesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  await app.register(calendarRoutes);

  const fieldsOf = (ctx: ReturnType<typeof contextOf>) => loadCustomFields(ctx.readDb, ctx.principal.tenantId, 'activity');

  app.get('/activities', {
    config: { permission: { object: 'activity', action: 'read' } },
    schema: { tags, summary: 'Activities in your data scope, newest first, filtered, one page at a time', querystring: listActivitiesQuery, response: { 200: pageSchema(activitySchema.partial()) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await fieldsOf(ctx);
    const page = await listActivities(ctx.readDb, ctx.principal, req.query, defs);
    const now = new Date();
    return { items: page.items.map((a) => selectFields(presentActivity(ctx.principal, a, defs, now), req.query.fields)), nextCursor: page.nextCursor };
  });

  app.get('/activities/:id', {
    config: { permission: { object: 'activity', action: 'read' } },
    schema: { tags, summary: 'One activity', params: idParams, response: { 200: activitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const [activity, defs] = await Promise.all([getActivity(ctx.readDb, ctx.principal, req.params.id), fieldsOf(ctx)]);
    return presentActivity(ctx.principal, activity, defs);
  });

  app.post('/activities', {
    config: { permission: { object: 'activity', action: 'create' } },
    schema: { tags, summary: "Log an activity or create a task; the account and contact must be ones you can see (404 otherwise)", body: createActivityBody, response: { 201: activitySchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const activity = await createActivity(ctx, req.body);
    reply.status(201);
    return presentActivity(ctx.principal, activity, await fieldsOf(ctx));
  });

  app.patch('/activities/:id', {
    config: { permission: { object: 'activity', action: 'update' } },
    schema: { tags, summary: 'Update an activity (send the version you read); reassigning needs the assign right', params: idParams, body: updateActivityBody, response: { 200: activitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentActivity(ctx.principal, await updateActivity(ctx, req.params.id, req.body), await fieldsOf(ctx));
  });

  app.delete('/activities/:id', {
    config: { permission: { object: 'activity', action: 'delete' } },
    schema: { tags, summary: 'Move an activity to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteActivity(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/activities/:id/complete', {
    config: { permission: { object: 'activity', action: 'update' } },
    schema: { tags, summary: 'Complete a task (send the version you read); it counts as a follow-up of its account', params: idParams, body: versionBody, response: { 200: activitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentActivity(ctx.principal, await completeTask(ctx, req.params.id, req.body.version), await fieldsOf(ctx));
  });

  app.post('/activities/:id/reopen', {
    config: { permission: { object: 'activity', action: 'update' } },
    schema: { tags, summary: 'Reopen a completed task (send the version you read)', params: idParams, body: versionBody, response: { 200: activitySchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentActivity(ctx.principal, await reopenTask(ctx, req.params.id, req.body.version), await fieldsOf(ctx));
  });
}
