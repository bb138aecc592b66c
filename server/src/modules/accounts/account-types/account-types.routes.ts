import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/http/context.ts';
import { createAccountType, updateAccountType } from './account-types.commands.ts';
import { listAccountTypes, presentAccountType } from './account-types.queries.ts';
import {
  accountTypeParams, accountTypeSchema, accountTypesQuery, createAccountTypeBody, updateAccountTypeBody,
} from './account-types.types.ts';

const tags = ['Accounts'];

export async function accountTypesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/account-types', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'The tenant\'s account types, in display order', querystring: accountTypesQuery, response: { 200: z.object({ items: z.array(accountTypeSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await listAccountTypes(ctx.readDb, ctx.principal.tenantId, req.query.includeInactive === 'true');
    return { items: rows.map(presentAccountType) };
  });

  app.post('/account-types', {
    config: { permission: { capability: 'lookups.manage' } },
    schema: { tags, summary: 'Add an account type', body: createAccountTypeBody, response: { 201: accountTypeSchema } },
  }, async (req, reply) => {
    const row = await createAccountType(contextOf(req), req.body);
    reply.status(201);
    return presentAccountType(row);
  });

  app.patch('/account-types/:key', {
    config: { permission: { capability: 'lookups.manage' } },
    schema: { tags, summary: 'Rename, reorder or deactivate an account type', params: accountTypeParams, body: updateAccountTypeBody, response: { 200: accountTypeSchema } },
  }, async (req) => {
    return presentAccountType(await updateAccountType(contextOf(req), req.params.key, req.body));
  });
}
