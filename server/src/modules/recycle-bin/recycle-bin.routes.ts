import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access/principal.ts';
import { getRecordType, listRecordTypes } from '../../platform/access/records.ts';
import { contextOf } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';

const tags = ['Recycle bin'];

const deletedSchema = z
  .object({ type: z.string(), id: z.uuid(), label: z.string(), deletedAt: z.iso.datetime(), deletedBy: z.uuid().nullable() })
  .meta({ id: 'DeletedRecord' });

export async function recycleBinRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/recycle-bin', {
    config: { permission: { capability: 'recycle_bin.manage' } },
    schema: {
      tags,
      summary: 'Soft-deleted records in your scope, newest first',
      querystring: z.object({ type: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(deletedSchema) }) },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const types = listRecordTypes().filter((t) => t.listDeleted && (!req.query.type || t.type === req.query.type));
    const lists = await Promise.all(types.map(async (t) => (await t.listDeleted!(ctx, req.query.limit)).map((r) => ({ ...r, type: t.type }))));
    const items = lists.flat().sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime()).slice(0, req.query.limit);
    return { items: items.map((r) => ({ ...r, deletedAt: r.deletedAt.toISOString() })) };
  });

  app.post('/recycle-bin/:type/:id/restore', {
    config: { permission: { capability: 'recycle_bin.manage' } },
    schema: { tags, summary: 'Restore a deleted record', params: z.object({ type: z.string(), id: z.uuid() }), response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const type = getRecordType(req.params.type);
    if (!type?.restore) throw notFound();
    // Restoring is undoing a delete: it needs the delete right on that object too.
    if (!can(ctx.principal, req.params.type, 'delete')) throw forbidden();
    await type.restore(ctx, req.params.id);
    return reply.status(204).send(null);
  });
}
