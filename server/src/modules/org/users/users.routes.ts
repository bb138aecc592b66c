import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/http/context.ts';
import { pageSchema, selectFields } from '../../../platform/http/pagination.ts';
import { createUser, deleteUser, resetPassword, updateUser } from './users.commands.ts';
import { presentUser } from './users.presenter.ts';
import { getUser, listUsers } from './users.queries.ts';
import { createUserBody, createdUserSchema, idParams, listUsersQuery, updateUserBody, userSchema } from './users.types.ts';

const tags = ['Users'];

export async function usersRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/users', {
    config: { permission: { object: 'user', action: 'read' } },
    schema: { tags, summary: 'Users in your data scope', querystring: listUsersQuery, response: { 200: pageSchema(userSchema.partial()) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const page = await listUsers(ctx.readDb, ctx.principal, req.query);
    return { items: page.items.map((u) => selectFields(presentUser(ctx.principal, u), req.query.fields)), nextCursor: page.nextCursor };
  });

  app.get('/users/:id', {
    config: { permission: { object: 'user', action: 'read' } },
    schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentUser(ctx.principal, await getUser(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/users', {
    config: { permission: { object: 'user', action: 'create' } },
    schema: { tags, summary: 'Create a user; without a password a one-time password is returned once', body: createUserBody, response: { 201: createdUserSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const { user, oneTimePassword } = await createUser(ctx, req.body);
    reply.status(201);
    return { user: presentUser(ctx.principal, user), oneTimePassword };
  });

  app.patch('/users/:id', {
    config: { permission: { object: 'user', action: 'update' } },
    schema: { tags, summary: 'Update a user (send the version you read)', params: idParams, body: updateUserBody, response: { 200: userSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentUser(ctx.principal, await updateUser(ctx, req.params.id, req.body));
  });

  app.delete('/users/:id', {
    config: { permission: { object: 'user', action: 'delete' } },
    schema: { tags, summary: 'Deactivate the user and move them to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteUser(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/reset-password', {
    config: { permission: { object: 'user', action: 'update' } },
    schema: { tags, summary: 'Issue a one-time password and sign the user out everywhere', params: idParams, response: { 200: z.object({ oneTimePassword: z.string() }) } },
  }, async (req) => ({ oneTimePassword: await resetPassword(contextOf(req), req.params.id) }));
}
