import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { selectFields } from '../../platform/http/pagination.ts';
import { cachedCustomFields } from '../custom-fields/index.ts';
import './accounts.objects.ts';
import './accounts.records.ts';
import './accounts.search.ts';
import './account-types/account-types.defaults.ts';
import { accountTypesRoutes } from './account-types/account-types.routes.ts';
import { bulkAssignAccounts, bulkDeleteAccounts, bulkTagAccounts } from './accounts.bulk.ts';
import { createAccount, deleteAccount, updateAccount } from './accounts.commands.ts';
import { presentAccount } from './accounts.presenter.ts';
import { findAccount, listAccounts, notFoundOrMerged } from './accounts.queries.ts';
import {
  accountPageSchema, accountSchema, bulkAssignBody, bulkDeleteBody, bulkResultSchema, bulkTagBody, createAccountBody,
  idParams, listAccountsQuery, updateAccountBody,
} from './accounts.types.ts';
import { regionsRoutes } from './regions/regions.routes.ts';

const tags = ['Accounts'];

/** The tenant's account custom fields (cached for a few seconds): presenters show only active ones, lists filter and sort by them. */
const accountFieldDefs = (ctx: Ctx) => cachedCustomFields(ctx.readDb, ctx.principal.tenantId, 'account');

export async function accountsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  await app.register(accountTypesRoutes);
  await app.register(regionsRoutes);

  app.get('/accounts', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'Accounts in your data scope, filtered and sorted, one page at a time', querystring: listAccountsQuery, response: { 200: accountPageSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await accountFieldDefs(ctx);
    const page = await listAccounts(ctx.readDb, ctx.principal, req.query, defs);
    return {
      items: page.items.map((a) => selectFields(presentAccount(ctx.principal, a, defs), req.query.fields)),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  });

  app.get('/accounts/:id', {
    config: { permission: { object: 'account', action: 'read' } },
    schema: { tags, summary: 'One account', params: idParams, response: { 200: accountSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const account = await findAccount(ctx.readDb, ctx.principal, req.params.id);
    if (!account) throw await notFoundOrMerged(ctx.readDb, ctx.principal, req.params.id);
    return presentAccount(ctx.principal, account, await accountFieldDefs(ctx));
  });

  app.post('/accounts', {
    config: { permission: { object: 'account', action: 'create' } },
    schema: { tags, summary: "Create an account; owner defaults to you, unit to the owner's", body: createAccountBody, response: { 201: accountSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const account = await createAccount(ctx, req.body);
    reply.status(201);
    return presentAccount(ctx.principal, account, await accountFieldDefs(ctx));
  });

  app.patch('/accounts/:id', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Update an account (send the version you read); changing the owner needs the assign right', params: idParams, body: updateAccountBody, response: { 200: accountSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const account = await updateAccount(ctx, req.params.id, req.body);
    return presentAccount(ctx.principal, account, await accountFieldDefs(ctx));
  });

  app.delete('/accounts/:id', {
    config: { permission: { object: 'account', action: 'delete' } },
    schema: { tags, summary: 'Move an account to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteAccount(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/accounts/bulk/assign', {
    config: { permission: { object: 'account', action: 'assign' } },
    schema: { tags, summary: 'Give accounts to another owner; any id outside your scope fails the whole request with 404', body: bulkAssignBody, response: { 200: bulkResultSchema } },
  }, async (req) => ({ updated: await bulkAssignAccounts(contextOf(req), req.body) }));

  app.post('/accounts/bulk/tag', {
    config: { permission: { object: 'account', action: 'update' } },
    schema: { tags, summary: 'Add and remove tags on accounts; any id outside your scope fails the whole request with 404', body: bulkTagBody, response: { 200: bulkResultSchema } },
  }, async (req) => ({ updated: await bulkTagAccounts(contextOf(req), req.body) }));

  app.post('/accounts/bulk/delete', {
    config: { permission: { object: 'account', action: 'delete' } },
    schema: { tags, summary: 'Move accounts to the recycle bin; any id outside your scope fails the whole request with 404', body: bulkDeleteBody, response: { 200: bulkResultSchema } },
  }, async (req) => ({ updated: await bulkDeleteAccounts(contextOf(req), req.body) }));
}
