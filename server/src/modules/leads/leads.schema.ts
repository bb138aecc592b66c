import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customColumn, customGinIndex } from '../custom-fields/index.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchColumns, searchIndexes } from '../search/search.columns.ts';

export const leadSources = ['exhibition', 'website', 'referral', 'campaign', 'cold_call', 'inbound_call', 'social', 'other'] as const;
export type LeadSource = (typeof leadSources)[number];
export const leadStatuses = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export type LeadStatus = (typeof leadStatuses)[number];
export const leadRatings = ['hot', 'warm', 'cold'] as const;
export type LeadRating = (typeof leadRatings)[number];

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * Leads (线索): unqualified prospects. Converting one creates (or picks) an account, a contact and an
 * opportunity; the lead stays, marked converted with links to what it became.
 */
export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    ...ownedColumns(),
    /** the person */
    name: text('name').notNull(),
    companyName: text('company_name'),
    title: text('title'),
    /** digits only, like accounts.phones */
    phones: textArray('phones'),
    emails: textArray('emails'),
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    address: text('address'),
    source: text('source').$type<LeadSource>().notNull().default('other'),
    /** e.g. the exhibition's or campaign's name */
    sourceDetail: text('source_detail'),
    status: text('status').$type<LeadStatus>().notNull().default('new'),
    rating: text('rating').$type<LeadRating>(),
    /** what we know about need, budget, authority, timing */
    qualification: text('qualification'),
    estimatedAmount: integer('estimated_amount'),
    notes: text('notes'),
    unqualifiedReason: text('unqualified_reason'),
    convertedAt: ts('converted_at'),
    convertedBy: uuid('converted_by'),
    convertedAccountId: uuid('converted_account_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    custom: customColumn(),
    ...searchColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.convertedAccountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.convertedContactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({ columns: [t.tenantId, t.convertedOpportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }),
    index('leads_owner_idx').on(t.tenantId, t.ownerId, t.status),
    index('leads_unit_idx').on(t.tenantId, t.unitId, t.status),
    index('leads_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('leads_source_idx').on(t.tenantId, t.source, t.createdAt),
    customGinIndex('leads', t.custom),
    ...searchIndexes('leads', t),
  ],
);
