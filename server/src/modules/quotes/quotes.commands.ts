import { and, eq } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { accountScope } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { buildLines, type BuiltLine } from '../orders/lines.ts';
import { compareMoney, totals } from '../orders/money.ts';
import { nextNumber } from '../orders/order-number.ts';
import { getSalesSettings } from '../orders/order-types.ts';
import { today } from '../orders/orders.queries.ts';
import { getQuote, quoteLinesOf, type QuoteRow } from './quotes.queries.ts';
import { quoteLines, quotes, type QuoteStatus } from './quotes.schema.ts';
import type { CreateQuoteInput, UpdateQuoteInput } from './quotes.types.ts';

const audited = ['status', 'title', 'validUntil', 'note', 'subtotal', 'taxAmount', 'total', 'maxDiscountPct', 'decisionNote'] as const;
const label = (q: { number: string; revision: number }) => `${q.number} v${q.revision}`;

const maxDiscount = (lines: readonly BuiltLine[]) => lines.reduce((m, l) => (compareMoney(l.discountPct, m) > 0 ? l.discountPct : m), '0');

async function writeLines(tx: Executor, tenantId: string, quoteId: string, lines: readonly BuiltLine[]) {
  await tx.delete(quoteLines).where(and(eq(quoteLines.tenantId, tenantId), eq(quoteLines.quoteId, quoteId)));
  await tx.insert(quoteLines).values(lines.map((l) => ({ tenantId, id: newId(), quoteId, ...l })));
}

export async function createQuote(ctx: Ctx, input: CreateQuoteInput): Promise<string> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(and(accountScope(p), eq(accounts.id, input.accountId)));
    if (!account) throw notFound();
    if (input.opportunityId) {
      const [opp] = await tx.select({ accountId: opportunities.accountId }).from(opportunities).where(and(
        scopeWhere(p, 'opportunity', { tenantId: opportunities.tenantId, ownerId: opportunities.ownerId, unitId: opportunities.unitId, deletedAt: opportunities.deletedAt }),
        eq(opportunities.id, input.opportunityId),
      ));
      if (!opp) throw invalid('opportunityId', 'no such opportunity in your data scope');
      if (opp.accountId !== input.accountId) throw invalid('opportunityId', 'belongs to another account');
    }
    const day = today();
    const lines = await buildLines(tx, p.tenantId, input.accountId, day, input.lines);
    const owner = await resolveOwnership(tx, p, 'quote', {});
    const id = newId();
    const values = {
      number: await nextNumber(tx, p.tenantId, 'QT', day), revision: 1, accountId: input.accountId, opportunityId: input.opportunityId ?? null,
      title: input.title ?? null, status: 'draft' as QuoteStatus, currency: input.currency, ...totals(lines), maxDiscountPct: maxDiscount(lines),
      validUntil: input.validUntil ?? null, note: input.note ?? null, ...owner,
    };
    await tx.insert(quotes).values({ tenantId: p.tenantId, id, ...values, createdBy: p.userId, updatedBy: p.userId });
    await writeLines(tx, p.tenantId, id, lines);
    await audit(tx, ctx.actor, { action: 'create', objectType: 'quote', objectId: id, objectLabel: label(values), changes: diff(null, values, audited.filter((f) => f !== 'decisionNote')), context: { accountId: input.accountId } });
    return id;
  });
}

async function load(tx: Executor, ctx: Ctx, id: string, version: number): Promise<QuoteRow> {
  const q = await getQuote(tx, ctx.principal, id);
  if (q.version !== version) throw new AppError('version_conflict');
  return q;
}

