import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getRecordType } from '../../platform/access/records.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { maskChanges } from '../../platform/access/fields.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, listQuery, pageSchema } from '../../platform/http/pagination.ts';
import { users } from '../org/org.schema.ts';

const tags = ['Audit'];

const auditEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorApiKeyId: z.uuid().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.uuid().nullable(),
    objectLabel: z.string().nullable(),
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
    context: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });

type Row = { e: typeof auditEvents.$inferSelect; actorName: string | null };

const present = (p: Principal) => ({ e, actorName }: Row) => ({
  id: e.id, occurredAt: e.occurredAt.toISOString(), actorUserId: e.actorUserId, actorName, actorApiKeyId: e.actorApiKeyId,
  action: e.action, objectType: e.objectType, objectId: e.objectId, objectLabel: e.objectLabel,
  changes: maskChanges(p, e.objectType, e.changes), context: e.context,
});

export async function auditLogRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/audit-events', {
    config: { permission: { capability: 'audit.read' } },
    schema: {
      tags,
      summary: 'Every change in the tenant, newest first',
      querystring: listQuery.extend({
        objectType: z.string().optional(),
        objectId: z.uuid().optional(),
        actorUserId: z.uuid().optional(),
        action: z.string().optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
      }),
      response: { 200: pageSchema(auditEventSchema) },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const q = req.query;
    const conds: (SQL | undefined)[] = [eq(auditEvents.tenantId, ctx.principal.tenantId)];
    if (q.objectType) conds.push(eq(auditEvents.objectType, q.objectType));
    if (q.objectId) conds.push(eq(auditEvents.objectId, q.objectId));
    if (q.actorUserId) conds.push(eq(auditEvents.actorUserId, q.actorUserId));
    if (q.action) conds.push(eq(auditEvents.action, q.action));
    if (q.from) conds.push(gte(auditEvents.occurredAt, new Date(q.from)));
    if (q.to) conds.push(lte(auditEvents.occurredAt, new Date(q.to)));
    const cursor = decodeCursor(q.cursor);
    if (cursor) {
      const at = new Date(String(cursor.v));
      conds.push(or(lt(auditEvents.occurredAt, at), and(eq(auditEvents.occurredAt, at), lt(auditEvents.id, cursor.id))));
    }
    const rows = await ctx.readDb
      .select({ e: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
      .where(and(...conds))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1]?.e;
    return {
      items: page.map(present(ctx.principal)),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.occurredAt.toISOString(), id: last.id }) : null,
    };
  });

  // A record's own history: visible to whoever may see the record, no audit capability needed.
  app.get('/history/:objectType/:objectId', {
    config: { permission: { signedIn: true } },
    schema: {
      tags,
      summary: "One record's history, to anyone who may read the record",
      params: z.object({ objectType: z.string(), objectId: z.uuid() }),
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(auditEventSchema) }) },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const type = getRecordType(req.params.objectType);
    if (!type || !(await type.findVisible(ctx, req.params.objectId, { includeDeleted: true }))) throw notFound();
    const rows = await ctx.readDb
      .select({ e: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
      .where(and(eq(auditEvents.tenantId, ctx.principal.tenantId), eq(auditEvents.objectType, req.params.objectType), eq(auditEvents.objectId, req.params.objectId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(req.query.limit);
    return { items: rows.map(present(ctx.principal)) };
  });
}
