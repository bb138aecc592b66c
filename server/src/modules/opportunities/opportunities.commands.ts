import { and, eq, inArray, isNull } from 'drizzle-orm';
import { can, type Principal } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { buildSearchDocument } from '../../platform/text/search-document.ts';
import { findAccount } from '../accounts/accounts.queries.ts';
import { resolveOwnership, type Ownership } from '../accounts/ownership.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { diffCustom, validateCustom } from '../custom-fields/index.ts';
import { defaultPipeline, findStage, getPipeline, type PipelineRecord, type StageRow } from '../pipelines/pipelines.queries.ts';
import { products } from '../products/products.schema.ts';
import { lineAmount, sumAmounts } from './money.ts';
import { findOpportunity, getOpportunity, readBackOpportunity, type OpportunityRecord } from './opportunities.queries.ts';
import { opportunities, opportunityContacts, opportunityLines, type Competitor } from './opportunities.schema.ts';
import type { CreateOpportunityInput, LineInput, MoveOpportunityInput, UpdateOpportunityInput } from './opportunities.types.ts';
import { enterStage, reachedOrderAfter } from './stage-moves.ts';

/** What the audit log records of a deal; contacts and lines appear as readable summaries. */
export const auditedOpportunityFields = [
  'name', 'accountId', 'amount', 'currency', 'probability', 'expectedCloseDate', 'committed', 'source', 'competitors',
  'latestFollowUp', 'currentProblems', 'nextStep', 'stageId', 'stageName', 'status', 'closeReason', 'lostTo', 'ownerId', 'unitId',
] as const;

const summary = (o: OpportunityRecord) => ({
  contacts: o.contacts.map((c) => `${c.name ?? c.id}${c.role ? ` (${c.role})` : ''}`),
  lines: o.lines.map((l) => `${l.productCode ?? l.description ?? ''} ${l.quantity} × ${l.unitPrice}`),
});
const summaryChanges = (before: OpportunityRecord | null, after: OpportunityRecord) => {
  const a = before ? summary(before) : { contacts: [], lines: [] };
  const b = summary(after);
  return {
    ...(JSON.stringify(a.contacts) !== JSON.stringify(b.contacts) ? { contacts: [a.contacts, b.contacts] as [unknown, unknown] } : {}),
    ...(JSON.stringify(a.lines) !== JSON.stringify(b.lines) ? { lines: [a.lines, b.lines] as [unknown, unknown] } : {}),
  };
};

const searchDoc = (name: string) => buildSearchDocument({ names: [name] });

async function assertAccount(tx: Executor, p: Principal, accountId: string) {
  if (!(await findAccount(tx, p, accountId))) throw notFound();
}

async function saveContacts(tx: Executor, p: Principal, id: string, list: { contactId: string; role?: string | null }[], before?: OpportunityRecord) {
  const unique = [...new Map(list.map((c) => [c.contactId, c])).values()];
  const added = unique.map((c) => c.contactId).filter((cid) => !before?.contacts.some((c) => c.id === cid));
  if (added.length) {
    const found = await tx.select({ id: contacts.id }).from(contacts).where(and(contactScope(p), inArray(contacts.id, added)));
    if (found.length !== added.length) throw invalid('contacts', 'no such contact in your scope');
  }
  await tx.delete(opportunityContacts).where(and(eq(opportunityContacts.tenantId, p.tenantId), eq(opportunityContacts.opportunityId, id)));
  if (unique.length) {
    await tx.insert(opportunityContacts).values(unique.map((c) => ({ tenantId: p.tenantId, opportunityId: id, contactId: c.contactId, role: c.role ?? null })));
  }
}

/** Replaces the lines; returns their total. */
async function saveLines(tx: Executor, tenantId: string, id: string, lines: LineInput[]): Promise<string> {
  const productIds = [...new Set(lines.map((l) => l.productId).filter((v): v is string => !!v))];
  if (productIds.length) {
    const found = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId), inArray(products.id, productIds), isNull(products.deletedAt)));
    if (found.length !== productIds.length) throw invalid('lines', 'no such product');
  }
  for (const [i, l] of lines.entries()) if (!l.productId && !l.description) throw invalid(`lines.${i}`, 'a product or a description');
  await tx.delete(opportunityLines).where(and(eq(opportunityLines.tenantId, tenantId), eq(opportunityLines.opportunityId, id)));
  const rows = lines.map((l, i) => ({
    tenantId, id: newId(), opportunityId: id, productId: l.productId ?? null, description: l.description ?? null,
    quantity: l.quantity, unitPrice: l.unitPrice, amount: lineAmount(l.quantity, l.unitPrice), sortOrder: i,
  }));
  if (rows.length) await tx.insert(opportunityLines).values(rows);
  return sumAmounts(rows.map((r) => r.amount));
}

