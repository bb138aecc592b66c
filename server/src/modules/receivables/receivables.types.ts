import { z } from 'zod';
import { optionalText } from '../accounts/account-fields.ts';
import { moneyString } from '../orders/money.ts';

const day = z.iso.date();

export const instalmentSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  dueOn: day,
  amount: z.string(),
  paid: z.string(),
  outstanding: z.string(),
  overdue: z.boolean(),
  note: z.string().nullable(),
});

export const paymentSchema = z.object({
  id: z.uuid(),
  receivedOn: day,
  amount: z.string(),
  currency: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  allocations: z.array(z.object({ instalmentId: z.uuid(), amount: z.string() })),
});

export const orderReceivablesSchema = z
  .object({
    orderId: z.uuid(),
    orderNumber: z.string(),
    currency: z.string(),
    total: z.string(),
    planned: z.string(),
    received: z.string(),
    outstanding: z.string(),
    overdue: z.string(),
    instalments: z.array(instalmentSchema),
    payments: z.array(paymentSchema),
    permissions: z.object({ recordPayment: z.boolean(), editPlan: z.boolean(), reversePayment: z.boolean() }),
  })
  .meta({ id: 'OrderReceivables' });

export const paymentPlanBody = z.object({
  instalments: z.array(z.object({
    id: z.uuid().optional().describe('an instalment of this order to keep (and change); without it a new one is added'),
    dueOn: day,
    amount: moneyString,
    note: optionalText(200),
  })).min(1).max(60)
    .describe('the whole plan: instalments left out are removed; one with money allocated to it must stay and keep at least what was paid'),
});

export const paymentParams = z.object({ id: z.uuid(), paymentId: z.uuid() });
export const reversePaymentBody = z.object({ reason: z.string().trim().min(1).max(500).describe('why the payment is reversed (bounced, booked twice, wrong order…)') });

export const recordPaymentBody = z.object({
  receivedOn: day.optional().describe('default: today'),
  amount: moneyString,
  method: optionalText(40).describe('T/T, L/C, cash, cheque…'),
  reference: optionalText(100),
  note: optionalText(500),
  allocations: z.array(z.object({ instalmentId: z.uuid(), amount: moneyString })).max(60).optional()
    .describe('default: the oldest outstanding instalments first'),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentBody>;

export const groupings = ['order', 'account', 'owner', 'unit'] as const;
export const summaryQuery = z.object({
  groupBy: z.enum(groupings).default('account'),
  asOf: day.optional().describe('default: today'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ageingQuery = z.object({
  groupBy: z.enum(['none', ...groupings]).default('none'),
  asOf: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const bucketsSchema = z.object({
  notDue: z.string(),
  d0_30: z.string(),
  d31_60: z.string(),
  d61_90: z.string(),
  d90plus: z.string(),
  outstanding: z.string(),
});
export const summaryRowSchema = z.object({
  id: z.uuid(),
  label: z.string().nullable(),
  outstanding: z.string(),
  overdue: z.string(),
  instalments: z.number().int(),
});
export const ageingRowSchema = bucketsSchema.extend({ id: z.uuid().nullable(), label: z.string().nullable() });

export const orderIdParams = z.object({ id: z.uuid() });
