import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { moneyField, optionalText } from '../accounts/account-fields.ts';
import { customFiltersParam, customInputSchema, customOutputSchema } from '../custom-fields/index.ts';
import { stageKinds } from '../pipelines/pipelines.schema.ts';

const day = z.iso.date();
const decimal = (scale: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.string().trim().regex(new RegExp(`^\\d{1,14}(\\.\\d{1,${scale}})?$`), `a non-negative number with at most ${scale} decimals`),
  );

export const competitorSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    strengths: z.string().trim().max(1000).nullish(),
    weaknesses: z.string().trim().max(1000).nullish(),
  })
  .meta({ id: 'Competitor' });

export const opportunityLineSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid().nullable(),
    productName: z.string().nullable(),
    productCode: z.string().nullable(),
    description: z.string().nullable(),
    quantity: z.string(),
    unitPrice: z.string(),
    amount: z.string(),
  })
  .meta({ id: 'OpportunityLine' });

export const opportunitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountId: z.uuid(),
    accountName: z.string().nullable().describe('null when the account is outside your data scope'),
    pipelineId: z.uuid(),
    pipelineName: z.string().nullable(),
    stageId: z.uuid(),
    stageName: z.string().nullable(),
    status: z.enum(stageKinds).describe('open, won or lost: the kind of the current stage'),
    stageEnteredAt: z.iso.datetime(),
    amount: z.string().nullable().optional().describe('decimal string; masked or absent when your role masks or hides it'),
    currency: z.string(),
    probability: z.number().int(),
    weightedAmount: z.string().nullable().optional().describe('amount × probability'),
    expectedCloseDate: z.iso.date().nullable(),
    overdue: z.boolean().describe('open and past its expected close date'),
    committed: z.boolean(),
    source: z.string().nullable(),
    competitors: z.array(competitorSchema).optional(),
    latestFollowUp: z.string().nullable(),
    currentProblems: z.string().nullable().optional(),
    nextStep: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    closeReason: z.string().nullable(),
    lostTo: z.string().nullable(),
    leadId: z.uuid().nullable(),
    lastActivityAt: z.iso.datetime().nullable(),
    contacts: z.array(z.object({ id: z.uuid(), name: z.string().nullable(), role: z.string().nullable() })),
    lines: z.array(opportunityLineSchema),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    custom: customOutputSchema,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), assign: z.boolean() }),
  })
  .meta({ id: 'Opportunity' });
export type OpportunityDto = z.infer<typeof opportunitySchema>;

const lineInput = z.object({
  productId: z.uuid().nullish().describe('a product of the catalogue'),
  description: optionalText(300),
  quantity: decimal(4),
  unitPrice: decimal(4),
});
export type LineInput = z.infer<typeof lineInput>;

const contactInput = z.object({ contactId: z.uuid(), role: optionalText(60) });

const editable = {
  name: z.string().trim().min(1).max(200),
  accountId: z.uuid().describe('an account you can see'),
  amount: moneyField.describe('ignored when lines are sent: the amount is their sum'),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY'),
  probability: z.number().int().min(0).max(100).describe("default: the stage's probability"),
  expectedCloseDate: day.nullish(),
  committed: z.boolean().describe('the rep commits the deal to the forecast'),
  source: optionalText(60),
  competitors: z.array(competitorSchema).max(20),
  latestFollowUp: optionalText(2000),
  currentProblems: optionalText(2000),
  nextStep: optionalText(1000),
  contacts: z.array(contactInput).max(30).describe('the whole list: people of the account involved, with their role'),
  lines: z.array(lineInput).max(200).describe('the whole list of products with quantity and price'),
  ownerId: z.uuid().describe('default: you'),
  unitId: z.uuid().describe("default: the owner's unit"),
  custom: customInputSchema,
};

export const createOpportunityBody = z.object({
  ...editable,
  amount: editable.amount.optional(),
  currency: editable.currency.default('CNY'),
  probability: editable.probability.optional(),
  committed: editable.committed.optional(),
  competitors: editable.competitors.optional(),
  contacts: editable.contacts.optional(),
  lines: editable.lines.optional(),
  ownerId: editable.ownerId.optional(),
  unitId: editable.unitId.optional(),
  custom: editable.custom.optional(),
  pipelineId: z.uuid().optional().describe('default: the default pipeline'),
  stageId: z.uuid().optional().describe("default: the pipeline's first stage"),
});
export type CreateOpportunityInput = z.infer<typeof createOpportunityBody>;

