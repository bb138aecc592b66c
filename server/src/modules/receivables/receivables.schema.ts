import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, tenantColumns } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orders } from '../orders/orders.schema.ts';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * An order's payment plan: instalments with due dates and amounts. `paid` is the sum of the
 * allocations to it, kept in the allocating transaction so outstanding amounts and the ageing report
 * are one aggregate over this table. Owner and unit copy the order's, so data scopes filter here too.
 */
export const paymentInstalments = pgTable(
  'payment_instalments',
  {
    ...tenantColumns(),
    ...ownedColumns(),
    orderId: uuid('order_id').notNull(),
    accountId: uuid('account_id').notNull(),
    seq: integer('seq').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    paid: money('paid').notNull().default('0'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    index('payment_instalments_order_idx').on(t.tenantId, t.orderId, t.seq),
    // outstanding instalments by due date, with what the ageing report and the summaries read (index-only)
    index('payment_instalments_open_idx').on(t.tenantId, t.dueOn, t.amount, t.paid, t.orderId, t.ownerId, t.unitId, t.accountId).where(sql`${t.paid} < ${t.amount}`),
    index('payment_instalments_account_idx').on(t.tenantId, t.accountId).where(sql`${t.paid} < ${t.amount}`),
  ],
);

/** Money received for an order; allocated to its instalments (oldest first unless told otherwise). */
export const payments = pgTable(
  'payments',
  {
    ...recordColumns(),
    ...ownedColumns(),
    orderId: uuid('order_id').notNull(),
    accountId: uuid('account_id').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull().default('CNY'),
    method: text('method'),
    reference: text('reference'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    index('payments_order_idx').on(t.tenantId, t.orderId, t.receivedOn),
    // collections per month on the management home
    index('payments_received_idx').on(t.tenantId, t.receivedOn),
  ],
);

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    tenantId: uuid('tenant_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    instalmentId: uuid('instalment_id').notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.paymentId, t.instalmentId] }),
    foreignKey({ columns: [t.tenantId, t.paymentId], foreignColumns: [payments.tenantId, payments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.instalmentId], foreignColumns: [paymentInstalments.tenantId, paymentInstalments.id] }).onDelete('cascade'),
    index('payment_allocations_instalment_idx').on(t.tenantId, t.instalmentId),
  ],
);
