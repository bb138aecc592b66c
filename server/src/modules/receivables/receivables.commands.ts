import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { compareMoney, fromScaled, money2, sumMoney, toScaled } from '../orders/money.ts';
import { today } from '../orders/orders.queries.ts';
import { orders } from '../orders/orders.schema.ts';
import { assertPlanMatches, type PlannedInstalment } from './payment-plan.ts';
import { getOrderForPayments } from './receivables.queries.ts';
import { paymentAllocations, paymentInstalments, payments } from './receivables.schema.ts';
import type { RecordPaymentInput } from './receivables.types.ts';

/**
 * Records money received for an order and allocates it to instalments: as told, or the oldest
 * outstanding first. A payment cannot exceed what is still owed; the instalments' paid sums move in
 * the same transaction, so every receivables figure is current the moment it commits.
 */
export async function recordPayment(ctx: Ctx, orderId: string, input: RecordPaymentInput): Promise<string> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const order = await getOrderForPayments(tx, p, orderId);
    if (order.status === 'cancelled') throw new AppError('conflict');
    if (compareMoney(input.amount, '0') <= 0) throw invalid('amount', 'must be positive');
    // Lock the order's open instalments: two clerks recording at once cannot both fill the same one.
    const open = await tx.select().from(paymentInstalments)
      .where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.orderId, orderId), lt(paymentInstalments.paid, paymentInstalments.amount)))
      .orderBy(asc(paymentInstalments.dueOn), asc(paymentInstalments.seq))
      .for('update');
    const owed = (i: (typeof open)[number]) => toScaled(i.amount, 2) - toScaled(i.paid, 2);
    const totalOwed = open.reduce((s, i) => s + owed(i), 0n);
    const amount = toScaled(input.amount, 2);
    if (amount > totalOwed) throw invalid('amount', `more than the ${fromScaled(totalOwed)} still owed on this order`);
    let allocations: { instalmentId: string; amount: bigint }[];
    if (input.allocations?.length) {
      const byId = new Map(open.map((i) => [i.id, i]));
      allocations = input.allocations.map((a, n) => {
        const inst = byId.get(a.instalmentId);
        if (!inst) throw invalid(`allocations.${n}.instalmentId`, 'not an open instalment of this order');
        const v = toScaled(a.amount, 2);
        if (v <= 0n || v > owed(inst)) throw invalid(`allocations.${n}.amount`, `between 0.01 and ${fromScaled(owed(inst))}`);
        return { instalmentId: a.instalmentId, amount: v };
      });
      if (compareMoney(sumMoney(input.allocations.map((a) => a.amount)), input.amount) !== 0) throw invalid('allocations', 'must add up to the amount');
    } else {
      let left = amount;
      allocations = [];
      for (const inst of open) {
        if (left === 0n) break;
        const take = owed(inst) < left ? owed(inst) : left;
        allocations.push({ instalmentId: inst.id, amount: take });
        left -= take;
      }
    }
    const id = newId();
    const receivedOn = input.receivedOn ?? today();
    await tx.insert(payments).values({
      tenantId: p.tenantId, id, orderId, accountId: order.accountId, ownerId: order.ownerId, unitId: order.unitId,
      receivedOn, amount: input.amount, currency: order.currency, method: input.method ?? null, reference: input.reference ?? null, note: input.note ?? null,
      createdBy: p.userId, updatedBy: p.userId,
    });
    await tx.insert(paymentAllocations).values(allocations.map((a) => ({ tenantId: p.tenantId, paymentId: id, instalmentId: a.instalmentId, amount: fromScaled(a.amount) })));
    for (const a of allocations) {
      await tx.update(paymentInstalments).set({ paid: sql`${paymentInstalments.paid} + ${fromScaled(a.amount)}::numeric` })
        .where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.id, a.instalmentId)));
    }
    await tx.update(orders).set({ updatedAt: new Date() }).where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, orderId)));
    await audit(tx, ctx.actor, {
      action: 'payment_received', objectType: 'order', objectId: orderId, objectLabel: order.number,
      changes: { payment: [null, `${order.currency} ${input.amount}`], receivedOn: [null, receivedOn] },
      context: { accountId: order.accountId, paymentId: id, reference: input.reference ?? null },
    });
    return id;
  });
}

/**
 * Replaces an order's payment plan: instalments sent with an id are kept and changed, the others
 * are added, the ones left out removed. Money already allocated stays where it is, so an
 * instalment that received money can be moved or enlarged but not removed or cut below what it
 * got. The plan must still add up to the order's total.
 */
