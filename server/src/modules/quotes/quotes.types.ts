import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { optionalText } from '../accounts/account-fields.ts';
import { lineInput, lineSchema } from '../orders/orders.types.ts';
import { quoteStatuses } from './quotes.schema.ts';

const day = z.iso.date();

const quoteFields = {
  id: z.uuid(),
  number: z.string(),
  revision: z.number().int(),
  title: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string().nullable(),
  opportunityId: z.uuid().nullable(),
  status: z.enum(quoteStatuses),
  currency: z.string(),
  subtotal: z.string(),
  taxAmount: z.string(),
  total: z.string(),
  maxDiscountPct: z.string(),
  needsApproval: z.boolean().describe("a line's discount is above the tenant's limit"),
  validUntil: day.nullable(),
  note: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  unitId: z.uuid(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  permissions: z.object({ update: z.boolean(), approve: z.boolean(), send: z.boolean(), order: z.boolean() }),
};
export const quoteSummarySchema = z.object(quoteFields).meta({ id: 'QuoteSummary' });
export const quoteSchema = z.object({ ...quoteFields, lines: z.array(lineSchema) }).meta({ id: 'Quote' });
export type QuoteDto = z.infer<typeof quoteSchema>;

export const createQuoteBody = z.object({
  accountId: z.uuid(),
  opportunityId: z.uuid().nullish(),
  title: optionalText(200),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  validUntil: day.nullish(),
  note: optionalText(5000),
  lines: z.array(lineInput).min(1).max(500),
});
export type CreateQuoteInput = z.infer<typeof createQuoteBody>;

export const updateQuoteBody = z.object({
  version: z.number().int(),
  title: optionalText(200),
  validUntil: day.nullish(),
  note: optionalText(5000),
  lines: z.array(lineInput).min(1).max(500).optional(),
});
export type UpdateQuoteInput = z.infer<typeof updateQuoteBody>;

export const decisionBody = z.object({ version: z.number().int(), note: optionalText(1000) });
export const versionBody = z.object({ version: z.number().int() });

export const listQuotesQuery = listQuery.extend({
  accountId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  status: z.enum(quoteStatuses).optional(),
  current: z.enum(['true', 'false']).default('true').describe('hide superseded versions'),
});
export type ListQuotesQuery = z.infer<typeof listQuotesQuery>;

export const pdfQuery = z.object({ lang: z.enum(['zh-CN', 'en-US']).default('zh-CN') });
export const idParams = z.object({ id: z.uuid() });
