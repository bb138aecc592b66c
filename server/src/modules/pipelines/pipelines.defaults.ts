import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { registerTenantSetup } from '../../platform/tenancy/tenant-setup.ts';
import { pipelineStages, pipelines, type StageKind } from './pipelines.schema.ts';

/** The stages most of the seeds' companies name; administrators rename, add and re-weight them. */
export const defaultStages: { name: string; probability: number; kind: StageKind }[] = [
  { name: '初步接洽', probability: 10, kind: 'open' },
  { name: '需求确认', probability: 30, kind: 'open' },
  { name: '方案报价', probability: 50, kind: 'open' },
  { name: '商务谈判', probability: 75, kind: 'open' },
  { name: '赢单', probability: 100, kind: 'won' },
  { name: '输单', probability: 0, kind: 'lost' },
];

export async function insertPipeline(
  db: Executor,
  tenantId: string,
  p: { name: string; description?: string | null; isDefault: boolean; sortOrder?: number; createdBy?: string | null },
  stages: { name: string; probability: number; kind: StageKind }[],
): Promise<string> {
  const id = newId();
  await db.insert(pipelines).values({
    tenantId, id, name: p.name, description: p.description ?? null, isDefault: p.isDefault, sortOrder: p.sortOrder ?? 0, createdBy: p.createdBy ?? null, updatedBy: p.createdBy ?? null,
  });
  await db.insert(pipelineStages).values(stages.map((s, i) => ({ tenantId, id: newId(), pipelineId: id, ...s, sortOrder: (i + 1) * 10, createdBy: p.createdBy ?? null })));
  return id;
}

// A tenant without any pipeline gets the default one; a tenant that has pipelines keeps them as they are.
registerTenantSetup('pipelines', async (db, tenantId) => {
  const [any] = await db.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.tenantId, tenantId))).limit(1);
  if (any) return;
  await insertPipeline(db, tenantId, { name: '默认销售流程', isDefault: true }, defaultStages);
});
