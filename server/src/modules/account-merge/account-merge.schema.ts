import { foreignKey, index, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { users } from '../org/org.schema.ts';

/** A row that a merge re-pointed from a merged account to the survivor: table, primary key, old account id. */
export interface MovedRow {
  table: string;
  /** the row's link column ('account_id', 'record_id') */
  column: string;
  /** primary-key columns (tenant_id excluded) → values as text */
  key: Record<string, string>;
  from: string;
  /** columns the merge changed besides the link (e.g. is_primary cleared), with their values before */
  restore?: Record<string, unknown>;
}

/** A row the merge deleted because it would have collided with the survivor's (the same contact linked twice). */
export interface RemovedRow {
  table: string;
  /** the whole row as to_jsonb gave it; put back by jsonb_populate_record on undo */
  row: Record<string, unknown>;
}

/** The survivor's stored fields before the merge, as the account write set them. */
export type SurvivorImage = Record<string, unknown>;

/**
 * One merge of accounts into a survivor, with everything undo needs: the survivor's before-image,
 * and exactly which rows moved (or were dropped as collisions) so undo moves those rows, and only
 * those, back.
 */
export const accountMerges = pgTable(
  'account_merges',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedIds: uuid('merged_ids').array().notNull(),
    /** the survivor's fields before, and its version right after the merge (undo refuses when it has moved on) */
    survivorBefore: jsonb('survivor_before').$type<SurvivorImage>().notNull(),
    survivorVersionAfter: integer('survivor_version_after').notNull(),
    /** the merged accounts' versions right after the merge (they were soft-deleted with it) */
    mergedVersionsAfter: jsonb('merged_versions_after').$type<Record<string, number>>().notNull(),
    moved: jsonb('moved').$type<MovedRow[]>().notNull(),
    removed: jsonb('removed').$type<RemovedRow[]>().notNull(),
    /** rows per table, for lists and the confirmation message */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.survivorId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
    index('account_merges_survivor_idx').on(t.tenantId, t.survivorId, t.createdAt),
    index('account_merges_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);
