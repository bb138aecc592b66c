import { and, asc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { users } from '../org/org.schema.ts';
import { pipelineStages } from '../pipelines/pipelines.schema.ts';
import { opportunityStageHistory } from './opportunities.schema.ts';

/** The deal's stays in each stage, oldest first; the caller has already been shown the deal. */
export async function stageHistory(db: Executor, p: Principal, opportunityId: string, now = new Date()) {
  const rows = await db
    .select({
      id: opportunityStageHistory.id,
      stageId: opportunityStageHistory.stageId,
      stageName: pipelineStages.name,
      kind: pipelineStages.kind,
      enteredAt: opportunityStageHistory.enteredAt,
      leftAt: opportunityStageHistory.leftAt,
      enteredBy: opportunityStageHistory.enteredBy,
      enteredByName: users.name,
    })
    .from(opportunityStageHistory)
    .leftJoin(pipelineStages, and(eq(pipelineStages.tenantId, opportunityStageHistory.tenantId), eq(pipelineStages.id, opportunityStageHistory.stageId)))
    .leftJoin(users, and(eq(users.tenantId, opportunityStageHistory.tenantId), eq(users.id, opportunityStageHistory.enteredBy)))
    .where(and(eq(opportunityStageHistory.tenantId, p.tenantId), eq(opportunityStageHistory.opportunityId, opportunityId)))
    .orderBy(asc(opportunityStageHistory.enteredAt), asc(opportunityStageHistory.id));
  return rows.map((r) => ({
    ...r,
    enteredAt: r.enteredAt.toISOString(),
    leftAt: r.leftAt?.toISOString() ?? null,
    days: Math.round((((r.leftAt ?? now).getTime() - r.enteredAt.getTime()) / 86_400_000) * 10) / 10,
  }));
}
