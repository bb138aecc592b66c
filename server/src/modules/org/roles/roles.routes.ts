import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataScopes, listCapabilities, listObjectTypes } from '../../../platform/access/permissions.ts';
import { contextOf } from '../../../platform/http/context.ts';
import { roles, userRoles } from '../org.schema.ts';
import { createRole, deleteRole, findRole, updateRole } from './roles.commands.ts';
import { presentRole } from './roles.presenter.ts';
import { catalogSchema, createRoleBody, idParams, roleSchema, updateRoleBody } from './roles.types.ts';

const tags = ['Roles'];
const manage = { capability: 'roles.manage' } as const;

async function userCounts(db: import('../../../platform/db/engine.ts').Db, tenantId: string) {
  const rows = await db
    .select({ roleId: userRoles.roleId, n: sql<number>`count(*)::int` })
    .from(userRoles)
    .where(eq(userRoles.tenantId, tenantId))
    .groupBy(userRoles.roleId);
  return new Map(rows.map((r) => [r.roleId, r.n]));
}

export async function rolesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  // Role names are needed by anyone who assigns users; their grants are not secret within a tenant.
  app.get('/roles', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'All roles of the company', response: { 200: z.object({ items: z.array(roleSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await ctx.readDb.select().from(roles)
      .where(and(eq(roles.tenantId, ctx.principal.tenantId), isNull(roles.deletedAt))).orderBy(asc(roles.name));
    const counts = await userCounts(ctx.readDb, ctx.principal.tenantId);
    return { items: rows.map((r) => presentRole(ctx.principal, r, counts.get(r.id) ?? 0)) };
  });

  app.get('/roles/catalog', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Object types, actions, scopes and capabilities a role can grant', response: { 200: catalogSchema } },
  }, async (req) => ({
    objects: listObjectTypes().map((o) => ({ type: o.type, label: o.label[req.locale], actions: [...o.actions], sensitiveFields: [...(o.sensitiveFields ?? [])] })),
    capabilities: listCapabilities().map((c) => ({ key: c.key, label: c.label[req.locale] })),
    scopes: [...dataScopes],
  }));

  app.get('/roles/:id', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'One role', params: idParams, response: { 200: roleSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const role = await findRole(ctx.readDb, ctx.principal.tenantId, req.params.id);
    const counts = await userCounts(ctx.readDb, ctx.principal.tenantId);
    return presentRole(ctx.principal, role, counts.get(role.id) ?? 0);
  });

  app.post('/roles', {
    config: { permission: manage },
    schema: { tags, summary: 'Create a role', body: createRoleBody, response: { 201: roleSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    reply.status(201);
    return presentRole(ctx.principal, await createRole(ctx, req.body), 0);
  });

  app.patch('/roles/:id', {
    config: { permission: manage },
    schema: { tags, summary: 'Update a role (send the version you read)', params: idParams, body: updateRoleBody, response: { 200: roleSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const role = await updateRole(ctx, req.params.id, req.body);
    const counts = await userCounts(ctx.db, ctx.principal.tenantId);
    return presentRole(ctx.principal, role, counts.get(role.id) ?? 0);
  });

  app.delete('/roles/:id', {
    config: { permission: manage },
    schema: { tags, summary: 'Delete a role nobody holds', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteRole(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