export async function replacePaymentPlan(ctx: Ctx, orderId: string, plan: PlannedInstalment[]): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const order = await getOrderForPayments(tx, p, orderId);
    if (order.status === 'cancelled') throw new AppError('conflict');
    const existing = await tx.select().from(paymentInstalments)
      .where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.orderId, orderId)))
      .orderBy(asc(paymentInstalments.seq))
      .for('update');
    const byId = new Map(existing.map((i) => [i.id, i]));
    const kept = new Set<string>();
    plan.forEach((i, n) => {
      if (!i.id) return;
      const before = byId.get(i.id);
      if (!before || kept.has(i.id)) throw invalid(`instalments.${n}.id`, 'not an instalment of this order');
      kept.add(i.id);
      if (compareMoney(i.amount, before.paid) < 0) throw invalid(`instalments.${n}.amount`, `less than the ${money2(before.paid)} already paid`);
    });
    existing.forEach((i) => {
      if (!kept.has(i.id) && compareMoney(i.paid, '0') > 0) throw invalid('instalments', `instalment ${i.seq} has received ${money2(i.paid)} and cannot be removed`);
    });
    assertPlanMatches(order.total, plan);
    const removed = existing.filter((i) => !kept.has(i.id)).map((i) => i.id);
    if (removed.length) await tx.delete(paymentInstalments).where(and(eq(paymentInstalments.tenantId, p.tenantId), inArray(paymentInstalments.id, removed)));
    const sorted = [...plan].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.id ? byId.get(a.id)!.seq : 1e6) - (b.id ? byId.get(b.id)!.seq : 1e6));
    // seq is renumbered by due date; the kept rows are updated in place so their allocations stay attached.
    for (const [n, i] of sorted.entries()) {
      const values = { seq: n + 1, dueOn: i.dueOn, amount: i.amount, note: i.note ?? null };
      if (i.id) {
        await tx.update(paymentInstalments).set(values).where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.id, i.id)));
      } else {
        await tx.insert(paymentInstalments).values({ tenantId: p.tenantId, id: newId(), orderId, accountId: order.accountId, ownerId: order.ownerId, unitId: order.unitId, ...values });
      }
    }
    await tx.update(orders).set({ updatedAt: new Date() }).where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, orderId)));
    const line = (i: { dueOn: string; amount: string }) => `${i.dueOn} ${money2(i.amount)}`;
    await audit(tx, ctx.actor, {
      action: 'payment_plan', objectType: 'order', objectId: orderId, objectLabel: order.number,
      changes: { instalments: [existing.map(line), sorted.map(line)] }, context: { accountId: order.accountId },
    });
  });
}

/**
 * Reverses a payment (bounced, booked twice, booked on the wrong order): its allocations come off
 * the instalments in the same transaction and the payment leaves every figure, kept as a deleted
 * row with the reason in the audit log.
 */
export async function reversePayment(ctx: Ctx, orderId: string, paymentId: string, reason: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const order = await getOrderForPayments(tx, p, orderId);
    const [payment] = await tx.select().from(payments)
      .where(and(eq(payments.tenantId, p.tenantId), eq(payments.orderId, orderId), eq(payments.id, paymentId), isNull(payments.deletedAt)))
      .for('update');
    if (!payment) throw notFound();
    const allocations = await tx.select().from(paymentAllocations)
      .where(and(eq(paymentAllocations.tenantId, p.tenantId), eq(paymentAllocations.paymentId, paymentId)));
    for (const a of allocations) {
      await tx.update(paymentInstalments).set({ paid: sql`${paymentInstalments.paid} - ${a.amount}::numeric` })
        .where(and(eq(paymentInstalments.tenantId, p.tenantId), eq(paymentInstalments.id, a.instalmentId)));
    }
    await tx.delete(paymentAllocations).where(and(eq(paymentAllocations.tenantId, p.tenantId), eq(paymentAllocations.paymentId, paymentId)));
    await tx.update(payments).set({ deletedAt: new Date(), deletedBy: p.userId, updatedAt: new Date(), updatedBy: p.userId, version: payment.version + 1 })
      .where(and(eq(payments.tenantId, p.tenantId), eq(payments.id, paymentId)));
    await tx.update(orders).set({ updatedAt: new Date() }).where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, orderId)));
    await audit(tx, ctx.actor, {
      action: 'payment_reversed', objectType: 'order', objectId: orderId, objectLabel: order.number,
      changes: { payment: [`${payment.currency} ${money2(payment.amount)}`, null] },
      context: {
        accountId: order.accountId, paymentId, reason, receivedOn: payment.receivedOn, reference: payment.reference,
        allocations: allocations.map((a) => ({ instalmentId: a.instalmentId, amount: money2(a.amount) })),
      },
    });
  });
}
