import { and, asc, eq, isNull } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { opportunities, opportunityLines } from '../opportunities/opportunities.schema.ts';
import { quoteLines, quotes } from '../quotes/quotes.schema.ts';
import { createPaymentPlan, moveInstalments } from '../receivables/payment-plan.ts';
import { dueDates } from './execution-plan.ts';
import { buildLines, roundMoney } from './lines.ts';
import { compareMoney, totals } from './money.ts';
import { nextNumber } from './order-number.ts';
import { findOrder, getOrder, milestonesOf, readBackOrder, today, type OrderRow } from './orders.queries.ts';
import { milestoneTemplates, orderLines, orderMilestones, orders, orderTypes } from './orders.schema.ts';
import type { CreateOrderInput, LineInputDto, UpdateOrderInput } from './orders.types.ts';

export const auditedOrderFields = [
  'number', 'accountId', 'opportunityId', 'quoteId', 'orderTypeId', 'title', 'status', 'currency', 'subtotal', 'taxAmount', 'total',
  'signedOn', 'deliveryFrom', 'deliveryTo', 'paymentTerms', 'note', 'ownerId', 'unitId',
] as const;

const orderLabel = (o: { number: string; title?: string | null }) => (o.title ? `${o.number} ${o.title}` : o.number);

/** Lines copied from the quote or the won opportunity the order comes from, when the caller sent none. */
async function sourceLines(tx: Executor, ctx: Ctx, input: CreateOrderInput): Promise<LineInputDto[]> {
  const p = ctx.principal;
  if (input.quoteId) {
    const rows = await tx.select().from(quoteLines).where(and(eq(quoteLines.tenantId, p.tenantId), eq(quoteLines.quoteId, input.quoteId))).orderBy(asc(quoteLines.lineNo));
    return rows.map((l) => ({ productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate }));
  }
  if (input.opportunityId) {
    const rows = await tx.select().from(opportunityLines)
      .where(and(eq(opportunityLines.tenantId, p.tenantId), eq(opportunityLines.opportunityId, input.opportunityId)))
      .orderBy(asc(opportunityLines.sortOrder));
    if (rows.length) return rows.map((l) => ({ productId: l.productId, description: l.description, unit: null, quantity: l.quantity, unitPrice: roundMoney(l.unitPrice), discountPct: '0' }));
    // A deal quoted as one sum (no product lines) becomes one line of that sum, tax included as agreed.
    const [deal] = await tx.select({ name: opportunities.name, amount: opportunities.amount }).from(opportunities)
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, input.opportunityId)));
    if (deal && compareMoney(deal.amount, '0') > 0) return [{ description: deal.name.slice(0, 500), quantity: '1', unitPrice: roundMoney(deal.amount), discountPct: '0', taxRate: '0' }];
  }
  return [];
}

/** The opportunity and quote an order comes from must be visible to the caller and belong to the same account. */
async function assertSources(tx: Executor, ctx: Ctx, input: CreateOrderInput) {
  const p = ctx.principal;
  if (input.opportunityId) {
    const [opp] = await tx.select({ accountId: opportunities.accountId, status: opportunities.status }).from(opportunities).where(and(
      scopeWhere(p, 'opportunity', { tenantId: opportunities.tenantId, ownerId: opportunities.ownerId, unitId: opportunities.unitId, deletedAt: opportunities.deletedAt }),
      eq(opportunities.id, input.opportunityId),
    ));
    if (!opp) throw invalid('opportunityId', 'no such opportunity in your data scope');
    if (opp.accountId !== input.accountId) throw invalid('opportunityId', 'belongs to another account');
    if (opp.status === 'lost') throw invalid('opportunityId', 'the opportunity was lost');
  }
  if (input.quoteId) {
    const [quote] = await tx.select({ accountId: quotes.accountId, status: quotes.status }).from(quotes).where(and(
      scopeWhere(p, 'quote', { tenantId: quotes.tenantId, ownerId: quotes.ownerId, unitId: quotes.unitId, deletedAt: quotes.deletedAt }),
      eq(quotes.id, input.quoteId),
    ));
    if (!quote) throw invalid('quoteId', 'no such quote in your data scope');
    if (quote.accountId !== input.accountId) throw invalid('quoteId', 'belongs to another account');
    if (!['approved', 'sent', 'accepted'].includes(quote.status)) throw invalid('quoteId', 'only an approved or sent quote becomes an order');
  }
}

/** The order type's milestones with due dates counted from the signing day. */
async function instantiatePlan(tx: Executor, tenantId: string, orderId: string, orderTypeId: string | null, signedOn: string) {
  if (!orderTypeId) return;
  const steps = await tx.select().from(milestoneTemplates)
    .where(and(eq(milestoneTemplates.tenantId, tenantId), eq(milestoneTemplates.orderTypeId, orderTypeId)))
    .orderBy(asc(milestoneTemplates.sortOrder));
  if (!steps.length) return;
  const due = dueDates(steps, signedOn);
  await tx.insert(orderMilestones).values(steps.map((s) => ({
    tenantId, id: newId(), orderId, key: s.key, sortOrder: s.sortOrder, name: s.name, englishName: s.englishName,
    responsibleRole: s.responsibleRole, responsibleUnitId: s.responsibleUnitId, durationDays: s.durationDays, dependsOn: s.dependsOn,
    dueOn: due.get(s.key)!,
  })));
}

async function pickOrderType(tx: Executor, tenantId: string, wanted: string | null | undefined): Promise<string | null> {
  const [type] = await tx.select({ id: orderTypes.id }).from(orderTypes).where(and(
    eq(orderTypes.tenantId, tenantId), isNull(orderTypes.deletedAt), eq(orderTypes.active, true),
    wanted ? eq(orderTypes.id, wanted) : eq(orderTypes.isDefault, true),
  )).limit(1);
  if (wanted && !type) throw invalid('orderTypeId', 'no such active order type');
  return type?.id ?? null;
}

