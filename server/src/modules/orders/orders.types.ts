import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { optionalText } from '../accounts/account-fields.ts';
import { moneyString, percentString, quantityString } from './money.ts';
import { orderStatuses } from './orders.schema.ts';

const day = z.iso.date();

export const lineInput = z.object({
  productId: z.uuid().nullish(),
  description: optionalText(500),
  unit: optionalText(20),
  quantity: quantityString,
  unitPrice: moneyString.optional().describe("default: the price the account gets for the product on the order's date (price lists)"),
  discountPct: percentString.default('0'),
  taxRate: percentString.optional().describe("default: the product's tax rate, else 0"),
});
export type LineInputDto = z.infer<typeof lineInput>;

export const lineSchema = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  productId: z.uuid().nullable(),
  productCode: z.string().nullable(),
  productName: z.string().nullable(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPct: z.string(),
  taxRate: z.string(),
  amount: z.string(),
  taxAmount: z.string(),
});

export const milestoneSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    key: z.string(),
    sortOrder: z.number().int(),
    name: z.string(),
    englishName: z.string().nullable(),
    responsibleRole: z.string().nullable(),
    responsibleUnitId: z.uuid().nullable(),
    responsibleUnitName: z.string().nullable(),
    durationDays: z.number().int(),
    dependsOn: z.array(z.string()),
    dueOn: day,
    doneOn: day.nullable(),
    doneAt: z.iso.datetime().nullable(),
    doneBy: z.uuid().nullable(),
    doneByName: z.string().nullable(),
    note: z.string().nullable(),
    overdue: z.boolean().describe('not done and due before today'),
    version: z.number().int(),
    permissions: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'OrderMilestone' });
export type MilestoneDto = z.infer<typeof milestoneSchema>;

const orderFields = {
  id: z.uuid(),
  number: z.string(),
  title: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string().nullable().describe('null when the account is outside your data scope'),
  opportunityId: z.uuid().nullable(),
  quoteId: z.uuid().nullable(),
  orderTypeId: z.uuid().nullable(),
  orderTypeName: z.string().nullable(),
  status: z.enum(orderStatuses),
  currency: z.string(),
  subtotal: z.string(),
  taxAmount: z.string(),
  total: z.string(),
  signedOn: day,
  deliveryFrom: day.nullable(),
  deliveryTo: day.nullable(),
  paymentTerms: z.string().nullable(),
  note: z.string().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string().nullable(),
  overdueMilestones: z.number().int(),
  openMilestones: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  permissions: z.object({ update: z.boolean(), delete: z.boolean(), updateMilestones: z.boolean() }),
};
export const orderSummarySchema = z.object(orderFields).meta({ id: 'OrderSummary' });
export type OrderSummaryDto = z.infer<typeof orderSummarySchema>;
export const orderSchema = z
  .object({ ...orderFields, lines: z.array(lineSchema), milestones: z.array(milestoneSchema) })
  .meta({ id: 'Order' });
export type OrderDto = z.infer<typeof orderSchema>;

export const instalmentInput = z.object({ dueOn: day, amount: moneyString, note: optionalText(200) });

export const createOrderBody = z.object({
  accountId: z.uuid().describe('an account you can see'),
  opportunityId: z.uuid().nullish().describe('a won opportunity; its lines are copied when no lines are sent'),
  quoteId: z.uuid().nullish().describe('an approved or sent quote; its lines are copied when no lines are sent'),
  orderTypeId: z.uuid().nullish().describe("default: the tenant's default order type; its milestones become the plan"),
  title: optionalText(200),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  signedOn: day.optional().describe('default: today'),
  deliveryFrom: day.nullish(),
  deliveryTo: day.nullish(),
  paymentTerms: optionalText(500),
  note: optionalText(5000),
  lines: z.array(lineInput).max(500).optional(),
  instalments: z.array(instalmentInput).max(60).optional().describe('the payment plan; default: the whole total due on signing'),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type CreateOrderInput = z.infer<typeof createOrderBody>;

export const updateOrderBody = z.object({
  version: z.number().int(),
  title: optionalText(200),
  status: z.enum(orderStatuses).optional(),
  signedOn: day.optional().describe("a corrected signing day; the open milestones' due dates move with it"),
  deliveryFrom: day.nullish(),
  deliveryTo: day.nullish(),
  paymentTerms: optionalText(500),
  note: optionalText(5000),
  ownerId: z.uuid().optional().describe('reassigning needs the assign right'),
});
export type UpdateOrderInput = z.infer<typeof updateOrderBody>;

export const updateMilestoneBody = z.object({
  version: z.number().int(),
  done: z.boolean().optional().describe('true marks it done (today unless doneOn); false reopens it'),
  doneOn: day.nullish(),
  dueOn: day.optional().describe('reschedule'),
  note: optionalText(2000),
});
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneBody>;

const csvUuid = z.string().optional().transform((v) => (v ? v.split(',').filter(Boolean) : undefined)).pipe(z.array(z.uuid()).optional());

export const listOrdersQuery = listQuery.extend({
  q: z.string().trim().max(60).optional().describe('part of the order number'),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  unitIds: csvUuid.describe('comma-separated unit ids'),
  status: z.enum(orderStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only orders with an overdue milestone'),
  signedFrom: day.optional(),
  signedTo: day.optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const workQueueQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine').describe("mine: milestones of my role or unit; all: every open milestone I may update"),
  dueWithinDays: z.coerce.number().int().min(0).max(365).default(7),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const workItemSchema = milestoneSchema.extend({
  orderNumber: z.string(),
  accountId: z.uuid(),
  accountName: z.string().nullable(),
  ownerName: z.string().nullable(),
}).meta({ id: 'WorkItem' });

export const overdueQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const templateInput = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  name: z.string().trim().min(1).max(100),
  englishName: optionalText(100),
  responsibleRole: z.enum(['admin', 'head_office', 'branch_manager', 'sales_rep', 'order_execution', 'service']).nullish(),
  responsibleUnitId: z.uuid().nullish(),
  durationDays: z.number().int().min(0).max(365),
  dependsOn: z.array(z.string()).max(20).default([]),
});
export const orderTypeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    englishName: z.string().nullable(),
    isDefault: z.boolean(),
    active: z.boolean(),
    version: z.number().int(),
    milestones: z.array(z.object({
      id: z.uuid(),
      key: z.string(),
      sortOrder: z.number().int(),
      name: z.string(),
      englishName: z.string().nullable(),
      responsibleRole: z.string().nullable(),
      responsibleUnitId: z.uuid().nullable(),
      durationDays: z.number().int(),
      dependsOn: z.array(z.string()),
    })),
  })
  .meta({ id: 'OrderType' });
export const saveOrderTypeBody = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,40}$/),
  name: z.string().trim().min(1).max(100),
  englishName: optionalText(100),
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
  milestones: z.array(templateInput).min(1).max(40),
});
export type SaveOrderTypeInput = z.infer<typeof saveOrderTypeBody>;

export const salesSettingsSchema = z.object({
  quoteDiscountLimitPct: z.string(),
  largeOrderAmount: z.string(),
  version: z.number().int(),
}).meta({ id: 'SalesSettings' });
export const updateSalesSettingsBody = z.object({
  version: z.number().int(),
  quoteDiscountLimitPct: percentString.optional(),
  largeOrderAmount: moneyString.optional(),
});

export const idParams = z.object({ id: z.uuid() });
export const milestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });
