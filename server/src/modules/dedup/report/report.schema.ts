import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../../platform/db/columns.ts';
import type { MatchReason } from '../matcher/index.ts';

export const reportRunStates = ['queued', 'running', 'done', 'failed'] as const;
export type ReportRunState = (typeof reportRunStates)[number];
export const reportRunPhases = ['flags', 'pairs', 'scoring', 'grouping', 'saving'] as const;
export type ReportRunPhase = (typeof reportRunPhases)[number];

/** Where the time of a run went, in milliseconds per phase. */
export interface ReportRunTimings {
  flags?: number;
  pairs?: number;
  load?: number;
  scoring?: number;
  grouping?: number;
  saving?: number;
}

/**
 * One computation of the tenant's duplicate report (by hand or nightly). The page shows the latest
 * finished run; a queued or running one shows its progress. Old runs are deleted when a new one finishes.
 */
export const dedupReportRuns = pgTable(
  'dedup_report_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    state: text('state').$type<ReportRunState>().notNull().default('queued'),
    phase: text('phase').$type<ReportRunPhase>(),
    /** 'schedule' for the nightly run */
    trigger: text('trigger').$type<'manual' | 'schedule'>().notNull(),
    requestedBy: uuid('requested_by'),
    /** work done / to do in the current phase (pairs scored of candidate pairs while scoring) */
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    accounts: integer('accounts').notNull().default(0),
    candidatePairs: integer('candidate_pairs').notNull().default(0),
    comparisons: integer('comparisons').notNull().default(0),
    links: integer('links').notNull().default(0),
    groups: integer('groups').notNull().default(0),
    groupedAccounts: integer('grouped_accounts').notNull().default(0),
    timings: jsonb('timings').$type<ReportRunTimings>().notNull().default({}),
    failure: text('failure'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dedup_report_runs_created_idx').on(t.tenantId, t.createdAt),
    // One queued or running run per tenant: "recompute" while one is on its way is refused.
    uniqueIndex('dedup_report_runs_active_idx').on(t.tenantId).where(sql`state in ('queued', 'running')`),
  ],
);

export interface StoredLink {
  a: string;
  b: string;
  score: number;
  reasons: MatchReason[];
}

/** A group of likely duplicates found by a run: its strongest link's score and the links that joined it. */
export const dedupReportGroups = pgTable(
  'dedup_report_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    runId: uuid('run_id').notNull(),
    groupNo: integer('group_no').notNull(),
    size: integer('size').notNull(),
    score: real('score').notNull(),
    links: jsonb('links').$type<StoredLink[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId, t.groupNo] }),
    foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [dedupReportRuns.tenantId, dedupReportRuns.id] }).onDelete('cascade'),
    index('dedup_report_groups_score_idx').on(t.tenantId, t.runId, t.score, t.size),
    index('dedup_report_groups_size_idx').on(t.tenantId, t.runId, t.size, t.score),
  ],
);

/** The accounts of a group, so a page of groups is filtered by the viewer's data scope in SQL. */
export const dedupReportMembers = pgTable(
  'dedup_report_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    runId: uuid('run_id').notNull(),
    groupNo: integer('group_no').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId, t.groupNo, t.accountId] }),
    foreignKey({ columns: [t.tenantId, t.runId, t.groupNo], foreignColumns: [dedupReportGroups.tenantId, dedupReportGroups.runId, dedupReportGroups.groupNo] }).onDelete('cascade'),
  ],
);
