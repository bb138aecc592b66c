import { z } from 'zod';
import { riskWarningSchema } from '../risk-flags/risk-flags.types.ts';

export const duplicateCheckBody = z.object({
  name: z.string().trim().min(1).max(200),
  shortName: z.string().trim().max(100).nullish(),
  englishName: z.string().trim().max(200).nullish(),
  formerNames: z.array(z.string().trim().max(200)).max(20).optional(),
  creditCode: z.string().trim().max(30).nullish(),
  phones: z.array(z.string().max(40)).max(20).optional(),
  emails: z.array(z.string().max(200)).max(20).optional(),
  excludeId: z.uuid().optional().describe('the account being edited'),
});

const reasonSchema = z.object({ kind: z.string(), detail: z.string(), score: z.number() });

export const candidateSchema = z
  .object({
    id: z.uuid().nullable().describe('null when the account is outside your data scope'),
    name: z.string(),
    ownerName: z.string().nullable().describe('null when it is in the public pool'),
    unitName: z.string().nullable(),
    inPool: z.boolean(),
    score: z.number(),
    likelyDuplicate: z.boolean(),
    reasons: z.array(reasonSchema),
    riskWarnings: z.array(riskWarningSchema),
  })
  .meta({ id: 'DuplicateCandidate' });
export const duplicateCheckResponse = z.object({ candidates: z.array(candidateSchema) });

export const reportQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  sort: z.enum(['score', 'size']).default('score').describe('strongest link first, or largest group first'),
});

export const reportRunSchema = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    phase: z.enum(['flags', 'pairs', 'scoring', 'grouping', 'saving']).nullable(),
    trigger: z.enum(['manual', 'schedule']),
    progress: z.number().min(0).max(1).describe('share of the work done, 0..1 (1 when done)'),
    accounts: z.number().int(),
    candidatePairs: z.number().int(),
    comparisons: z.number().int(),
    groups: z.number().int(),
    groupedAccounts: z.number().int(),
    timings: z.record(z.string(), z.number()).describe('milliseconds per phase'),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DuplicateReportRun' });

export const reportStatusResponse = z.object({
  latest: reportRunSchema.nullable().describe('the latest finished run: the groups shown'),
  active: reportRunSchema.nullable().describe('a queued or running run'),
  failed: reportRunSchema.nullable().describe('a run that failed after the latest finished one'),
});

export const reportResponse = reportStatusResponse.extend({
  groups: z.array(z.object({
    groupNo: z.number().int(),
    score: z.number(),
    size: z.number().int().describe('members you may see'),
    accounts: z.array(z.object({ id: z.uuid(), name: z.string(), ownerName: z.string().nullable(), unitName: z.string().nullable() })),
    links: z.array(z.object({ a: z.uuid(), b: z.uuid(), score: z.number(), reasons: z.array(reasonSchema) })),
  })),
  total: z.number().int().describe('groups with at least two members you may see'),
});
