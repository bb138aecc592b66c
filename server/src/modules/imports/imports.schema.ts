import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';
import type { TableLayout } from './reader/table.ts';

export const importStates = ['draft', 'queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof importStates)[number];
export const duplicatePolicies = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];
export const rowOutcomes = ['created', 'updated', 'skipped', 'error'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/** A column of the file feeding a field of the target ('name', 'phones', 'custom.level'). */
export interface ColumnMapping {
  column: number;
  field: string;
}

export interface ImportOptions {
  duplicatePolicy: DuplicatePolicy;
  /** records land with this owner and unit (default: the importer, their unit) */
  ownerId?: string | null;
  unitId?: string | null;
}

/**
 * One import: the uploaded file, how it is read and mapped, and its checkpoint. `rowsDone` is the
 * file row number of the last row of the last committed batch: a killed import resumes after it,
 * and since a batch's records, row outcomes and this checkpoint commit together, a row is never
 * written twice nor lost.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    target: text('target').notNull(),
    fileName: text('file_name').notNull(),
    fileKey: text('file_key').notNull(),
    fileSize: integer('file_size').notNull(),
    layout: jsonb('layout').$type<TableLayout>().notNull(),
    mapping: jsonb('mapping').$type<ColumnMapping[]>().notNull().default([]),
    options: jsonb('options').$type<ImportOptions>().notNull().default({ duplicatePolicy: 'skip' }),
    state: text('state').$type<ImportState>().notNull().default('draft'),
    totalRows: integer('total_rows'),
    rowsDone: integer('rows_done').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    failure: text('failure'),
    /** the importer's language when they pressed run: the error report speaks it */
    locale: text('locale').notNull().default('zh-CN'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    /** when the current run (first or resumed) started and how many rows were processed then: the rate */
    runStartedAt: ts('run_started_at'),
    runStartProcessed: integer('run_start_processed').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('import_jobs_created_by_idx').on(t.tenantId, t.createdBy, t.createdAt),
  ],
);

export interface RowIssue {
  column: string;
  value: string;
  reason: string;
}

/** Every processed row's outcome; error rows keep their cells so the report can be fixed and re-imported. */
export const importRows = pgTable(
  'import_rows',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    outcome: text('outcome').$type<RowOutcome>().notNull(),
    recordId: uuid('record_id'),
    issues: jsonb('issues').$type<RowIssue[]>(),
    cells: jsonb('cells').$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.importId, t.rowNo] }),
    foreignKey({ columns: [t.tenantId, t.importId], foreignColumns: [importJobs.tenantId, importJobs.id] }),
    index('import_rows_record_idx').on(t.tenantId, t.recordId),
  ],
);
