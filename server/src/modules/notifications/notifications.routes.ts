import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { markAllRead, markRead } from './notifications.commands.ts';
import { presentNotification } from './notifications.presenter.ts';
import { listNotifications, unreadCount } from './notifications.queries.ts';
import { idParams, listNotificationsQuery, notificationSchema, unreadCountSchema } from './notifications.types.ts';

const tags = ['Notifications'];
// Everyone has notifications and sees only their own: the handlers filter on the caller.
const permission = { signedIn: true } as const;

export async function notificationsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/notifications', {
    config: { permission },
    schema: { tags, summary: 'My notifications, unread first, newest first within each', querystring: listNotificationsQuery, response: { 200: pageSchema(notificationSchema) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const page = await listNotifications(ctx.readDb, ctx.principal, req.query);
    return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
  });

  app.get('/notifications/unread-count', {
    config: { permission },
    schema: { tags, summary: 'How many of my notifications are unread (for the bell)', response: { 200: unreadCountSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return unreadCount(ctx.readDb, ctx.principal);
  });

  app.post('/notifications/:id/read', {
    config: { permission },
    schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await markRead(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/notifications/read-all', {
    config: { permission },
    schema: { tags, summary: 'Mark all my notifications read', response: { 200: z.object({ updated: z.number().int() }) } },
  }, async (req) => ({ updated: await markAllRead(contextOf(req)) }));
}