async function setStatus(tx: Executor, ctx: Ctx, before: QuoteRow, status: QuoteStatus, extra: Partial<typeof quotes.$inferInsert> = {}, action = 'update') {
  const p = ctx.principal;
  const [row] = await tx.update(quotes).set({ status, ...extra, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
    .where(and(eq(quotes.tenantId, p.tenantId), eq(quotes.id, before.id), eq(quotes.version, before.version)))
    .returning();
  if (!row) throw new AppError('version_conflict');
  await audit(tx, ctx.actor, { action, objectType: 'quote', objectId: before.id, objectLabel: label(before), changes: diff(before, row, audited), context: { accountId: before.accountId } });
}

/** Drafts and rejected quotes can be edited; editing a rejected one makes it a draft again. */
export async function updateQuote(ctx: Ctx, id: string, input: UpdateQuoteInput): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const before = await load(tx, ctx, id, input.version);
    if (!['draft', 'rejected'].includes(before.status)) throw new AppError('conflict');
    const extra: Partial<typeof quotes.$inferInsert> = {};
    if (input.title !== undefined) extra.title = input.title;
    if (input.validUntil !== undefined) extra.validUntil = input.validUntil;
    if (input.note !== undefined) extra.note = input.note;
    if (input.lines) {
      const lines = await buildLines(tx, p.tenantId, before.accountId, today(), input.lines);
      await writeLines(tx, p.tenantId, id, lines);
      Object.assign(extra, totals(lines), { maxDiscountPct: maxDiscount(lines) });
    }
    await setStatus(tx, ctx, before, 'draft', { ...extra, decidedBy: null, decidedAt: null, decisionNote: null });
  });
}

/** Submitting approves at once unless a discount is above the limit: then a manager must decide. */
export async function submitQuote(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await load(tx, ctx, id, version);
    if (before.status !== 'draft') throw new AppError('conflict');
    const settings = await getSalesSettings(tx, ctx.principal.tenantId);
    const needs = compareMoney(before.maxDiscountPct, settings.quoteDiscountLimitPct) > 0;
    await setStatus(tx, ctx, before, needs ? 'pending_approval' : 'approved', {}, needs ? 'submit' : 'approve');
  });
}

export async function decideQuote(ctx: Ctx, id: string, version: number, approve: boolean, note: string | null | undefined): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await load(tx, ctx, id, version);
    if (before.status !== 'pending_approval') throw new AppError('conflict');
    await setStatus(tx, ctx, before, approve ? 'approved' : 'rejected', { decidedBy: ctx.principal.userId, decidedAt: new Date(), decisionNote: note ?? null }, approve ? 'approve' : 'reject');
  });
}

export async function sendQuote(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await load(tx, ctx, id, version);
    if (before.status !== 'approved') throw new AppError('conflict');
    await setStatus(tx, ctx, before, 'sent', {}, 'send');
  });
}

/** A new version: the same number, the next revision, the lines copied as a draft; the old one is superseded. */
export async function reviseQuote(ctx: Ctx, id: string, version: number): Promise<string> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await load(tx, ctx, id, version);
    if (before.status === 'superseded' || before.status === 'accepted') throw new AppError('conflict');
    const lines = await quoteLinesOf(tx, p.tenantId, id);
    const newQuoteId = newId();
    await tx.insert(quotes).values({
      tenantId: p.tenantId, id: newQuoteId, number: before.number, revision: before.revision + 1, accountId: before.accountId, opportunityId: before.opportunityId,
      title: before.title, status: 'draft', currency: before.currency, subtotal: before.subtotal, taxAmount: before.taxAmount, total: before.total,
      maxDiscountPct: before.maxDiscountPct, validUntil: before.validUntil, note: before.note, ownerId: before.ownerId, unitId: before.unitId,
      createdBy: p.userId, updatedBy: p.userId,
    });
    await tx.insert(quoteLines).values(lines.map(({ productCode: _c, productName: _n, productEnglishName: _e, specification: _s, ...l }) => ({ ...l, id: newId(), quoteId: newQuoteId })));
    await setStatus(tx, ctx, before, 'superseded', {}, 'revise');
    await audit(tx, ctx.actor, { action: 'create', objectType: 'quote', objectId: newQuoteId, objectLabel: `${before.number} v${before.revision + 1}`, context: { accountId: before.accountId, revisionOf: id } });
    return newQuoteId;
  });
}
