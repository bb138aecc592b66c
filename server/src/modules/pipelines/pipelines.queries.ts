import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pipelineStages, pipelines } from './pipelines.schema.ts';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type PipelineRecord = PipelineRow & { stages: StageRow[] };

/** Pipelines are tenant configuration: every user of the tenant reads the same ones. */
export async function listPipelines(db: Executor, tenantId: string, opts: { ids?: string[] } = {}): Promise<PipelineRecord[]> {
  const rows = await db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.tenantId, tenantId), isNull(pipelines.deletedAt), opts.ids ? inArray(pipelines.id, opts.ids) : undefined))
    .orderBy(asc(pipelines.sortOrder), asc(pipelines.createdAt));
  if (!rows.length) return [];
  const stages = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.tenantId, tenantId), inArray(pipelineStages.pipelineId, rows.map((r) => r.id))))
    .orderBy(asc(pipelineStages.sortOrder));
  return rows.map((r) => ({
    ...r,
    // Active stages in order, then the retired ones.
    stages: stages.filter((s) => s.pipelineId === r.id).sort((a, b) => Number(b.active) - Number(a.active) || a.sortOrder - b.sortOrder),
  }));
}

export async function getPipeline(db: Executor, tenantId: string, id: string): Promise<PipelineRecord> {
  const [pipeline] = await listPipelines(db, tenantId, { ids: [id] });
  if (!pipeline) throw notFound();
  return pipeline;
}

export async function defaultPipeline(db: Executor, tenantId: string): Promise<PipelineRecord> {
  const all = await listPipelines(db, tenantId);
  const found = all.find((p) => p.isDefault && p.active) ?? all.find((p) => p.active);
  if (!found) throw notFound();
  return found;
}

/** A stage with its pipeline, of this tenant. */
export async function findStage(db: Executor, tenantId: string, stageId: string): Promise<StageRow | undefined> {
  const [stage] = await db.select().from(pipelineStages).where(and(eq(pipelineStages.tenantId, tenantId), eq(pipelineStages.id, stageId)));
  return stage;
}