function stageOf(pipeline: PipelineRecord, stageId: string | undefined): StageRow {
  const stage = stageId
    ? pipeline.stages.find((s) => s.id === stageId && s.active)
    : pipeline.stages.find((s) => s.active && s.kind === 'open');
  if (!stage) throw invalid('stageId', 'not an active stage of the pipeline');
  return stage;
}

export async function createOpportunity(ctx: Ctx, input: CreateOpportunityInput, opts: { leadId?: string } = {}): Promise<OpportunityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveOwnership(tx, p, 'opportunity', { ownerId: input.ownerId, unitId: input.unitId });
    await assertAccount(tx, p, input.accountId);
    const pipeline = input.pipelineId ? await getPipeline(tx, p.tenantId, input.pipelineId).catch(() => { throw invalid('pipelineId', 'no such pipeline'); }) : await defaultPipeline(tx, p.tenantId);
    if (!pipeline.active) throw invalid('pipelineId', 'the pipeline is not active');
    const stage = stageOf(pipeline, input.stageId);
    const custom = await validateCustom(tx, p.tenantId, 'opportunity', input.custom, { mode: 'create' });
    const id = newId();
    const now = new Date();
    const probability = input.probability ?? stage.probability;
    await tx.insert(opportunities).values({
      tenantId: p.tenantId,
      id,
      name: input.name,
      accountId: input.accountId,
      pipelineId: pipeline.id,
      stageId: stage.id,
      status: stage.kind,
      stageOrder: stage.sortOrder,
      reachedOrder: await reachedOrderAfter(tx, p.tenantId, stage, 0),
      stageEnteredAt: now,
      amount: input.amount ?? '0',
      currency: input.currency,
      probability,
      expectedCloseDate: input.expectedCloseDate ?? null,
      committed: input.committed ?? false,
      source: input.source ?? null,
      competitors: (input.competitors ?? []) as Competitor[],
      latestFollowUp: input.latestFollowUp ?? null,
      currentProblems: input.currentProblems ?? null,
      nextStep: input.nextStep ?? null,
      closedAt: stage.kind === 'open' ? null : now,
      leadId: opts.leadId ?? null,
      custom,
      ...owner,
      ...searchDoc(input.name),
      createdAt: now,
      updatedAt: now,
      createdBy: p.userId,
      updatedBy: p.userId,
    });
    if (input.contacts?.length) await saveContacts(tx, p, id, input.contacts);
    let amount = input.amount ?? '0';
    if (input.lines?.length) {
      amount = await saveLines(tx, p.tenantId, id, input.lines);
      await tx.update(opportunities).set({ amount }).where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id)));
    }
    await enterStage(tx, p.tenantId, p.userId, { id, amount, probability }, stage, now);
    const created = await readBackOpportunity(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'opportunity', objectId: id, objectLabel: created.name,
      changes: { ...diff(null, created, auditedOpportunityFields), ...summaryChanges(null, created), ...diffCustom(null, custom) },
    });
    return created;
  });
}

async function nextOwnership(tx: Executor, p: Principal, before: OpportunityRecord, ownerId: string | undefined, unitId: string | undefined): Promise<Ownership> {
  const ownerChanged = ownerId !== undefined && ownerId !== before.ownerId;
  const unitChanged = unitId !== undefined && unitId !== before.unitId;
  if (!ownerChanged && !unitChanged) return { ownerId: before.ownerId, unitId: before.unitId };
  if (!can(p, 'opportunity', 'assign')) throw forbidden();
  return resolveOwnership(tx, p, 'opportunity', { ownerId, unitId }, before);
}

const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);

