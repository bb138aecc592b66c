import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access/principal.ts';
import { contextOf, type Ctx } from '../../platform/http/context.ts';
import { fromScaled, money2, toScaled } from '../orders/money.ts';
import { recordPayment, replacePaymentPlan, reversePayment } from './receivables.commands.ts';
import './receivables.objects.ts';
import { ageingReport, orderReceivables, receivablesSummary } from './receivables.queries.ts';
import {
  ageingQuery, ageingRowSchema, orderIdParams, orderReceivablesSchema, paymentParams, paymentPlanBody, recordPaymentBody, reversePaymentBody, summaryQuery,
  summaryRowSchema,
} from './receivables.types.ts';

const tags = ['Receivables'];

async function present(ctx: Ctx, orderId: string) {
  const r = await orderReceivables(ctx.db, ctx.principal, orderId);
  const s = (v: string) => toScaled(v, 2);
  let planned = 0n;
  let paid = 0n;
  let overdue = 0n;
  const instalments = r.instalments.map((i) => {
    const left = s(i.amount) - s(i.paid);
    const isOverdue = left > 0n && i.dueOn < r.today;
    planned += s(i.amount);
    paid += s(i.paid);
    if (isOverdue) overdue += left;
    return { id: i.id, seq: i.seq, dueOn: i.dueOn, amount: money2(i.amount)!, paid: money2(i.paid)!, outstanding: fromScaled(left), overdue: isOverdue, note: i.note };
  });
  const received = r.payments.reduce((sum, x) => sum + s(x.payment.amount), 0n);
  return {
    orderId: r.order.id,
    orderNumber: r.order.number,
    currency: r.order.currency,
    total: money2(r.order.total)!,
    planned: fromScaled(planned),
    received: fromScaled(received),
    outstanding: fromScaled(planned - paid),
    overdue: fromScaled(overdue),
    instalments,
    payments: r.payments.map(({ payment: x, createdByName }) => ({
      id: x.id, receivedOn: x.receivedOn, amount: money2(x.amount)!, currency: x.currency, method: x.method, reference: x.reference, note: x.note, createdByName,
      allocations: r.allocations.filter((a) => a.paymentId === x.id).map((a) => ({ instalmentId: a.instalmentId, amount: money2(a.amount)! })),
    })),
    permissions: {
      recordPayment: can(ctx.principal, 'payment', 'create') && r.order.status !== 'cancelled',
      editPlan: can(ctx.principal, 'order', 'update') && r.order.status !== 'cancelled',
      reversePayment: can(ctx.principal, 'payment', 'delete'),
    },
  };
}

export async function receivablesRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/orders/:id/receivables', {
    config: { permission: { object: 'payment', action: 'read' } },
    schema: { tags, summary: "An order's payment plan, payments received and what is outstanding and overdue", params: orderIdParams, response: { 200: orderReceivablesSchema } },
  }, async (req) => present(contextOf(req), req.params.id));

  app.put('/orders/:id/payment-plan', {
    config: { permission: { object: 'order', action: 'update' } },
    schema: { tags, summary: "Replace an order's payment plan: keep instalments by id, add new ones, drop the rest; paid ones stay at least as large; the plan adds up to the total", params: orderIdParams, body: paymentPlanBody, response: { 200: orderReceivablesSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await replacePaymentPlan(ctx, req.params.id, req.body.instalments);
    return present(ctx, req.params.id);
  });

  app.post('/orders/:id/payments', {
    config: { permission: { object: 'payment', action: 'create' } },
    schema: { tags, summary: 'Record a payment received for an order, allocated to its instalments (oldest first unless told)', params: orderIdParams, body: recordPaymentBody, response: { 201: orderReceivablesSchema } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    await recordPayment(ctx, req.params.id, req.body);
    reply.status(201);
    return present(ctx, req.params.id);
  });

  app.post('/orders/:id/payments/:paymentId/reverse', {
    config: { permission: { object: 'payment', action: 'delete' } },
    schema: { tags, summary: 'Reverse a payment recorded by mistake or bounced: its allocations come off the instalments; the reason is audited', params: paymentParams, body: reversePaymentBody, response: { 200: orderReceivablesSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    await reversePayment(ctx, req.params.id, req.params.paymentId, req.body.reason);
    return present(ctx, req.params.id);
  });

  app.get('/receivables', {
    config: { permission: { object: 'payment', action: 'read' } },
    schema: { tags, summary: 'Outstanding and overdue amounts per order, account, rep or unit in your data scope, largest first', querystring: summaryQuery, response: { 200: z.object({ items: z.array(summaryRowSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return { items: await receivablesSummary(ctx.readDb, ctx.principal, req.query) };
  });

  app.get('/receivables/ageing', {
    config: { permission: { object: 'payment', action: 'read' } },
    schema: { tags, summary: 'Ageing of receivables (not due, 0-30, 31-60, 61-90, 90+ days past due), in total or per order, account, rep or unit', querystring: ageingQuery, response: { 200: z.object({ asOf: z.iso.date(), rows: z.array(ageingRowSchema) }) } },
  }, async (req) => {
    const ctx = contextOf(req);
    return ageingReport(ctx.readDb, ctx.principal, req.query);
  });
}
