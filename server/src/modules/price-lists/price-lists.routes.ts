import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Principal } from '../../platform/access/principal.ts';
import { contextOf } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { money2 } from '../orders/money.ts';
import { today } from '../orders/orders.queries.ts';
import { createPriceList, deletePriceList, getPriceList, listPriceLists, updatePriceList } from './price-lists.commands.ts';
import './price-lists.objects.ts';
import { createPriceListBody, idParams, priceListSchema, resolvedSchema, resolveQuery, updatePriceListBody } from './price-lists.types.ts';
import { resolvePrice } from './resolve-price.ts';

const tags = ['Price lists'];

type ListRow = Awaited<ReturnType<typeof listPriceLists>>[number] & { items?: { productId: string; productCode: string; productName: string; unit: string; price: string }[] };
const present = (p: Principal, r: ListRow) => ({
  id: r.id, name: r.name, currency: r.currency, accountType: r.accountType, tier: r.tier, provinceCode: r.provinceCode,
  validFrom: r.validFrom, validTo: r.validTo, priority: r.priority, active: r.active, itemCount: r.itemCount, version: r.version,
  items: r.items?.map((i) => ({ ...i, price: money2(i.price)! })),
  permissions: { update: can(p, 'price_list', 'update'), delete: can(p, 'price_list', 'delete') },
});

export async function priceListsRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/price-lists', {
    config: { permission: { object: 'price_list', action: 'read' } },
    schema: { tags, summary: 'Price lists, active first', response: { 200: z.object({ items: z.array(priceListSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: (await listPriceLists(ctx.readDb, ctx.principal)).map((r) => present(ctx.principal, r)) };
  });

  app.get('/price-lists/:id', {
    config: { permission: { object: 'price_list', action: 'read' } },
    schema: { tags, summary: 'One price list with its prices', params: idParams, response: { 200: priceListSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return present(ctx.principal, await getPriceList(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/price-lists', {
    config: { permission: { object: 'price_list', action: 'create' } },
    schema: { tags, summary: 'Create a price list for a customer type, tier and/or province over a period', body: createPriceListBody, response: { 201: priceListSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const id = await createPriceList(ctx, req.body);
    reply.status(201);
    return present(ctx.principal, await getPriceList(ctx.db, ctx.principal, id));
  });

  app.patch('/price-lists/:id', {
    config: { permission: { object: 'price_list', action: 'update' } },
    schema: { tags, summary: 'Change a price list (send the version you read); items, when sent, replace its prices', params: idParams, body: updatePriceListBody, response: { 200: priceListSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await updatePriceList(ctx, req.params.id, req.body);
    return present(ctx.principal, await getPriceList(ctx.db, ctx.principal, req.params.id));
  });

  app.delete('/price-lists/:id', {
    config: { permission: { object: 'price_list', action: 'delete' } },
    schema: { tags, summary: 'Delete a price list', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deletePriceList(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/prices/resolve', {
    config: { permission: { object: 'product', action: 'read' } },
    schema: { tags, summary: 'The price an account you see gets for a product on a day (price lists, else the list price)', querystring: resolveQuery, response: { 200: resolvedSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const [account] = await ctx.readDb.select({ id: accounts.id }).from(accounts).where(and(accountScope(ctx.principal), eq(accounts.id, req.query.accountId)));
    if (!account) throw notFound();
    const r = await resolvePrice(ctx.readDb, ctx.principal.tenantId, account.id, req.query.productId, req.query.onDay ?? today());
    return { ...r, price: money2(r.price) };
  });
}
