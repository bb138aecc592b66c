import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionChildren } from './regions.ts';

const regionSchema = z
  .object({
    code: z.string().describe('GB/T 2260 code'),
    name: z.string(),
    level: z.enum(['province', 'city', 'district']),
    hasChildren: z.boolean(),
  })
  .meta({ id: 'Region' });

export async function regionsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/regions', {
    config: { permission: { signedIn: true } },
    schema: {
      tags: ['Regions'],
      summary: 'Chinese regions (GB/T 2260) one level at a time, for province/city/district cascaders',
      querystring: z.object({ parent: z.string().regex(/^\d{6}$/).optional().describe('omit for provinces') }),
      response: { 200: z.object({ items: z.array(regionSchema) }) },
    },
  }, async (req, reply) => {
    // The list changes only with a package upgrade; let browsers keep it for a day.
    reply.header('cache-control', 'private, max-age=86400');
    return {
      items: regionChildren(req.query.parent).map((r) => ({
        code: r.code, name: r.name, level: r.level, hasChildren: regionChildren(r.code).length > 0,
      })),
    };
  });
}
