import { z } from 'zod';
import { optionalText } from '../accounts/account-fields.ts';
import { targetPeriods } from './sales-targets.schema.ts';

export const salesTargetSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable().describe("the rep; null for a unit's target"),
    userName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    period: z.enum(targetPeriods),
    periodStart: z.iso.date(),
    amount: z.string(),
    currency: z.string(),
    note: z.string().nullable(),
    version: z.number().int(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'SalesTarget' });
export type SalesTargetDto = z.infer<typeof salesTargetSchema>;

const amount = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals'),
);
const periodStart = z.iso.date().describe('the first day of the month, quarter or year');

export const createSalesTargetBody = z
  .object({
    userId: z.uuid().optional().describe("a rep's target; leave out for a unit's target"),
    unitId: z.uuid().optional().describe("the unit's target; for a rep: default their unit"),
    period: z.enum(targetPeriods),
    periodStart,
    amount,
    currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
    note: optionalText(500),
  })
  .superRefine((b, ctx) => {
    if (!b.userId && !b.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'a rep (userId) or a unit (unitId)' });
    const problem = periodProblem(b.period, b.periodStart);
    if (problem) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: problem });
  });
export type CreateSalesTargetInput = z.infer<typeof createSalesTargetBody>;

export const updateSalesTargetBody = z.object({
  version: z.number().int(),
  amount: amount.optional(),
  note: optionalText(500),
});
export type UpdateSalesTargetInput = z.infer<typeof updateSalesTargetBody>;

export const listSalesTargetsQuery = z.object({
  period: z.enum(targetPeriods).optional(),
  from: z.iso.date().optional().describe('period start ≥'),
  to: z.iso.date().optional().describe('period start ≤'),
  userId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type ListSalesTargetsQuery = z.infer<typeof listSalesTargetsQuery>;

export function periodProblem(period: (typeof targetPeriods)[number], start: string): string | null {
  const [, month, day] = start.split('-').map(Number);
  if (day !== 1) return 'must be the first day of a month';
  if (period === 'quarter' && (month - 1) % 3 !== 0) return 'a quarter starts in January, April, July or October';
  if (period === 'year' && month !== 1) return 'a year starts on January 1';
  return null;
}

export const idParams = z.object({ id: z.uuid() });
