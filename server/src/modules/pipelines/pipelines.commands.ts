import { and, eq, sql } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { insertPipeline } from './pipelines.defaults.ts';
import { getPipeline, type PipelineRecord } from './pipelines.queries.ts';
import { pipelineStages, pipelines } from './pipelines.schema.ts';
import type { CreatePipelineInput, StageInput, UpdatePipelineInput } from './pipelines.types.ts';

const auditedFields = ['name', 'description', 'isDefault', 'active'] as const;
const stageSummary = (r: PipelineRecord) => r.stages.filter((s) => s.active).map((s) => `${s.name} ${s.probability}% ${s.kind}`);

async function clearDefault(tx: Executor, tenantId: string) {
  await tx.update(pipelines).set({ isDefault: false }).where(and(eq(pipelines.tenantId, tenantId), eq(pipelines.isDefault, true)));
}

export async function createPipeline(ctx: Ctx, input: CreatePipelineInput): Promise<PipelineRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    if (input.isDefault) await clearDefault(tx, p.tenantId);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(pipelines).where(eq(pipelines.tenantId, p.tenantId));
    const id = await insertPipeline(tx, p.tenantId, { ...input, isDefault: input.isDefault ?? false, sortOrder: n * 10, createdBy: p.userId }, input.stages);
    const created = await getPipeline(tx, p.tenantId, id);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'pipeline', objectId: id, objectLabel: created.name,
      changes: { ...diff(null, created, auditedFields), stages: [null, stageSummary(created)] },
    });
    return created;
  });
}

/**
 * The stage list is sent whole: listed stages are kept or added in that order, left-out ones are
 * retired (deals in them keep them). Deals follow their stage's new order and kind, and their
 * furthest reached stage is recomputed from their history, so the funnel stays right.
 */
async function saveStages(tx: Executor, ctx: Ctx, before: PipelineRecord, stages: StageInput[]) {
  const tenantId = ctx.principal.tenantId;
  const known = new Set(before.stages.map((s) => s.id));
  for (const s of stages) if (s.id && !known.has(s.id)) throw invalid('stages', `stage ${s.id} is not a stage of this pipeline`);
  const kept = new Set(stages.map((s) => s.id).filter(Boolean));
  const now = new Date();
  for (const [i, s] of stages.entries()) {
    const values = { name: s.name, probability: s.probability, kind: s.kind, sortOrder: (i + 1) * 10, active: true };
    if (s.id) {
      await tx.update(pipelineStages).set({ ...values, updatedAt: now, updatedBy: ctx.principal.userId })
        .where(and(eq(pipelineStages.tenantId, tenantId), eq(pipelineStages.id, s.id)));
    } else {
      await tx.insert(pipelineStages).values({ tenantId, id: newId(), pipelineId: before.id, ...values, createdBy: ctx.principal.userId });
    }
  }
  for (const s of before.stages) {
    if (!kept.has(s.id) && s.active) {
      await tx.update(pipelineStages).set({ active: false, updatedAt: now }).where(and(eq(pipelineStages.tenantId, tenantId), eq(pipelineStages.id, s.id)));
    }
  }
  await tx.execute(sql`
    update opportunities o set status = s.kind, stage_order = s.sort_order
    from pipeline_stages s
    where o.tenant_id = ${tenantId} and o.pipeline_id = ${before.id} and s.tenant_id = o.tenant_id and s.id = o.stage_id
      and (o.status <> s.kind or o.stage_order <> s.sort_order)`);
  await tx.execute(sql`
    update opportunities o set reached_order = coalesce((
      select max(s.sort_order) from opportunity_stage_history h
      join pipeline_stages s on s.tenant_id = h.tenant_id and s.id = h.stage_id and s.kind = 'open'
      where h.tenant_id = o.tenant_id and h.opportunity_id = o.id), 0)
    where o.tenant_id = ${tenantId} and o.pipeline_id = ${before.id}`);
  await tx.execute(sql`
    update opportunities o set reached_order = (select max(s.sort_order) from pipeline_stages s
      where s.tenant_id = o.tenant_id and s.pipeline_id = o.pipeline_id and s.kind = 'open' and s.active)
    where o.tenant_id = ${tenantId} and o.pipeline_id = ${before.id} and o.status = 'won'`);
}

export async function updatePipeline(ctx: Ctx, id: string, input: UpdatePipelineInput): Promise<PipelineRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getPipeline(tx, p.tenantId, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    if (input.active === false && before.isDefault) throw invalid('active', 'the default pipeline cannot be deactivated; make another one the default first');
    if (input.isDefault && !before.isDefault) await clearDefault(tx, p.tenantId);
    const [row] = await tx
      .update(pipelines)
      .set({
        name: input.name ?? before.name,
        description: input.description === undefined ? before.description : input.description,
        isDefault: input.isDefault ?? before.isDefault,
        active: input.active ?? before.active,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(eq(pipelines.tenantId, p.tenantId), eq(pipelines.id, id), eq(pipelines.version, input.version)))
      .returning({ id: pipelines.id });
    if (!row) throw new AppError('version_conflict');
    if (input.stages) await saveStages(tx, ctx, before, input.stages);
    const after = await getPipeline(tx, p.tenantId, id);
    const stagesBefore = stageSummary(before);
    const stagesAfter = stageSummary(after);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'pipeline', objectId: id, objectLabel: after.name,
      changes: {
        ...diff(before, after, auditedFields),
        ...(JSON.stringify(stagesBefore) !== JSON.stringify(stagesAfter) ? { stages: [stagesBefore, stagesAfter] } : {}),
      },
    });
    return after;
  });
}
