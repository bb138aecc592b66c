import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { managementHome } from './home.queries.ts';
import { homeQuery, homeSchema } from './home.types.ts';

export async function homeRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/home', {
    config: { permission: { signedIn: true } },
    schema: {
      tags: ['Home'],
      summary: "The management home: large orders signed lately, the month's bookings and collections against target, the pipeline by stage — within your data scope",
      querystring: homeQuery,
      response: { 200: homeSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    return managementHome(ctx.readDb, ctx.principal, req.query);
  });
}
