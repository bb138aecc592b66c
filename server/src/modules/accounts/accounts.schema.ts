import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, ts } from '../../platform/db/columns.ts';
import { customColumn, customGinIndex } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchColumns, searchIndexes } from '../search/search.columns.ts';

export const accountKinds = ['company', 'person'] as const;
export type AccountKind = (typeof accountKinds)[number];
export const accountTiers = ['A', 'B', 'C'] as const;
export type AccountTier = (typeof accountTiers)[number];

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** Customers: companies or persons we sell to. */
export const accounts = pgTable(
  'accounts',
  {
    ...recordColumns(),
    ...ownedColumns(),
    kind: text('kind').$type<AccountKind>().notNull().default('company'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    englishName: text('english_name'),
    formerNames: textArray('former_names'),
    /** 统一社会信用代码, upper case, check digit verified */
    creditCode: text('credit_code'),
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    districtCode: text('district_code'),
    address: text('address'),
    /** digits only (13800138000, 02168888888); see platform/text/phone.ts */
    phones: textArray('phones'),
    /** lower case */
    emails: textArray('emails'),
    website: text('website'),
    industry: text('industry'),
    /** key of a lookup_values row of list 'account_type' */
    type: text('type'),
    tier: text('tier').$type<AccountTier>(),
    source: text('source'),
    tags: textArray('tags'),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 2 }),
    /** last follow-up: raised by logging an activity (modules/activities), read by the public-pool rules */
    lastActivityAt: ts('last_activity_at'),
    /** custom field values by key (see modules/custom-fields): adding or renaming a field never rewrites the table */
    custom: customColumn(),
    /** pinyin reading of the name: what "sort by name" orders by */
    nameSort: text('name_sort').notNull(),
    ...searchColumns(),
    /** set with deleted_at when the account was merged into another (modules/account-merge): where it went */
    mergedIntoId: uuid('merged_into_id'),
    /** the key of this account in another system (an ERP) that keeps it in sync: unique per tenant and source */
    externalSource: text('external_source'),
    externalId: text('external_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.mergedIntoId], foreignColumns: [t.tenantId, t.id] }),
    // A company is registered once; a deleted record in the recycle bin does not block re-entry.
    uniqueIndex('accounts_credit_code_uq').on(t.tenantId, t.creditCode).where(sql`${t.deletedAt} is null and ${t.creditCode} is not null`),
    index('accounts_owner_idx').on(t.tenantId, t.ownerId),
    index('accounts_unit_idx').on(t.tenantId, t.unitId),
    index('accounts_name_sort_idx').on(t.tenantId, t.nameSort, t.id),
    index('accounts_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('accounts_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('accounts_tags_idx').using('gin', t.tags),
    customGinIndex('accounts', t.custom),
    index('accounts_last_activity_idx').on(t.tenantId, t.lastActivityAt),
    index('accounts_last_activity_sort_idx').on(t.tenantId, sql`coalesce(${t.lastActivityAt}, '-infinity'::timestamptz)`, t.id),
    uniqueIndex('accounts_external_id_uq').on(t.tenantId, t.externalSource, t.externalId).where(sql`${t.externalId} is not null and ${t.deletedAt} is null`),
    index('accounts_merged_into_idx').on(t.tenantId, t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    ...searchIndexes('accounts', t),
  ],
);

/** "Sort by last follow-up": never followed up counts as the oldest, so keyset pages have no NULL to compare (index above). */
export const lastActivitySort = sql<Date>`coalesce(${accounts.lastActivityAt}, '-infinity'::timestamptz)`;

/**
 * Per-tenant pick lists with labels in both languages (list 'account_type' for now). Keys are
 * stable and stored on records; labels may be renamed and values deactivated, never deleted, so
 * old records keep a readable value.
 */
export const lookupValues = pgTable(
  'lookup_values',
  {
    tenantId: uuid('tenant_id').notNull(),
    list: text('list').notNull(),
    key: text('key').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.list, t.key] })],
);