export const updateOpportunityBody = z
  .object({ version: z.number().int(), ...editable })
  .partial()
  .required({ version: true });
export type UpdateOpportunityInput = z.infer<typeof updateOpportunityBody>;

export const moveOpportunityBody = z.object({
  version: z.number().int().describe('the version you read'),
  stageId: z.uuid().describe('a stage of the same pipeline'),
  probability: z.number().int().min(0).max(100).optional().describe("default: the new stage's probability"),
  closeReason: optionalText(500).describe('why it was won or lost; required when moving to a lost stage'),
  lostTo: optionalText(100).describe('the competitor that won, when lost'),
});
export type MoveOpportunityInput = z.infer<typeof moveOpportunityBody>;

const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined));

export const opportunitySortFields = ['updatedAt', 'createdAt', 'expectedCloseDate', 'amount'] as const;

export const listOpportunitiesQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the name'),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  status: csv.pipe(z.array(z.enum(stageKinds)).optional()).describe('comma-separated: open,won,lost'),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('deals of this unit and every unit below it'),
  closeFrom: day.optional().describe('expected close date ≥'),
  closeTo: day.optional().describe('expected close date ≤'),
  customFilters: customFiltersParam,
  sort: z.enum(opportunitySortFields).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListOpportunitiesQuery = z.infer<typeof listOpportunitiesQuery>;

export const boardQuery = z.object({
  pipelineId: z.uuid().optional().describe('default: the default pipeline'),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('this unit and every unit below it'),
  perStage: z.coerce.number().int().min(1).max(200).default(50),
  closedDays: z.coerce.number().int().min(1).max(365).default(30).describe('won and lost columns show deals closed in the last N days'),
});
export type BoardQuery = z.infer<typeof boardQuery>;

export const boardCardSchema = opportunitySchema.pick({
  id: true, name: true, accountId: true, accountName: true, stageId: true, status: true, amount: true, currency: true,
  probability: true, expectedCloseDate: true, overdue: true, nextStep: true, ownerId: true, ownerName: true, version: true,
  stageEnteredAt: true, lastActivityAt: true,
}).meta({ id: 'OpportunityCard' });
export type BoardCardDto = z.infer<typeof boardCardSchema>;

export const boardSchema = z.object({
  pipelineId: z.uuid(),
  columns: z.array(z.object({
    stageId: z.uuid(),
    name: z.string(),
    kind: z.enum(stageKinds),
    probability: z.number().int(),
    count: z.number().int(),
    amount: z.string().nullable().describe('sum of the column; null when your role hides amounts'),
    weightedAmount: z.string().nullable(),
    items: z.array(boardCardSchema),
  })),
}).meta({ id: 'OpportunityBoard' });

export const coachingQuery = z.object({
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('reps of this unit and every unit below it'),
  pipelineId: z.uuid().optional(),
  staleDays: z.coerce.number().int().min(1).max(365).default(14).describe('no activity for this many days'),
});
export type CoachingQuery = z.infer<typeof coachingQuery>;

export const coachingSchema = z.object({
  reps: z.array(z.object({
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    open: z.number().int(),
    openAmount: z.string().nullable(),
    weightedAmount: z.string().nullable(),
    stale: z.number().int(),
    pastClose: z.number().int(),
    noNextStep: z.number().int(),
  })),
  deals: z.array(boardCardSchema.extend({
    stageName: z.string().nullable(),
    flags: z.array(z.enum(['stale', 'past_close', 'no_next_step'])),
  })).describe('open deals with at least one flag, worst first (at most 200)'),
}).meta({ id: 'OpportunityCoaching' });

export const stageHistorySchema = z.object({
  items: z.array(z.object({
    id: z.uuid(),
    stageId: z.uuid(),
    stageName: z.string().nullable(),
    kind: z.enum(stageKinds).nullable(),
    enteredAt: z.iso.datetime(),
    leftAt: z.iso.datetime().nullable(),
    days: z.number().describe('days spent in the stage so far'),
    enteredBy: z.uuid().nullable(),
    enteredByName: z.string().nullable(),
  })),
});

export const idParams = z.object({ id: z.uuid() });
export const versionBody = z.object({ version: z.number().int().describe('the version you read') });
