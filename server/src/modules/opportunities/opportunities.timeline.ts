import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applyFieldRules } from '../../platform/access/fields.ts';
import { utcMicros } from '../../platform/db/time-key.ts';
import { users } from '../org/org.schema.ts';
import { pipelineStages, stageKinds } from '../pipelines/pipelines.schema.ts';
import { beforePosition, registerTimelineSource } from '../timeline/timeline.sources.ts';
import { opportunityScope } from './opportunities.queries.ts';
import { opportunities, opportunityStageHistory } from './opportunities.schema.ts';

export const timelineOpportunitySchema = z
  .object({
    opportunityId: z.uuid(),
    name: z.string(),
    stageId: z.uuid(),
    stageName: z.string().nullable(),
    kind: z.enum(stageKinds).nullable(),
    first: z.boolean().describe('the deal was created in this stage'),
    amount: z.string().nullable().optional(),
    currency: z.string(),
    closeReason: z.string().nullable(),
    byUserId: z.uuid().nullable(),
    byName: z.string().nullable(),
  })
  .meta({ id: 'TimelineOpportunity' });

/**
 * The account's deals on its timeline: each time one entered a stage — created, moved, won, lost —
 * for the deals the caller may see.
 */
registerTimelineSource({
  name: 'opportunities',
  key: 'opportunity',
  types: ['opportunity'],
  schema: timelineOpportunitySchema,
  async page(ctx, accountId, { before, limit, types }) {
    const p = ctx.principal;
    if (!types.includes('opportunity')) return [];
    const h = opportunityStageHistory;
    const rows = await ctx.readDb
      .select({
        id: h.id, sortAt: utcMicros(h.enteredAt).as('sort_at'), opportunityId: h.opportunityId, name: opportunities.name, stageId: h.stageId,
        stageName: pipelineStages.name, kind: pipelineStages.kind, amount: h.amount, currency: opportunities.currency,
        closeReason: opportunities.closeReason, currentStageId: opportunities.stageId, createdAt: opportunities.createdAt, enteredAt: h.enteredAt,
        byUserId: h.enteredBy, byName: users.name,
      })
      .from(h)
      .innerJoin(opportunities, and(eq(opportunities.tenantId, h.tenantId), eq(opportunities.id, h.opportunityId)))
      .leftJoin(pipelineStages, and(eq(pipelineStages.tenantId, h.tenantId), eq(pipelineStages.id, h.stageId)))
      .leftJoin(users, and(eq(users.tenantId, h.tenantId), eq(users.id, h.enteredBy)))
      .where(and(opportunityScope(p), eq(opportunities.accountId, accountId), beforePosition(h.enteredAt, h.id, before)))
      .orderBy(desc(h.enteredAt), desc(h.id))
      .limit(limit);
    return rows.map((r) => ({
      sortAt: r.sortAt,
      id: r.id,
      type: 'opportunity',
      payload: applyFieldRules(p, 'opportunity', {
        opportunityId: r.opportunityId,
        name: r.name,
        stageId: r.stageId,
        stageName: r.stageName,
        kind: r.kind,
        first: r.enteredAt.getTime() === r.createdAt.getTime(),
        amount: r.amount,
        currency: r.currency,
        closeReason: r.kind !== 'open' && r.stageId === r.currentStageId ? r.closeReason : null,
        byUserId: r.byUserId,
        byName: r.byName,
      }),
    }));
  },
});
