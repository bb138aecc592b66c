import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { createCategory, createProduct, deleteProduct, updateCategory, updateProduct } from './products.commands.ts';
import './products.objects.ts';
import { presentProduct } from './products.presenter.ts';
import { getProduct, listCategories, listProducts } from './products.queries.ts';
import {
  categorySchema, createCategoryBody, createProductBody, idParams, listProductsQuery, productSchema, updateCategoryBody, updateProductBody,
} from './products.types.ts';

const tags = ['Products'];

export async function productsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/products', {
    config: { permission: { object: 'product', action: 'read' } },
    schema: { tags, summary: 'The product catalogue by code, filtered, one page at a time', querystring: listProductsQuery, response: { 200: pageSchema(productSchema) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const page = await listProducts(ctx.readDb, ctx.principal, req.query);
    return { items: page.items.map((r) => presentProduct(ctx.principal, r)), nextCursor: page.nextCursor };
  });

  app.get('/products/:id', {
    config: { permission: { object: 'product', action: 'read' } },
    schema: { tags, summary: 'One product', params: idParams, response: { 200: productSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentProduct(ctx.principal, await getProduct(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/products', {
    config: { permission: { object: 'product', action: 'create' } },
    schema: { tags, summary: 'Add a product to the catalogue; codes are unique', body: createProductBody, response: { 201: productSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    reply.status(201);
    return presentProduct(ctx.principal, await createProduct(ctx, req.body));
  });

  app.patch('/products/:id', {
    config: { permission: { object: 'product', action: 'update' } },
    schema: { tags, summary: 'Change a product (send the version you read)', params: idParams, body: updateProductBody, response: { 200: productSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return presentProduct(ctx.principal, await updateProduct(ctx, req.params.id, req.body));
  });

  app.delete('/products/:id', {
    config: { permission: { object: 'product', action: 'delete' } },
    schema: { tags, summary: 'Remove a product from the catalogue (existing order lines keep it)', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteProduct(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/product-categories', {
    config: { permission: { object: 'product', action: 'read' } },
    schema: { tags, summary: 'Product categories with their product counts', response: { 200: z.object({ items: z.array(categorySchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: await listCategories(ctx.readDb, ctx.principal) };
  });

  app.post('/product-categories', {
    config: { permission: { object: 'product', action: 'create' } },
    schema: { tags, summary: 'Add a product category', body: createCategoryBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (req, reply) => {
    reply.status(201);
    return { id: await createCategory(contextOf(req), req.body) };
  });

  app.patch('/product-categories/:id', {
    config: { permission: { object: 'product', action: 'update' } },
    schema: { tags, summary: 'Rename, reorder or deactivate a product category', params: idParams, body: updateCategoryBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await updateCategory(contextOf(req), req.params.id, req.body);
    return reply.status(204).send(null);
  });
}
