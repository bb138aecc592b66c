import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid,
} from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, tenantColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { customColumn, customGinIndex } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { products } from '../products/products.schema.ts';
import { pipelineStages, pipelines, type StageKind } from '../pipelines/pipelines.schema.ts';
import { searchColumns, searchIndexes } from '../search/search.columns.ts';

/** won and lost are the kinds of the closing stages; an opportunity's status follows its stage's kind. */
export type OpportunityStatus = StageKind;

export interface Competitor {
  name: string;
  strengths?: string | null;
  weaknesses?: string | null;
}

/**
 * Opportunities (商机): a potential deal with an account, in a stage of a pipeline. `status`, `stage_order`
 * and `reached_order` copy what the stage says so the board, the funnel and the forecast are single
 * aggregates over this table, with no join to the stages for filtering.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns(),
    ...ownedColumns(),
    name: text('name').notNull(),
    accountId: uuid('account_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    status: text('status').$type<OpportunityStatus>().notNull().default('open'),
    /** sort order of the current stage */
    stageOrder: integer('stage_order').notNull().default(0),
    /** highest sort order of an open stage this deal ever reached: the funnel counts "reached stage N" from it */
    reachedOrder: integer('reached_order').notNull().default(0),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull().default('CNY'),
    /** 0..100 */
    probability: integer('probability').notNull().default(0),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    /** the rep commits this deal to the forecast */
    committed: boolean('committed').notNull().default(false),
    source: text('source'),
    competitors: jsonb('competitors').$type<Competitor[]>().notNull().default(sql`'[]'::jsonb`),
    latestFollowUp: text('latest_follow_up'),
    currentProblems: text('current_problems'),
    nextStep: text('next_step'),
    closedAt: ts('closed_at'),
    closeReason: text('close_reason'),
    /** the competitor that won when we lost */
    lostTo: text('lost_to'),
    leadId: uuid('lead_id'),
    lastActivityAt: ts('last_activity_at'),
    custom: customColumn(),
    ...searchColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.pipelineId], foreignColumns: [pipelines.tenantId, pipelines.id] }),
    foreignKey({ columns: [t.tenantId, t.stageId], foreignColumns: [pipelineStages.tenantId, pipelineStages.id] }),
    index('opportunities_account_idx').on(t.tenantId, t.accountId, t.status),
    // The board for one rep (each column's first cards by close date, straight from the index) and the coaching view.
    index('opportunities_owner_idx').on(t.tenantId, t.ownerId, t.stageId, t.expectedCloseDate, t.id),
    index('opportunities_unit_idx').on(t.tenantId, t.unitId, t.status),
    // The board's columns: the first deals of a stage by close date.
    index('opportunities_stage_close_idx').on(t.tenantId, t.stageId, t.expectedCloseDate, t.id),
    index('opportunities_created_idx').on(t.tenantId, t.createdAt, t.pipelineId),
    // The funnel over a period: every column it reads is in the index, so a year of a whole tenant's
    // deals (1.5 million at 3 million deals) is an index-only scan, never the wide rows.
    index('opportunities_funnel_idx')
      .on(t.tenantId, t.pipelineId, t.createdAt, t.reachedOrder, t.stageId, t.status, t.amount, t.ownerId, t.unitId)
      .where(sql`${t.deletedAt} is null`),
    // Deleted deals, few: reports over a tenant-wide scope leave them out with an anti-join on this.
    index('opportunities_deleted_idx').on(t.tenantId, t.id).where(sql`${t.deletedAt} is not null`),
    // Forecast: open and won deals by close month.
    index('opportunities_close_idx').on(t.tenantId, t.expectedCloseDate, t.status),
    index('opportunities_closed_at_idx').on(t.tenantId, t.closedAt).where(sql`${t.closedAt} is not null`),
    index('opportunities_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    customGinIndex('opportunities', t.custom),
    ...searchIndexes('opportunities', t),
  ],
);

/** The people at the account a deal involves, with their role in it (decision maker, user, …). */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.opportunityId, t.contactId] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    index('opportunity_contacts_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** Products a deal is about, with quantity and price; the deal's amount is their sum when it has lines. */
export const opportunityLines = pgTable(
  'opportunity_lines',
  {
    ...tenantColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    productId: uuid('product_id'),
    description: text('description'),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    index('opportunity_lines_opportunity_idx').on(t.tenantId, t.opportunityId, t.sortOrder),
    index('opportunity_lines_product_idx').on(t.tenantId, t.productId),
  ],
);

/** Each stay of a deal in a stage: entered at, left at. Time in stage and the kanban moves come from here. */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    ...tenantColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    enteredAt: ts('entered_at').notNull(),
    leftAt: ts('left_at'),
    enteredBy: uuid('entered_by'),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    probability: integer('probability'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.stageId], foreignColumns: [pipelineStages.tenantId, pipelineStages.id] }),
    index('opportunity_stage_history_opp_idx').on(t.tenantId, t.opportunityId, t.enteredAt),
    // Time in stage over a period: the stays of a pipeline by the day they began, with what the report reads.
    index('opportunity_stage_history_stage_idx').on(t.tenantId, t.pipelineId, t.enteredAt, t.stageId, t.leftAt, t.opportunityId),
  ],
);
