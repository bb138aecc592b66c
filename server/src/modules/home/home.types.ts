import { z } from 'zod';
import { moneyString } from '../orders/money.ts';

export const homeQuery = z.object({
  largeOrderAmount: moneyString.optional().describe("default: the tenant's sales setting (100,000 unless changed)"),
  days: z.coerce.number().int().min(1).max(90).default(10).describe('how far back "recently signed" reaches'),
});

export const homeSchema = z
  .object({
    today: z.iso.date(),
    largeOrderAmount: z.string(),
    largeOrders: z.array(z.object({
      id: z.uuid(),
      number: z.string(),
      accountId: z.uuid(),
      accountName: z.string().nullable(),
      ownerName: z.string().nullable(),
      unitName: z.string().nullable(),
      total: z.string(),
      currency: z.string(),
      signedOn: z.iso.date(),
      overdueMilestones: z.number().int(),
    })).nullable().describe('null when you may not read orders'),
    month: z.object({
      start: z.iso.date(),
      bookings: z.string().nullable(),
      bookingsCount: z.number().int().nullable(),
      collections: z.string().nullable(),
      target: z.string().nullable().describe('null when no sales target is set for the month'),
    }),
    bookingsByMonth: z.array(z.object({ month: z.string(), bookings: z.string(), collections: z.string() })),
    pipeline: z.array(z.object({
      stageId: z.uuid(),
      stageName: z.string(),
      pipelineName: z.string(),
      sortOrder: z.number().int(),
      count: z.number().int(),
      amount: z.string(),
      weighted: z.string(),
    })).nullable().describe('open opportunities by stage; null when you may not read opportunities'),
    overdueMilestones: z.number().int().nullable(),
    receivables: z.object({ outstanding: z.string(), overdue: z.string() }).nullable(),
  })
  .meta({ id: 'ManagementHome' });
export type HomeDto = z.infer<typeof homeSchema>;
