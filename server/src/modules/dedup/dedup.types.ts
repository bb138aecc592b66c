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

export const reportQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(500) });
export const reportResponse = z.object({
  groups: z.array(z.object({
    score: z.number(),
    accounts: z.array(z.object({ id: z.uuid(), name: z.string(), ownerName: z.string().nullable(), unitName: z.string().nullable() })),
    links: z.array(z.object({ a: z.uuid(), b: z.uuid(), score: z.number(), reasons: z.array(reasonSchema) })),
  })),
  totalGroups: z.number().int(),
  stats: z.object({ accounts: z.number().int(), comparisons: z.number().int(), loadMs: z.number().int(), matchMs: z.number().int() }),
});
