import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';
import { orgUnits, users } from '../org/org.schema.ts';

/**
 * personal: the owner only. shared_with_unit: everyone in the owner's unit and the units below it
 * (a branch manager's view reaches the whole branch). shared_with_all: the whole company.
 */
export const viewSharings = ['personal', 'shared_with_unit', 'shared_with_all'] as const;
export type ViewSharing = (typeof viewSharings)[number];

export interface ViewSort {
  field: string;
  order: 'asc' | 'desc';
}

/** The list endpoint's query parameters, as the client sends them (customFilters as an object). */
export type ViewFilters = Record<string, unknown>;

// Views are preferences, not business records: deleting one removes it (the audit log keeps it).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave them out
const { deletedAt, deletedBy, ...viewColumns } = recordColumns();

/** A saved list view: filters, columns and sort of an object type's list page. */
export const savedViews = pgTable(
  'saved_views',
  {
    ...viewColumns,
    objectType: text('object_type').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** the owner's unit when the view was last saved: what shared_with_unit reaches */
    unitId: uuid('unit_id').notNull(),
    sharing: text('sharing').$type<ViewSharing>().notNull().default('personal'),
    filters: jsonb('filters').$type<ViewFilters>().notNull().default({}),
    /** field keys in display order; custom fields as custom.<key> */
    columns: jsonb('columns').$type<string[]>().notNull().default([]),
    sort: jsonb('sort').$type<ViewSort | null>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('saved_views_owner_idx').on(t.tenantId, t.objectType, t.ownerId),
    index('saved_views_shared_idx').on(t.tenantId, t.objectType, t.sharing, t.unitId),
  ],
);

/** Each user's default view per object type; the view may be one shared with them. */
export const savedViewDefaults = pgTable(
  'saved_view_defaults',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    objectType: text('object_type').notNull(),
    viewId: uuid('view_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.objectType] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.viewId], foreignColumns: [savedViews.tenantId, savedViews.id] }).onDelete('cascade'),
    index('saved_view_defaults_view_idx').on(t.tenantId, t.viewId),
  ],
);
