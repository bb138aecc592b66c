import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { pageSchema, selectFields } from '../../platform/http/pagination.ts';
import { updateMilestone } from './milestones.commands.ts';
import { money2 } from './money.ts';
import { createOrder, deleteOrder, updateOrder } from './orders.commands.ts';
import './order-types.defaults.ts';
import { getSalesSettings, listOrderTypes, saveOrderType, updateSalesSettings } from './order-types.ts';
import { orderCaps } from './orders.objects.ts';
import { presentMilestone, presentOrder, presentOrderSummary } from './orders.presenter.ts';
import { getOrder, listOrders, readBackOrder, milestonesOf, orderLinesOf, today, type OrderRow } from './orders.queries.ts';
import './orders.records.ts';
import './orders.search.ts';
import './orders.timeline.ts';
import {
  createOrderBody, idParams, listOrdersQuery, milestoneParams, orderSchema, orderSummarySchema, orderTypeSchema, overdueQuery,
  salesSettingsSchema, saveOrderTypeBody, updateMilestoneBody, updateOrderBody, updateSalesSettingsBody, workItemSchema, workQueueQuery,
} from './orders.types.ts';
import { overdueMilestones, workQueue } from './work-queue.queries.ts';

const tags = ['Orders'];

async function fullOrder(ctx: Ctx, order: OrderRow) {
  const db = ctx.db;
  const [lines, milestones] = await Promise.all([orderLinesOf(db, order.tenantId, order.id), milestonesOf(db, order.tenantId, order.id)]);
  return presentOrder(ctx.principal, order, lines, milestones);
}

const presentSettings = (s: Awaited<ReturnType<typeof getSalesSettings>>) => ({
  quoteDiscountLimitPct: money2(s.quoteDiscountLimitPct)!, largeOrderAmount: money2(s.largeOrderAmount)!, version: s.version,
});

export async function ordersRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/orders', {
    config: { permission: { object: 'order', action: 'read' } },
    schema: { tags, summary: 'Orders in your data scope, newest signing first, filtered, one page at a time', querystring: listOrdersQuery, response: { 200: pageSchema(orderSummarySchema.partial()) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const page = await listOrders(ctx.readDb, ctx.principal, req.query);
    return { items: page.items.map((o) => selectFields(presentOrderSummary(ctx.principal, o), req.query.fields)), nextCursor: page.nextCursor };
  });

  app.get('/orders/:id', {
    config: { permission: { object: 'order', action: 'read' } },
    schema: { tags, summary: 'One order with its lines and execution plan', params: idParams, response: { 200: orderSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return fullOrder({ ...ctx, db: ctx.readDb }, await getOrder(ctx.readDb, ctx.principal, req.params.id));
  });

  app.post('/orders', {
    config: { permission: { object: 'order', action: 'create' } },
    schema: {
      tags,
      summary: "Create an order for an account you see, directly or from a won opportunity or approved quote; its type's execution plan and the payment plan are created with it",
      body: createOrderBody,
      response: { 201: orderSchema },
    },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const order = await createOrder(ctx, req.body);
    reply.status(201);
    return fullOrder(ctx, order);
  });

  app.patch('/orders/:id', {
    config: { permission: { object: 'order', action: 'update' } },
    schema: { tags, summary: 'Change an order (send the version you read); reassigning needs the assign right', params: idParams, body: updateOrderBody, response: { 200: orderSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return fullOrder(ctx, await updateOrder(ctx, req.params.id, req.body));
  });

  app.delete('/orders/:id', {
    config: { permission: { object: 'order', action: 'delete' } },
    schema: { tags, summary: 'Move an order to the recycle bin', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteOrder(contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.patch('/orders/:id/milestones/:milestoneId', {
    config: { permission: { object: 'order_milestone', action: 'update' } },
    schema: {
      tags,
      summary: "Mark a milestone done or reopen it, date, reschedule or annotate it (send the version you read); the order's and the account's owners are notified",
      params: milestoneParams,
      body: updateMilestoneBody,
      response: { 200: orderSchema },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    await updateMilestone(ctx, req.params.id, req.params.milestoneId, req.body);
    // The milestone scope was checked by the update; the order is read back as stored.
    const order = await readBackOrder(ctx.db, ctx.principal, req.params.id);
    return fullOrder(ctx, order);
  });

  app.get('/order-work-queue', {
    config: { permission: { object: 'order_milestone', action: 'read' } },
    schema: { tags, summary: 'Open milestones due soon or overdue that your role or unit is responsible for, by due date', querystring: workQueueQuery, response: { 200: z.object({ items: z.array(workItemSchema), today: z.iso.date() }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await workQueue(ctx.readDb, ctx.principal, req.query);
    const day = today();
    return { today: day, items: rows.map((r) => ({ ...presentMilestone(ctx.principal, r, day), orderNumber: r.orderNumber, accountId: r.accountId, accountName: r.accountName, ownerName: r.ownerName })) };
  });

  app.get('/order-milestones/overdue', {
    config: { permission: { object: 'order_milestone', action: 'read' } },
    schema: { tags, summary: 'Overdue milestones of active orders in your data scope, oldest first', querystring: overdueQuery, response: { 200: z.object({ items: z.array(workItemSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    const rows = await overdueMilestones(ctx.readDb, ctx.principal, req.query.limit);
    const day = today();
    return { items: rows.map((r) => ({ ...presentMilestone(ctx.principal, r, day), orderNumber: r.orderNumber, accountId: r.accountId, accountName: r.accountName, ownerName: r.ownerName })) };
  });

  app.get('/order-types', {
    config: { permission: { object: 'order', action: 'read' } },
    schema: { tags, summary: 'Order types with their execution-plan templates', response: { 200: z.object({ items: z.array(orderTypeSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: await listOrderTypes(ctx.readDb, ctx.principal.tenantId) };
  });

  app.post('/order-types', {
    config: { permission: { capability: orderCaps.manageTypes } },
    schema: { tags, summary: 'Create an order type or replace its template (by code); placed orders keep their plans', body: saveOrderTypeBody, response: { 200: z.object({ id: z.uuid() }) } },
  }, async (req) => ({ id: await saveOrderType(contextOf(req), req.body) }));

  app.get('/sales-settings', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: "The tenant's quote discount approval limit and large-order amount", response: { 200: salesSettingsSchema } },
  }, async (req) => presentSettings(await getSalesSettings(contextOf(req).readDb, contextOf(req).principal.tenantId)));

  app.patch('/sales-settings', {
    config: { permission: { capability: orderCaps.salesSettings } },
    schema: { tags, summary: 'Change the sales settings (send the version you read)', body: updateSalesSettingsBody, response: { 200: salesSettingsSchema } },
  }, async (req) => presentSettings(await updateSalesSettings(contextOf(req), req.body)));
}
