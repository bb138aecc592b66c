import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/accounts.schema.ts';

/**
 * The matcher's blocking keys per account (see matcher/blocking.ts), kept in sync on every write so
 * a duplicate check reads a few index entries instead of scoring the whole tenant.
 */
export const dedupKeys = pgTable(
  'dedup_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key, t.accountId] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    index('dedup_keys_account_idx').on(t.tenantId, t.accountId),
  ],
);
