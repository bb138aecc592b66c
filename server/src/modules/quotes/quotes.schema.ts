import {
  date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, tenantColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { products } from '../products/products.schema.ts';

export const quoteStatuses = ['draft', 'pending_approval', 'approved', 'rejected', 'sent', 'accepted', 'superseded'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const percent = (name: string) => numeric(name, { precision: 5, scale: 2 });

/**
 * Quotes (报价单). A new version copies the quote under the same number with the next revision and
 * supersedes the old one. A line discount above the tenant's limit holds the quote in
 * pending_approval until a manager approves it.
 */
export const quotes = pgTable(
  'quotes',
  {
    ...recordColumns(),
    ...ownedColumns(),
    number: text('number').notNull(),
    revision: integer('revision').notNull().default(1),
    accountId: uuid('account_id').notNull(),
    opportunityId: uuid('opportunity_id'),
    title: text('title'),
    status: text('status').$type<QuoteStatus>().notNull().default('draft'),
    currency: text('currency').notNull().default('CNY'),
    subtotal: money('subtotal').notNull().default('0'),
    taxAmount: money('tax_amount').notNull().default('0'),
    total: money('total').notNull().default('0'),
    maxDiscountPct: percent('max_discount_pct').notNull().default('0'),
    validUntil: date('valid_until', { mode: 'string' }),
    note: text('note'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }),
    uniqueIndex('quotes_number_uq').on(t.tenantId, t.number, t.revision),
    index('quotes_account_idx').on(t.tenantId, t.accountId, t.createdAt),
    index('quotes_opportunity_idx').on(t.tenantId, t.opportunityId),
    index('quotes_status_idx').on(t.tenantId, t.status, t.unitId),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    ...tenantColumns(),
    quoteId: uuid('quote_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id'),
    description: text('description'),
    unit: text('unit'),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: money('unit_price').notNull(),
    discountPct: percent('discount_pct').notNull().default('0'),
    taxRate: percent('tax_rate').notNull().default('0'),
    amount: money('amount').notNull(),
    taxAmount: money('tax_amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.quoteId], foreignColumns: [quotes.tenantId, quotes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    index('quote_lines_quote_idx').on(t.tenantId, t.quoteId, t.lineNo),
  ],
);
