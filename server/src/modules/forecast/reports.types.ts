import { z } from 'zod';
import { stageKinds } from '../pipelines/pipelines.schema.ts';

const day = z.iso.date();

export const reportFilters = z.object({
  from: day.describe('period start (inclusive)'),
  to: day.describe('period end (inclusive)'),
  pipelineId: z.uuid().optional().describe('default: the default pipeline'),
  unitId: z.uuid().optional().describe('deals of this unit and every unit below it'),
  ownerId: z.uuid().optional(),
});
export type ReportFilters = z.infer<typeof reportFilters>;

const money = z.string().nullable().describe('null when your role hides amounts');

export const funnelSchema = z
  .object({
    pipelineId: z.uuid(),
    total: z.object({ count: z.number().int(), amount: money }),
    stages: z.array(z.object({
      stageId: z.uuid(),
      name: z.string(),
      kind: z.enum(stageKinds),
      probability: z.number().int(),
      reached: z.number().int().describe('deals created in the period that reached this stage (won deals reached every open stage)'),
      reachedAmount: money,
      current: z.number().int().describe('of those, deals in this stage now'),
      currentAmount: money,
      conversion: z.number().nullable().describe('share of the previous stage that reached this one (0..1)'),
    })),
    won: z.object({ count: z.number().int(), amount: money }),
    lost: z.object({ count: z.number().int(), amount: money }),
    winRate: z.number().nullable().describe('won / (won + lost)'),
  })
  .meta({ id: 'FunnelReport' });

export const stageTimesSchema = z.object({
  stages: z.array(z.object({
    stageId: z.uuid(),
    name: z.string(),
    kind: z.enum(stageKinds),
    stays: z.number().int(),
    averageDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    stillIn: z.number().int().describe('stays not ended yet'),
  })),
}).meta({ id: 'StageTimesReport' });

export const winLossDimensions = ['reason', 'competitor', 'source', 'owner'] as const;
export const winLossQuery = reportFilters.extend({
  pipelineId: z.uuid().optional().describe('default: every pipeline'),
  by: z.enum(winLossDimensions).default('reason'),
});
export type WinLossQuery = z.infer<typeof winLossQuery>;

export const winLossSchema = z.object({
  by: z.enum(winLossDimensions),
  rows: z.array(z.object({
    key: z.string().nullable().describe('reason, competitor name, source, or owner id; null: not given'),
    label: z.string().nullable(),
    won: z.number().int(),
    lost: z.number().int(),
    wonAmount: money,
    lostAmount: money,
    winRate: z.number().nullable(),
  })),
}).meta({ id: 'WinLossReport' });

export const forecastQuery = z.object({
  from: day,
  to: day,
  period: z.enum(['month', 'quarter']).default('month'),
  by: z.enum(['owner', 'unit']).default('owner'),
  pipelineId: z.uuid().optional().describe('default: every pipeline'),
  unitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuery>;

export const forecastSchema = z.object({
  period: z.enum(['month', 'quarter']),
  by: z.enum(['owner', 'unit']),
  rows: z.array(z.object({
    periodStart: day,
    key: z.uuid(),
    label: z.string().nullable(),
    pipeline: money.describe('open deals expected to close in the period'),
    weighted: money.describe('Σ amount × probability of those'),
    committed: money.describe('open deals the rep committed'),
    won: money.describe('deals won (closed) in the period'),
    target: z.string().nullable().describe('the sales target of the period, if set'),
    attainment: z.number().nullable().describe('won / target'),
  })),
}).meta({ id: 'ForecastReport' });
