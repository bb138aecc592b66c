import { hasCapability, type Principal } from '../../platform/access/principal.ts';
import { pipelineCaps } from './pipelines.objects.ts';
import type { PipelineRecord } from './pipelines.queries.ts';
import type { PipelineDto } from './pipelines.types.ts';

export function presentPipeline(p: Principal, r: PipelineRecord): PipelineDto {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    isDefault: r.isDefault,
    active: r.active,
    sortOrder: r.sortOrder,
    version: r.version,
    stages: r.stages.map((s) => ({ id: s.id, name: s.name, sortOrder: s.sortOrder, probability: s.probability, kind: s.kind, active: s.active })),
    permissions: { update: hasCapability(p, pipelineCaps.manage) },
  };
}
