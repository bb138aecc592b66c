import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];

/**
 * Sales pipelines (销售流程): a tenant may run several, e.g. container shipping and bulk cargo, each
 * with its own stages. One pipeline is the default for new opportunities.
 */
export const pipelines = pgTable(
  'pipelines',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    description: text('description'),
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // At most one default pipeline per tenant.
    uniqueIndex('pipelines_default_uq').on(t.tenantId).where(sql`${t.isDefault} and ${t.deletedAt} is null`),
  ],
);

/**
 * The stages of a pipeline in order. Open stages carry the probability a new deal in them defaults
 * to; won and lost stages close the deal. Stages are deactivated, never deleted, so history stays readable.
 */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    ...recordColumns(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** 0..100 */
    probability: integer('probability').notNull(),
    kind: text('kind').$type<StageKind>().notNull().default('open'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.pipelineId], foreignColumns: [pipelines.tenantId, pipelines.id] }),
    index('pipeline_stages_pipeline_idx').on(t.tenantId, t.pipelineId, t.sortOrder),
  ],
);
