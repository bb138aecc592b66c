import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, tenantColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { products } from '../products/products.schema.ts';
import { quotes } from '../quotes/quotes.schema.ts';

export const orderStatuses = ['active', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const quantity = (name: string) => numeric(name, { precision: 18, scale: 4 });
const percent = (name: string) => numeric(name, { precision: 5, scale: 2 });

/**
 * Kinds of order (export order, domestic order …). Each carries the template of its execution plan:
 * the milestones every order of the type goes through.
 */
export const orderTypes = pgTable(
  'order_types',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    englishName: text('english_name'),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('order_types_code_uq').on(t.tenantId, t.code),
  ],
);

/**
 * One milestone of an order type's plan. `depends_on` names other milestones of the same type by key:
 * a milestone is due `duration_days` after the latest of them (or after the order's signing).
 */
export const milestoneTemplates = pgTable(
  'milestone_templates',
  {
    ...tenantColumns(),
    orderTypeId: uuid('order_type_id').notNull(),
    key: text('key').notNull(),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    englishName: text('english_name'),
    /** built-in role key whose holders carry it out (order_execution …) */
    responsibleRole: text('responsible_role'),
    responsibleUnitId: uuid('responsible_unit_id'),
    durationDays: integer('duration_days').notNull().default(0),
    dependsOn: text('depends_on').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderTypeId], foreignColumns: [orderTypes.tenantId, orderTypes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.responsibleUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('milestone_templates_key_uq').on(t.tenantId, t.orderTypeId, t.key),
  ],
);

/** Orders (contracts, 合同/订单): what a customer bought, at what price, and how it is executed and paid. */
export const orders = pgTable(
  'orders',
  {
    ...recordColumns(),
    ...ownedColumns(),
    /** SO-2026-000123: per tenant and year, from order_number_counters */
    number: text('number').notNull(),
    accountId: uuid('account_id').notNull(),
    opportunityId: uuid('opportunity_id'),
    quoteId: uuid('quote_id'),
    orderTypeId: uuid('order_type_id'),
    title: text('title'),
    status: text('status').$type<OrderStatus>().notNull().default('active'),
    currency: text('currency').notNull().default('CNY'),
    subtotal: money('subtotal').notNull().default('0'),
    taxAmount: money('tax_amount').notNull().default('0'),
    total: money('total').notNull().default('0'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    deliveryFrom: date('delivery_from', { mode: 'string' }),
    deliveryTo: date('delivery_to', { mode: 'string' }),
    paymentTerms: text('payment_terms'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }),
    foreignKey({ columns: [t.tenantId, t.orderTypeId], foreignColumns: [orderTypes.tenantId, orderTypes.id] }),
    foreignKey({ columns: [t.tenantId, t.quoteId], foreignColumns: [quotes.tenantId, quotes.id] }),
    uniqueIndex('orders_number_uq').on(t.tenantId, t.number),
    // the search box finds an order by any 3+ characters of its number ("000123", "123"): trigrams, not a scan
    index('orders_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('orders_account_idx').on(t.tenantId, t.accountId, t.signedOn),
    index('orders_owner_idx').on(t.tenantId, t.ownerId, t.signedOn),
    index('orders_unit_idx').on(t.tenantId, t.unitId, t.signedOn),
    // the management home: large orders signed lately, and bookings per month
    index('orders_signed_idx').on(t.tenantId, t.signedOn, t.total),
    index('orders_opportunity_idx').on(t.tenantId, t.opportunityId).where(sql`${t.opportunityId} is not null`),
    // Deleted and cancelled orders, few: the receivables reports leave their instalments out with an anti-join on this.
    index('orders_dead_idx').on(t.tenantId, t.id).where(sql`${t.deletedAt} is not null or ${t.status} = 'cancelled'`),
  ],
);

/** The next order number per tenant and year: incremented in the creating transaction (no gaps on rollback). */
export const orderNumberCounters = pgTable(
  'order_number_counters',
  {
    tenantId: uuid('tenant_id').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.prefix, t.year] })],
);

export const orderLines = pgTable(
  'order_lines',
  {
    ...tenantColumns(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id'),
    description: text('description'),
    unit: text('unit'),
    quantity: quantity('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    /** percent off the unit price */
    discountPct: percent('discount_pct').notNull().default('0'),
    taxRate: percent('tax_rate').notNull().default('0'),
    /** quantity × price × (1 − discount), before tax */
    amount: money('amount').notNull(),
    taxAmount: money('tax_amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    index('order_lines_order_idx').on(t.tenantId, t.orderId, t.lineNo),
    index('order_lines_product_idx').on(t.tenantId, t.productId),
  ],
);

/** An order's execution plan: the type's milestones, instantiated with due dates when the order is created. */
export const orderMilestones = pgTable(
  'order_milestones',
  {
    ...tenantColumns(),
    orderId: uuid('order_id').notNull(),
    key: text('key').notNull(),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    englishName: text('english_name'),
    responsibleRole: text('responsible_role'),
    responsibleUnitId: uuid('responsible_unit_id'),
    durationDays: integer('duration_days').notNull().default(0),
    dependsOn: text('depends_on').array().notNull().default(sql`'{}'::text[]`),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** the day it actually happened (may be before it was recorded) */
    doneOn: date('done_on', { mode: 'string' }),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.responsibleUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('order_milestones_key_uq').on(t.tenantId, t.orderId, t.key),
    // the work queue and the overdue list read open milestones by due date
    index('order_milestones_open_idx').on(t.tenantId, t.dueOn).where(sql`${t.doneAt} is null`),
  ],
);

/** Per-tenant sales settings: the quote discount that needs approval, the management home's "large order". */
export const salesSettings = pgTable('sales_settings', {
  tenantId: uuid('tenant_id').notNull().primaryKey(),
  quoteDiscountLimitPct: percent('quote_discount_limit_pct').notNull().default('10'),
  largeOrderAmount: money('large_order_amount').notNull().default('100000'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
