import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';

/**
 * Public-pool (公海) rules. One row with unit_id null is the tenant's default; a row for a unit
 * applies to that unit and everything below it (the nearest one wins). A null limit is "no limit".
 */
export const poolRules = pgTable(
  'pool_rules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id'),
    /** N: private customers a rep may hold */
    maxPrivate: integer('max_private'),
    /** D: days without a follow-up activity before a customer returns to the pool */
    idleDays: integer('idle_days'),
    /** E: days without a won deal; stored but inert until deals exist (see pool-return.job.ts) */
    noWonDealDays: integer('no_won_deal_days'),
    /** K: the owner is warned this many days before the return */
    warnDays: integer('warn_days').notNull().default(3),
    /** C: days during which a rep may not reclaim a customer they released */
    reclaimCooldownDays: integer('reclaim_cooldown_days').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('pool_rules_unit_uq').on(t.tenantId, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/**
 * The tenant's pool holder: an inactive user without password or roles who "owns" every account in
 * the public pool. accounts.owner_id stays NOT NULL and every data scope keeps working unchanged:
 * a released customer leaves its rep's "own" scope at once, managers still see it in their unit.
 */
export const poolHolders = pgTable(
  'pool_holders',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
  ],
);

export const ownerChangeReasons = ['created', 'claimed', 'released', 'returned_by_rule', 'assigned', 'transferred', 'merged'] as const;
export type OwnerChangeReason = (typeof ownerChangeReasons)[number];

/** Every change of an account's owner, with why. A pool account's owner is the pool holder. */
export const accountOwnerHistory = pgTable(
  'account_owner_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    fromOwnerId: uuid('from_owner_id'),
    toOwnerId: uuid('to_owner_id').notNull(),
    fromUnitId: uuid('from_unit_id'),
    toUnitId: uuid('to_unit_id').notNull(),
    reason: text('reason').$type<OwnerChangeReason>().notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    index('account_owner_history_account_idx').on(t.tenantId, t.accountId, t.at),
    // "did this rep release it lately?" (reclaim cool-down)
    index('account_owner_history_from_idx').on(t.tenantId, t.fromOwnerId, t.reason, t.at),
  ],
);

/** The last return warning per account, so the nightly job warns an owner once per idle spell. */
export const poolWarnings = pgTable(
  'pool_warnings',
  {
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    warnedAt: ts('warned_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.accountId] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
);
