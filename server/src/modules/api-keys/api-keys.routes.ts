import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../platform/audit/audit.ts';
import { clearApiKeyCache, generateApiKey } from '../../platform/auth/api-keys.ts';
import { apiKeys } from '../../platform/auth/auth.tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { contextOf } from '../../platform/http/context.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { roles, userRoles } from '../org/org.schema.ts';

const tags = ['API keys'];
const permission = { capability: 'api_keys.manage' } as const;

const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('the visible start of the key: kehu_<prefix>_…'),
    roleId: z.uuid(),
    roleName: z.string().nullable(),
    userId: z.uuid(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function apiKeysRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api-keys', {
    config: { permission },
    schema: { tags, summary: 'API keys of the company (never the secret)', response: { 200: z.object({ items: z.array(apiKeySchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await ctx.readDb
      .select({ key: apiKeys, roleName: roles.name })
      .from(apiKeys)
      .leftJoin(roles, and(eq(roles.tenantId, apiKeys.tenantId), eq(roles.id, apiKeys.roleId)))
      .where(eq(apiKeys.tenantId, ctx.principal.tenantId))
      .orderBy(desc(apiKeys.createdAt));
    return {
      items: rows.map(({ key, roleName }) => ({
        id: key.id, name: key.name, prefix: key.prefix, roleId: key.roleId, roleName, userId: key.userId,
        createdAt: key.createdAt.toISOString(), lastUsedAt: iso(key.lastUsedAt), expiresAt: iso(key.expiresAt), revokedAt: iso(key.revokedAt),
      })),
    };
  });

  app.post('/api-keys', {
    config: { permission },
    schema: {
      tags,
      summary: 'Create a key that acts with one of your roles; the key is shown only in this response',
      body: z.object({ name: z.string().trim().min(1).max(100), roleId: z.uuid(), expiresAt: z.iso.datetime().nullish() }),
      response: { 201: z.object({ id: z.uuid(), key: z.string() }) },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const p = ctx.principal;
    const [held] = await ctx.db.select().from(userRoles)
      .where(and(eq(userRoles.tenantId, p.tenantId), eq(userRoles.userId, p.userId), eq(userRoles.roleId, req.body.roleId)));
    if (!held) throw invalid('roleId', 'you can only delegate a role you hold');
    const { key, prefix, hash } = generateApiKey();
    const id = newId();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(apiKeys).values({
        tenantId: p.tenantId, id, name: req.body.name, prefix, keyHash: hash, roleId: req.body.roleId, userId: p.userId,
        expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
      });
      await audit(tx, ctx.actor, { action: 'create', objectType: 'api_key', objectId: id, objectLabel: req.body.name });
    });
    reply.status(201);
    return { id, key };
  });

  app.delete('/api-keys/:id', {
    config: { permission },
    schema: { tags, summary: 'Revoke a key at once', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(apiKeys).set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.tenantId, ctx.principal.tenantId), eq(apiKeys.id, req.params.id), isNull(apiKeys.revokedAt)))
        .returning({ name: apiKeys.name });
      if (!row) throw notFound();
      await audit(tx, ctx.actor, { action: 'revoke', objectType: 'api_key', objectId: req.params.id, objectLabel: row.name });
    });
    clearApiKeyCache();
    return reply.status(204).send(null);
  });
}