export async function updateOpportunity(ctx: Ctx, id: string, input: UpdateOpportunityInput): Promise<OpportunityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getOpportunity(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const owner = await nextOwnership(tx, p, before, input.ownerId, input.unitId);
    if (input.accountId && input.accountId !== before.accountId) await assertAccount(tx, p, input.accountId);
    const custom = input.custom === undefined
      ? before.custom
      : await validateCustom(tx, p.tenantId, 'opportunity', input.custom, { mode: 'update', existing: before.custom, recordId: id });
    if (input.contacts) await saveContacts(tx, p, id, input.contacts, before);
    let amount = pick(input.amount, before.amount) ?? '0';
    if (input.lines) {
      const total = await saveLines(tx, p.tenantId, id, input.lines);
      if (input.lines.length) amount = total;
    } else if (before.lines.length) amount = before.amount;
    const name = input.name ?? before.name;
    const [row] = await tx
      .update(opportunities)
      .set({
        name,
        accountId: input.accountId ?? before.accountId,
        amount,
        currency: input.currency ?? before.currency,
        probability: input.probability ?? before.probability,
        expectedCloseDate: pick(input.expectedCloseDate, before.expectedCloseDate),
        committed: input.committed ?? before.committed,
        source: pick(input.source, before.source),
        competitors: (input.competitors ?? before.competitors) as Competitor[],
        latestFollowUp: pick(input.latestFollowUp, before.latestFollowUp),
        currentProblems: pick(input.currentProblems, before.currentProblems),
        nextStep: pick(input.nextStep, before.nextStep),
        ...owner,
        custom,
        ...(name !== before.name ? searchDoc(name) : {}),
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id), eq(opportunities.version, input.version)))
      .returning({ id: opportunities.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackOpportunity(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'opportunity', objectId: id, objectLabel: after.name,
      changes: { ...diff(before, after, auditedOpportunityFields), ...summaryChanges(before, after), ...diffCustom(before.custom, after.custom) },
    });
    return after;
  });
}

/**
 * Moving a deal to another stage of its pipeline (the kanban drag): its probability follows the
 * stage unless given, a won or lost stage closes it (a loss needs its reason), and the stage
 * history records when it left the old stage and entered the new one.
 */
export async function moveOpportunity(ctx: Ctx, id: string, input: MoveOpportunityInput): Promise<OpportunityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getOpportunity(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const stage = await findStage(tx, p.tenantId, input.stageId);
    if (!stage || stage.pipelineId !== before.pipelineId || !stage.active) throw invalid('stageId', 'not an active stage of the deal\'s pipeline');
    if (stage.id === before.stageId && input.probability === undefined) return before;
    if (stage.kind === 'lost' && !input.closeReason) throw invalid('closeReason', 'say why the deal was lost');
    const now = new Date();
    const probability = input.probability ?? stage.probability;
    const closing = stage.kind !== 'open';
    const [row] = await tx
      .update(opportunities)
      .set({
        stageId: stage.id,
        status: stage.kind,
        stageOrder: stage.sortOrder,
        reachedOrder: await reachedOrderAfter(tx, p.tenantId, stage, before.reachedOrder),
        probability,
        ...(stage.id !== before.stageId ? { stageEnteredAt: now } : {}),
        closedAt: closing ? (before.status === stage.kind ? before.closedAt : now) : null,
        closeReason: closing ? (input.closeReason ?? before.closeReason ?? null) : null,
        lostTo: stage.kind === 'lost' ? (input.lostTo ?? null) : null,
        version: before.version + 1,
        updatedAt: now,
        updatedBy: p.userId,
      })
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id), eq(opportunities.version, input.version)))
      .returning({ id: opportunities.id });
    if (!row) throw new AppError('version_conflict');
    if (stage.id !== before.stageId) await enterStage(tx, p.tenantId, p.userId, { id, amount: before.amount, probability }, stage, now);
    const after = await readBackOpportunity(tx, p, id);
    const action = stage.kind === 'won' ? 'win' : stage.kind === 'lost' ? 'lose' : 'move';
    await audit(tx, ctx.actor, {
      action, objectType: 'opportunity', objectId: id, objectLabel: after.name,
      changes: diff(before, after, ['stageId', 'stageName', 'status', 'probability', 'closeReason', 'lostTo']),
    });
    return after;
  });
}

export async function deleteOpportunity(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const opp = await getOpportunity(tx, p, id);
    await tx
      .update(opportunities)
      .set({ deletedAt: new Date(), deletedBy: p.userId, version: opp.version + 1 })
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'opportunity', objectId: id, objectLabel: opp.name });
  });
}

export async function restoreOpportunity(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const opp = await findOpportunity(tx, p, id, { includeDeleted: true });
    if (!opp?.deletedAt) throw notFound();
    await tx
      .update(opportunities)
      .set({ deletedAt: null, deletedBy: null, version: opp.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(opportunities.tenantId, p.tenantId), eq(opportunities.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'opportunity', objectId: id, objectLabel: opp.name });
  });
}
