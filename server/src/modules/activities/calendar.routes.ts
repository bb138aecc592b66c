import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access/principal.ts';
import { actorOf, contextOf, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { loadPrincipal } from '../org/principal-loader.ts';
import { findFeedOwner, rotateFeedToken, touchFeed } from './calendar-feed.ts';
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK, feedCalendar, feedKinds } from './calendar-feed.ics.ts';
import { calendarQuery, calendarSchema, feedParams, feedTokenSchema, myDayQuery, myDaySchema } from './calendar.types.ts';
import { calendar, myDay } from './my-day.queries.ts';

const tags = ['Activities'];
const read = { object: 'activity', action: 'read' } as const;
const DAY_MS = 86_400_000;

export async function calendarRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/my-day', {
    config: { permission: read },
    schema: { tags, summary: 'My overdue tasks, my tasks due today and today\'s visits, meetings and calls', querystring: myDayQuery, response: { 200: myDaySchema } },
  }, async (req) => myDay(contextOf(req), { now: new Date(), timeZone: req.query.tz }));

  app.get('/calendar', {
    config: { permission: read },
    schema: { tags, summary: 'My activities with a time in [from, to), earliest first (week and month views)', querystring: calendarQuery, response: { 200: calendarSchema } },
  }, async (req) => calendar(contextOf(req), { from: new Date(req.query.from), to: new Date(req.query.to), kinds: req.query.kind }));

  app.post('/calendar/feed-token', {
    config: { permission: read },
    schema: { tags, summary: 'Create or replace my secret calendar-feed address; the previous one stops working at once', response: { 200: feedTokenSchema } },
  }, async (req) => {
    const token = await rotateFeedToken(contextOf(req));
    const path = `/api/v1/calendar/feed/${token}.ics`;
    return { token, path, url: `${req.protocol}://${req.host}${path}` };
  });

  // Calendar apps cannot sign in: the secret in the address is the credential. It acts for its user
  // as they are now — deactivated, or no longer allowed to read activities, the feed is gone.
  app.get('/calendar/feed/:token.ics', {
    config: { permission: { public: true } },
    schema: { tags, summary: 'A user\'s activities as an iCalendar feed (text/calendar), 30 days back to 180 ahead', params: feedParams, response: { 200: z.string().describe('text/calendar') } },
  }, async (req, reply) => {
    const db = req.server.database.db;
    const owner = await findFeedOwner(db, req.params.token);
    const principal = owner && (await loadPrincipal(db, owner));
    if (!principal || !can(principal, 'activity', 'read')) throw notFound();
    const ctx: Ctx = { principal, db, readDb: db, actor: actorOf(principal), locale: principal.locale };
    const now = Date.now();
    const { items } = await calendar(ctx, {
      from: new Date(now - FEED_DAYS_BACK * DAY_MS),
      to: new Date(now + FEED_DAYS_AHEAD * DAY_MS),
      kinds: feedKinds,
      cap: 5_000,
    });
    await touchFeed(db, owner!);
    reply.header('cache-control', 'private, max-age=300');
    return reply.type('text/calendar; charset=utf-8').send(feedCalendar({ name: principal.userName, locale: principal.locale ?? 'zh-CN' }, items));
  });
}