export async function createOrder(ctx: Ctx, input: CreateOrderInput): Promise<OrderRow> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(accountScope(p), eq(accounts.id, input.accountId)));
    if (!account) throw notFound();
    await assertSources(tx, ctx, input);
    const signedOn = input.signedOn ?? today();
    const lineInputs = input.lines ?? await sourceLines(tx, ctx, input);
    if (!lineInputs.length) throw invalid('lines', 'an order needs at least one line');
    const lines = await buildLines(tx, p.tenantId, input.accountId, signedOn, lineInputs);
    const sums = totals(lines);
    const owner = await resolveOwnership(tx, p, 'order', { ownerId: input.ownerId, unitId: input.unitId });
    const orderTypeId = await pickOrderType(tx, p.tenantId, input.orderTypeId);
    const id = newId();
    const values = {
      number: await nextNumber(tx, p.tenantId, 'SO', signedOn),
      accountId: input.accountId,
      opportunityId: input.opportunityId ?? null,
      quoteId: input.quoteId ?? null,
      orderTypeId,
      title: input.title ?? null,
      status: 'active' as const,
      currency: input.currency,
      ...sums,
      signedOn,
      deliveryFrom: input.deliveryFrom ?? null,
      deliveryTo: input.deliveryTo ?? null,
      paymentTerms: input.paymentTerms ?? null,
      note: input.note ?? null,
      ...owner,
    };
    await tx.insert(orders).values({ tenantId: p.tenantId, id, ...values, createdBy: p.userId, updatedBy: p.userId });
    await tx.insert(orderLines).values(lines.map((l) => ({ tenantId: p.tenantId, id: newId(), orderId: id, ...l })));
    await instantiatePlan(tx, p.tenantId, id, orderTypeId, signedOn);
    await createPaymentPlan(tx, { tenantId: p.tenantId, id, accountId: input.accountId, ...owner, total: sums.total, signedOn }, input.instalments);
    if (input.quoteId) {
      await tx.update(quotes).set({ status: 'accepted', updatedAt: new Date(), updatedBy: p.userId })
        .where(and(eq(quotes.tenantId, p.tenantId), eq(quotes.id, input.quoteId)));
    }
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'order', objectId: id, objectLabel: orderLabel(values),
      changes: diff(null, values, auditedOrderFields), context: { accountId: input.accountId, lines: lines.length },
    });
    return readBackOrder(tx, p, id);
  });
}

/**
 * A corrected signing day moves the open milestones' due dates with it; done ones keep their dates
 * and the steps after them count from when they were really done.
 */
async function replanFromSigning(tx: Executor, tenantId: string, orderId: string, signedOn: string) {
  const plan = await milestonesOf(tx, tenantId, orderId);
  if (!plan.length) return;
  const due = dueDates(plan, signedOn);
  for (const m of plan) {
    const d = due.get(m.key)!;
    if (m.doneAt || d === m.dueOn) continue;
    await tx.update(orderMilestones).set({ dueOn: d, version: m.version + 1, updatedAt: new Date() })
      .where(and(eq(orderMilestones.tenantId, tenantId), eq(orderMilestones.id, m.id)));
  }
}

export async function updateOrder(ctx: Ctx, id: string, input: UpdateOrderInput): Promise<OrderRow> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getOrder(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    let owner = { ownerId: before.ownerId, unitId: before.unitId };
    if (input.ownerId && input.ownerId !== before.ownerId) {
      if (!can(p, 'order', 'assign')) throw forbidden();
      owner = await resolveOwnership(tx, p, 'order', { ownerId: input.ownerId }, owner);
    }
    const pick = <K extends 'title' | 'status' | 'deliveryFrom' | 'deliveryTo' | 'paymentTerms' | 'note'>(k: K) =>
      (input[k] === undefined ? before[k] : input[k]) as (typeof before)[K];
    const set = {
      title: pick('title'), status: pick('status'), deliveryFrom: pick('deliveryFrom'), deliveryTo: pick('deliveryTo'),
      paymentTerms: pick('paymentTerms'), note: pick('note'), signedOn: input.signedOn ?? before.signedOn, ...owner,
    };
    const [row] = await tx.update(orders).set({ ...set, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, id), eq(orders.version, input.version)))
      .returning({ id: orders.id });
    if (!row) throw new AppError('version_conflict');
    if (owner.ownerId !== before.ownerId || owner.unitId !== before.unitId) await moveInstalments(tx, p.tenantId, id, owner);
    if (set.signedOn !== before.signedOn) await replanFromSigning(tx, p.tenantId, id, set.signedOn);
    const after = await readBackOrder(tx, p, id);
    await audit(tx, ctx.actor, { action: 'update', objectType: 'order', objectId: id, objectLabel: orderLabel(after), changes: diff(before, after, auditedOrderFields), context: { accountId: before.accountId } });
    return after;
  });
}

/** Soft delete: the order goes to the recycle bin with its plan and payments. */
export async function deleteOrder(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const before = await getOrder(tx, p, id);
    await tx.update(orders).set({ deletedAt: new Date(), deletedBy: p.userId, version: before.version + 1 })
      .where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'order', objectId: id, objectLabel: orderLabel(before), context: { accountId: before.accountId } });
  });
}

export async function restoreOrder(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const before = await findOrder(tx, p, id, { includeDeleted: true });
    if (!before?.deletedAt) throw notFound();
    await tx.update(orders).set({ deletedAt: null, deletedBy: null, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(orders.tenantId, p.tenantId), eq(orders.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'order', objectId: id, objectLabel: orderLabel(before), context: { accountId: before.accountId } });
  });
}
