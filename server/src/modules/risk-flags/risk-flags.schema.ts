import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';

export const riskFlagKinds = ['bad_debt', 'fraud', 'malicious'] as const;
export type RiskFlagKind = (typeof riskFlagKinds)[number];

/**
 * A warning about a customer raised by one branch and shown to every branch (seed 000). The flag
 * lives beside the account, not on it, so it can be read tenant-wide without opening the account.
 */
export const riskFlags = pgTable(
  'risk_flags',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').$type<RiskFlagKind>().notNull(),
    reason: text('reason').notNull(),
    flaggedBy: uuid('flagged_by').notNull(),
    /** the flagging user's unit: its manager may clear the flag */
    unitId: uuid('unit_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    clearedAt: ts('cleared_at'),
    clearedBy: uuid('cleared_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.flaggedBy], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('risk_flags_account_idx').on(t.tenantId, t.accountId).where(sql`${t.clearedAt} is null`),
  ],
);
