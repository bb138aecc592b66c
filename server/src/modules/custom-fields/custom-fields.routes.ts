import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getObjectType } from '../../platform/access/permissions.ts';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import './custom-fields.objects.ts';
import { archiveField, createField, reorderFields, restoreField, updateField } from './custom-fields.commands.ts';
import { MANAGE_CUSTOM_FIELDS, presentField } from './custom-fields.presenter.ts';
import { loadCustomFields } from './custom-fields.queries.ts';
import {
  createFieldBody, fieldSchema, idParams, listFieldsQuery, objectTypeParams, reorderBody, updateFieldBody,
} from './custom-fields.types.ts';
import { getCustomFieldTarget, listCustomFieldTargets } from './targets.ts';
import { customJsonSchema } from './values/json-schema.ts';

const tags = ['Custom fields'];
const manage = { capability: MANAGE_CUSTOM_FIELDS } as const;
// Every form and list needs the definitions, so any signed-in user may read them.
const signedIn = { signedIn: true } as const;

export async function customFieldsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/custom-fields', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Custom fields of an object type, in form order', querystring: listFieldsQuery, response: { 200: z.object({ items: z.array(fieldSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const defs = await loadCustomFields(ctx.readDb, ctx.principal.tenantId, req.query.objectType);
    const shown = req.query.includeArchived === 'true' ? defs : defs.filter((d) => !d.archivedAt);
    return { items: shown.map((d) => presentField(ctx.principal, d)) };
  });

  app.get('/custom-fields/object-types', {
    config: { permission: signedIn },
    schema: { tags, summary: 'Object types that accept custom fields', response: { 200: z.object({ items: z.array(z.object({ type: z.string(), label: z.string() })) }) } },
  }, async (req) => ({
    items: listCustomFieldTargets().map((t) => ({ type: t.objectType, label: getObjectType(t.objectType)?.label[req.locale] ?? t.objectType })),
  }));

  app.get('/custom-fields/openapi/:objectType', {
    config: { permission: signedIn },
    schema: {
      tags,
      summary: "JSON Schema of the company's `custom` object for an object type, as the fields are now",
      description: 'The OpenAPI document declares `custom` as an open object because fields differ per company and change at any time; integrators fetch the exact schema here.',
      params: objectTypeParams,
      querystring: z.object({ mode: z.enum(['create', 'update']).default('create') }),
      response: { 200: z.record(z.string(), z.unknown()) },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    if (!getCustomFieldTarget(req.params.objectType)) throw notFound();
    const defs = await loadCustomFields(ctx.readDb, ctx.principal.tenantId, req.params.objectType);
    return customJsonSchema(req.params.objectType, defs, { locale: req.locale, mode: req.query.mode });
  });

  app.post('/custom-fields', {
    config: { permission: manage },
    schema: { tags, summary: 'Add a custom field (builds its indexes before answering)', body: createFieldBody, response: { 201: fieldSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    reply.status(201);
    return presentField(ctx.principal, await createField(ctx, req.server.database, req.body));
  });

  app.patch('/custom-fields/:id', {
    config: { permission: manage },
    schema: { tags, summary: 'Change labels, options, flags or the default (send the version you read)', params: idParams, body: updateFieldBody, response: { 200: fieldSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentField(ctx.principal, await updateField(ctx, req.server.database, req.params.id, req.body));
  });

  app.post('/custom-fields/:id/archive', {
    config: { permission: manage },
    schema: { tags, summary: 'Archive a field: hidden everywhere, values kept in the records, key never reused', params: idParams, response: { 200: fieldSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentField(ctx.principal, await archiveField(ctx, req.server.database, req.params.id));
  });

  app.post('/custom-fields/:id/restore', {
    config: { permission: manage },
    schema: { tags, summary: 'Restore an archived field with the values records kept', params: idParams, response: { 200: fieldSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentField(ctx.principal, await restoreField(ctx, req.server.database, req.params.id));
  });

  app.post('/custom-fields/reorder', {
    config: { permission: manage },
    schema: { tags, summary: 'Set the form order of the active fields of an object type', body: reorderBody, response: { 200: z.object({ items: z.array(fieldSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    await reorderFields(ctx, req.body);
    const defs = await loadCustomFields(ctx.db, ctx.principal.tenantId, req.body.objectType);
    return { items: defs.filter((d) => !d.archivedAt).map((d) => presentField(ctx.principal, d)) };
  });
}
