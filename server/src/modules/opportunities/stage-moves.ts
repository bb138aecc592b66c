import { and, eq, isNull, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { pipelineStages } from '../pipelines/pipelines.schema.ts';
import type { StageRow } from '../pipelines/pipelines.queries.ts';
import { opportunityStageHistory } from './opportunities.schema.ts';

/**
 * The furthest open stage a deal has reached, which the funnel counts from. A won deal has passed
 * every open stage of its pipeline, even those it skipped; a lost one keeps what it had reached.
 */
export async function reachedOrderAfter(tx: Executor, tenantId: string, stage: StageRow, before: number): Promise<number> {
  if (stage.kind === 'open') return Math.max(before, stage.sortOrder);
  if (stage.kind === 'lost') return before;
  const [row] = await tx
    .select({ top: max(pipelineStages.sortOrder) })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.tenantId, tenantId), eq(pipelineStages.pipelineId, stage.pipelineId), eq(pipelineStages.kind, 'open'), eq(pipelineStages.active, true)));
  return Math.max(before, row?.top ?? 0);
}

/** Closes the deal's current stay (if any) and opens one in the new stage. */
export async function enterStage(
  tx: Executor,
  tenantId: string,
  userId: string | null,
  opp: { id: string; amount: string; probability: number },
  stage: StageRow,
  at: Date,
): Promise<void> {
  await tx
    .update(opportunityStageHistory)
    .set({ leftAt: at })
    .where(and(eq(opportunityStageHistory.tenantId, tenantId), eq(opportunityStageHistory.opportunityId, opp.id), isNull(opportunityStageHistory.leftAt)));
  await tx.insert(opportunityStageHistory).values({
    tenantId, id: newId(), opportunityId: opp.id, pipelineId: stage.pipelineId, stageId: stage.id, enteredAt: at, enteredBy: userId,
    amount: opp.amount, probability: opp.probability,
  });
}
