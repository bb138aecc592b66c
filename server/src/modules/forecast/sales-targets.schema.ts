import { sql } from 'drizzle-orm';
import { date, foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';
import { orgUnits, users } from '../org/org.schema.ts';

export const targetPeriods = ['month', 'quarter', 'year'] as const;
export type TargetPeriod = (typeof targetPeriods)[number];

/**
 * Sales targets (销售目标) for a rep or a unit over a month, quarter or year. A rep's target has
 * user_id set; a unit's has it null. unit_id is always set (the rep's unit when the target was
 * made): data scopes filter on it, as on every owned record, with user_id as the owner.
 */
export const salesTargets = pgTable(
  'sales_targets',
  {
    ...recordColumns(),
    userId: uuid('user_id'),
    unitId: uuid('unit_id').notNull(),
    period: text('period').$type<TargetPeriod>().notNull(),
    /** first day of the month, quarter or year */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('sales_targets_user_uq').on(t.tenantId, t.userId, t.period, t.periodStart).where(sql`${t.userId} is not null and ${t.deletedAt} is null`),
    uniqueIndex('sales_targets_unit_uq').on(t.tenantId, t.unitId, t.period, t.periodStart).where(sql`${t.userId} is null and ${t.deletedAt} is null`),
    index('sales_targets_period_idx').on(t.tenantId, t.periodStart),
  ],
);
