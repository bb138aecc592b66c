import { z } from 'zod';
import { optionalText } from '../accounts/account-fields.ts';
import { stageKinds } from './pipelines.schema.ts';

export const stageSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sortOrder: z.number().int(),
    probability: z.number().int().min(0).max(100),
    kind: z.enum(stageKinds),
    active: z.boolean(),
  })
  .meta({ id: 'PipelineStage' });
export type StageDto = z.infer<typeof stageSchema>;

export const pipelineSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    isDefault: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    stages: z.array(stageSchema).describe('in order; inactive stages last are kept for history'),
    permissions: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Pipeline' });
export type PipelineDto = z.infer<typeof pipelineSchema>;

const stageInput = z.object({
  id: z.uuid().optional().describe('an existing stage of this pipeline; absent: a new stage'),
  name: z.string().trim().min(1).max(60),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(stageKinds).default('open'),
});
export type StageInput = z.infer<typeof stageInput>;

const stagesInput = z
  .array(stageInput)
  .min(2)
  .max(30)
  .superRefine((stages, ctx) => {
    if (!stages.some((s) => s.kind === 'open')) ctx.addIssue({ code: 'custom', message: 'at least one open stage' });
    if (!stages.some((s) => s.kind === 'won')) ctx.addIssue({ code: 'custom', message: 'at least one won stage' });
    if (!stages.some((s) => s.kind === 'lost')) ctx.addIssue({ code: 'custom', message: 'at least one lost stage' });
  })
  .describe('the whole list in order; existing stages left out are deactivated (deals in them keep them)');

export const createPipelineBody = z.object({
  name: z.string().trim().min(1).max(60),
  description: optionalText(500),
  isDefault: z.boolean().optional(),
  stages: stagesInput,
});
export type CreatePipelineInput = z.infer<typeof createPipelineBody>;

export const updatePipelineBody = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(60).optional(),
  description: optionalText(500),
  isDefault: z.literal(true).optional().describe('make this the default pipeline (the previous default stops being one)'),
  active: z.boolean().optional(),
  stages: stagesInput.optional(),
});
export type UpdatePipelineInput = z.infer<typeof updatePipelineBody>;

export const idParams = z.object({ id: z.uuid() });
