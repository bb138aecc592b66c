import { and, eq } from 'drizzle-orm';
import { can, type Principal } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { buildSearchDocument } from '../../platform/text/search-document.ts';
import { resolveOwnership, type Ownership } from '../accounts/ownership.ts';
import { diffCustom, validateCustom } from '../custom-fields/index.ts';
import { findLead, getLead, readBackLead, type LeadRecord } from './leads.queries.ts';
import { leads } from './leads.schema.ts';
import type { CreateLeadInput, UpdateLeadInput } from './leads.types.ts';

export const auditedLeadFields = [
  'name', 'companyName', 'title', 'phones', 'emails', 'provinceCode', 'cityCode', 'address', 'source', 'sourceDetail', 'status', 'rating',
  'qualification', 'estimatedAmount', 'notes', 'unqualifiedReason', 'ownerId', 'unitId',
] as const;
type StoredFields = Pick<LeadRecord, (typeof auditedLeadFields)[number]>;

/** The person's name reads with surnames; the company's is searchable too. */
export const leadSearchDoc = (l: Pick<StoredFields, 'name' | 'companyName' | 'phones' | 'emails'>) =>
  buildSearchDocument({ names: [l.name, l.companyName], person: true, phones: l.phones, emails: l.emails });

export async function createLead(ctx: Ctx, input: CreateLeadInput): Promise<LeadRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveOwnership(tx, p, 'lead', { ownerId: input.ownerId, unitId: input.unitId });
    const custom = await validateCustom(tx, p.tenantId, 'lead', input.custom, { mode: 'create' });
    const fields: StoredFields = {
      name: input.name,
      companyName: input.companyName ?? null,
      title: input.title ?? null,
      phones: input.phones ?? [],
      emails: input.emails ?? [],
      provinceCode: input.provinceCode ?? null,
      cityCode: input.cityCode ?? null,
      address: input.address ?? null,
      source: input.source,
      sourceDetail: input.sourceDetail ?? null,
      status: input.status ?? 'new',
      rating: input.rating ?? null,
      qualification: input.qualification ?? null,
      estimatedAmount: input.estimatedAmount ?? null,
      notes: input.notes ?? null,
      unqualifiedReason: input.unqualifiedReason ?? null,
      ...owner,
    };
    const id = newId();
    await tx.insert(leads).values({ tenantId: p.tenantId, id, ...fields, custom, ...leadSearchDoc(fields), createdBy: p.userId, updatedBy: p.userId });
    const created = await readBackLead(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'lead', objectId: id, objectLabel: created.name,
      changes: { ...diff(null, created, auditedLeadFields), ...diffCustom(null, custom) },
    });
    return created;
  });
}

async function nextOwnership(tx: Executor, p: Principal, before: LeadRecord, ownerId: string | undefined, unitId: string | undefined): Promise<Ownership> {
  const ownerChanged = ownerId !== undefined && ownerId !== before.ownerId;
  const unitChanged = unitId !== undefined && unitId !== before.unitId;
  if (!ownerChanged && !unitChanged) return { ownerId: before.ownerId, unitId: before.unitId };
  if (!can(p, 'lead', 'assign')) throw forbidden();
  return resolveOwnership(tx, p, 'lead', { ownerId, unitId }, before);
}

export async function updateLead(ctx: Ctx, id: string, input: UpdateLeadInput): Promise<LeadRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getLead(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    if (before.status === 'converted') throw new AppError('lead_already_converted');
    const owner = await nextOwnership(tx, p, before, input.ownerId, input.unitId);
    const fields = Object.fromEntries(
      auditedLeadFields.filter((k) => k !== 'ownerId' && k !== 'unitId').map((k) => [k, input[k] === undefined ? before[k] : input[k]]),
    ) as Omit<StoredFields, 'ownerId' | 'unitId'>;
    const custom = input.custom === undefined
      ? before.custom
      : await validateCustom(tx, p.tenantId, 'lead', input.custom, { mode: 'update', existing: before.custom, recordId: id });
    const [row] = await tx
      .update(leads)
      .set({ ...fields, ...owner, custom, ...leadSearchDoc(fields), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(leads.tenantId, p.tenantId), eq(leads.id, id), eq(leads.version, input.version)))
      .returning({ id: leads.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackLead(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'lead', objectId: id, objectLabel: after.name,
      changes: { ...diff(before, after, auditedLeadFields), ...diffCustom(before.custom, after.custom) },
    });
    return after;
  });
}

export async function deleteLead(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const lead = await getLead(tx, p, id);
    await tx.update(leads).set({ deletedAt: new Date(), deletedBy: p.userId, version: lead.version + 1 }).where(and(eq(leads.tenantId, p.tenantId), eq(leads.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'lead', objectId: id, objectLabel: lead.name });
  });
}

export async function restoreLead(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const lead = await findLead(tx, p, id, { includeDeleted: true });
    if (!lead?.deletedAt) throw notFound();
    await tx
      .update(leads)
      .set({ deletedAt: null, deletedBy: null, version: lead.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(leads.tenantId, p.tenantId), eq(leads.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'lead', objectId: id, objectLabel: lead.name });
  });
}
