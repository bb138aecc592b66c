import { applyFieldRules } from '../../platform/access/fields.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import { presentCustom, type FieldDefinition } from '../custom-fields/index.ts';
import { weighted } from './money.ts';
import type { OpportunityRecord, OpportunityRow } from './opportunities.queries.ts';
import type { BoardCardDto, OpportunityDto } from './opportunities.types.ts';

/** Sums of amounts (board columns, reports) are shown only to those who see each deal's amount in clear. */
export const amountsVisible = (p: Principal) => !p.fieldRules.opportunity?.amount;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const today = (now: Date) => now.toISOString().slice(0, 10);
const isOverdue = (o: Pick<OpportunityRow, 'status' | 'expectedCloseDate'>, now: Date) => o.status === 'open' && !!o.expectedCloseDate && o.expectedCloseDate < today(now);

/** The only way a deal leaves the server: what the caller may do with it, sensitive fields masked. */
export function presentOpportunity(p: Principal, o: OpportunityRecord, defs: FieldDefinition[], now = new Date()): OpportunityDto {
  const dto: OpportunityDto = {
    id: o.id,
    name: o.name,
    accountId: o.accountId,
    accountName: o.accountName,
    pipelineId: o.pipelineId,
    pipelineName: o.pipelineName,
    stageId: o.stageId,
    stageName: o.stageName,
    status: o.status,
    stageEnteredAt: o.stageEnteredAt.toISOString(),
    amount: o.amount,
    currency: o.currency,
    probability: o.probability,
    weightedAmount: weighted(o.amount, o.probability),
    expectedCloseDate: o.expectedCloseDate,
    overdue: isOverdue(o, now),
    committed: o.committed,
    source: o.source,
    competitors: o.competitors.map((c) => ({ name: c.name, strengths: c.strengths ?? null, weaknesses: c.weaknesses ?? null })),
    latestFollowUp: o.latestFollowUp,
    currentProblems: o.currentProblems,
    nextStep: o.nextStep,
    closedAt: iso(o.closedAt),
    closeReason: o.closeReason,
    lostTo: o.lostTo,
    leadId: o.leadId,
    lastActivityAt: iso(o.lastActivityAt),
    contacts: o.contacts,
    lines: o.lines,
    ownerId: o.ownerId,
    ownerName: o.ownerName,
    unitId: o.unitId,
    unitName: o.unitName,
    custom: presentCustom(defs, o.custom),
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    // Records reach the presenter through the scoped queries, so the grant alone decides.
    permissions: { update: can(p, 'opportunity', 'update'), delete: can(p, 'opportunity', 'delete'), assign: can(p, 'opportunity', 'assign') },
  };
  const shown = applyFieldRules(p, 'opportunity', dto);
  // The weighted amount is the amount in other words: it follows the amount's rule.
  if (shown.amount !== dto.amount) shown.weightedAmount = shown.amount === undefined ? undefined : null;
  if (shown.amount !== dto.amount) shown.lines = shown.lines.map((l) => ({ ...l, unitPrice: '***', amount: '***' }));
  return shown;
}

export type CardRow = Pick<OpportunityRow,
  'id' | 'name' | 'accountId' | 'accountName' | 'stageId' | 'status' | 'amount' | 'currency' | 'probability' | 'expectedCloseDate' | 'nextStep'
  | 'ownerId' | 'ownerName' | 'version' | 'stageEnteredAt' | 'lastActivityAt'>;

export function presentCard(p: Principal, o: CardRow, now = new Date()): BoardCardDto {
  return applyFieldRules(p, 'opportunity', {
    id: o.id,
    name: o.name,
    accountId: o.accountId,
    accountName: o.accountName,
    stageId: o.stageId,
    status: o.status,
    amount: o.amount,
    currency: o.currency,
    probability: o.probability,
    expectedCloseDate: o.expectedCloseDate,
    overdue: isOverdue(o, now),
    nextStep: o.nextStep,
    ownerId: o.ownerId,
    ownerName: o.ownerName,
    version: o.version,
    stageEnteredAt: o.stageEnteredAt.toISOString(),
    lastActivityAt: iso(o.lastActivityAt),
  });
}
